import { lazy, Suspense } from 'react';
import { ComparePanel } from './components/compare/ComparePanel';
import { ControlsPanel } from './components/controls/ControlsPanel';
import { Diagram } from './components/diagram/Diagram';
import { Inspector } from './components/inspector/Inspector';
import { EventLog } from './components/log/EventLog';
import { MetricsPanel } from './components/metrics/MetricsPanel';
import { Tabs } from './components/Tabs';
import { PendingInputs } from './components/time-travel/PendingInputs';
import { Scrubber } from './components/time-travel/Scrubber';
import type { LabMode } from '../lab/lab-mode';
import { useLabMode } from '../lab/useLabMode';

export type SideTab = 'metrics' | 'inspector' | 'compare';

// Lab mode's body loads only when a broker is in use: it is not part of the page's first load.
const LabLayout = lazy(() => import('../lab/LabLayout'));

interface PanelProps {
  readonly tab: SideTab;
  readonly setTab: (t: SideTab) => void;
  readonly theme: 'light' | 'dark';
}

/** The simulation's panels: controls, diagram, details and the event log. */
function SimulationPanels({ tab, setTab, theme }: PanelProps): React.JSX.Element {
  return (
    <>
      <aside className="pg-controls" aria-label="Controls">
        <ControlsPanel />
      </aside>
      <main className="pg-diagram" aria-label="Diagram">
        <Diagram theme={theme} />
        <PendingInputs />
      </main>
      <aside className="pg-side" aria-label="Details">
        <Tabs
          label="Details"
          value={tab}
          onChange={setTab}
          tabs={[
            { id: 'metrics', label: 'Metrics', render: () => <MetricsPanel /> },
            { id: 'inspector', label: 'Inspector', render: () => <Inspector /> },
            { id: 'compare', label: 'Compare', render: () => <ComparePanel /> },
          ]}
        />
      </aside>
      <section className="pg-log" aria-label="Event log">
        <Scrubber />
        <EventLog />
      </section>
    </>
  );
}

function LabOrSimulation({ lab, ...panels }: PanelProps & { lab: LabMode }): React.JSX.Element {
  const { phase, host } = useLabMode(lab);
  if (phase !== 'running' || !host) return <SimulationPanels {...panels} />;
  return (
    <Suspense fallback={<p role="status">Loading lab mode…</p>}>
      <LabLayout host={host} theme={panels.theme} />
    </Suspense>
  );
}

/** The page's body: the simulation, or lab mode's while a real broker is in use. */
export function Panels({ lab, ...panels }: PanelProps & { lab?: LabMode }): React.JSX.Element {
  return lab ? <LabOrSimulation lab={lab} {...panels} /> : <SimulationPanels {...panels} />;
}
