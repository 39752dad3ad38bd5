import { useState } from 'react';
import type { ProtocolName } from '../../../../bridge/playground-api';
import { usePlaygroundStore, useView } from '../../hooks/usePlayground';
import { formatInt } from '../../../../views/format';
import { namesFor } from '../../model/names';
import { PROTOCOL_OPTIONS, SPAWN_COUNTS } from '../../model/settings';
import { Section, SelectField } from './Field';

/** Spawn 1 to 10,000 phones on a protocol; the first two dozen get names. */
export function SpawnControls(): React.JSX.Element {
  const store = usePlaygroundStore();
  const phoneCount = useView((s) => s.snapshot?.phoneCount ?? 0);
  const [count, setCount] = useState<number>(1);
  const [protocol, setProtocol] = useState<ProtocolName>('mqtt');
  const spawn = (): void => {
    const names = namesFor(phoneCount + 1, count);
    void store.input({ do: 'spawn', count, protocol, ...(names.length ? { names } : {}) });
  };
  return (
    <Section title="Spawn phones" note={`${formatInt(phoneCount)} phones in this run`}>
      <div className="pg-row">
        <SelectField
          label="How many"
          value={count}
          options={SPAWN_COUNTS.map((n) => ({ value: n, label: formatInt(n) }))}
          onChange={setCount}
        />
        <SelectField
          label="Protocol"
          value={protocol}
          options={PROTOCOL_OPTIONS}
          onChange={setProtocol}
        />
      </div>
      <button type="button" className="pg-btn pg-primary" onClick={spawn}>
        Spawn
      </button>
    </Section>
  );
}
