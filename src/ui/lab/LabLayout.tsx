/**
 * Lab mode's page body (loaded on demand): controls, the real broker's diagram with the real phones'
 * inboxes below it, the packet inspector and the side-by-side comparison, and the packet log.
 */
import { useState } from 'react';
import type { LabHost } from '../../bridge/lab-api';
import { Tabs } from '../playground/components/Tabs';
import { LabControls } from './LabControls';
import { LabDiagram } from './LabDiagram';
import { LabPhones } from './LabPhones';
import { PacketInspector } from './PacketInspector';
import { PacketLog } from './PacketLog';
import { SideBySide } from './SideBySide';
import { useLabSnapshot } from './useLabMode';
import './lab.css';

type LabTab = 'inspector' | 'compare';

export default function LabLayout({
  host,
  theme,
}: {
  host: LabHost;
  theme: 'light' | 'dark';
}): React.JSX.Element {
  const s = useLabSnapshot(host);
  const [selected, setSelected] = useState<number>();
  const [tab, setTab] = useState<LabTab>('compare');
  const packet = s.packets.find((p) => p.seq === selected);
  const inspect = (seq: number): void => {
    setSelected(seq);
    setTab('inspector');
  };
  return (
    <>
      <aside className="pg-controls" aria-label="Lab controls">
        <LabControls host={host} />
      </aside>
      <main className="pg-diagram pg-lab-main" aria-label="Real broker">
        <div className="pg-lab-diagram">
          <LabDiagram
            host={host}
            snapshot={s}
            theme={theme}
            selected={selected}
            onSelect={inspect}
          />
        </div>
        <LabPhones snapshot={s} />
      </main>
      <aside className="pg-side" aria-label="Details">
        <Tabs
          label="Details"
          value={tab}
          onChange={setTab}
          tabs={[
            {
              id: 'compare',
              label: 'Side by side',
              render: () => <SideBySide host={host} snapshot={s} />,
            },
            {
              id: 'inspector',
              label: 'Inspector',
              render: () => <PacketInspector packet={packet} />,
            },
          ]}
        />
      </aside>
      <section className="pg-log" aria-label="Packet log">
        <PacketLog
          packets={s.packets}
          total={s.packetTotal}
          selected={selected}
          onSelect={inspect}
        />
      </section>
    </>
  );
}
