import { useState } from 'react';
import type { ProtocolName } from '../../../../bridge/playground-api';
import { usePlaygroundStore } from '../../hooks/usePlayground';
import { formatInt } from '../../../../views/format';
import { PROTOCOL_OPTIONS } from '../../model/settings';
import { Section, SelectField } from './Field';

const SIZES = [500, 1_000, 3_000, 10_000] as const;
const WITHIN = [1, 5, 10, 30] as const;

/** New Year's Eve: thousands of phones connect within seconds (the seed note's thundering herd). */
export function SpikeControls(): React.JSX.Element {
  const store = usePlaygroundStore();
  const [size, setSize] = useState<number>(1_000);
  const [within, setWithin] = useState<number>(1);
  const [each, setEach] = useState<number>(0);
  const [protocol, setProtocol] = useState<ProtocolName>('mqtt');
  const fire = (): void =>
    void store.input({
      do: 'spike',
      connections: size,
      withinMs: within * 1000,
      protocol,
      messagesEach: each,
    });
  return (
    <Section
      title="New Year's Eve spike"
      note="Each spike phone connects at a random moment inside the window; refused ones retry by the policy below."
    >
      <div className="pg-row">
        <SelectField
          label="Phones"
          value={size}
          options={SIZES.map((n) => ({ value: n, label: formatInt(n) }))}
          onChange={setSize}
        />
        <SelectField
          label="Within"
          value={within}
          options={WITHIN.map((n) => ({ value: n, label: `${n} s` }))}
          onChange={setWithin}
        />
      </div>
      <div className="pg-row">
        <SelectField
          label="Messages each"
          value={each}
          options={[
            { value: 0, label: 'none' },
            { value: 1, label: '1' },
          ]}
          onChange={setEach}
        />
        <SelectField
          label="Spike protocol"
          value={protocol}
          options={PROTOCOL_OPTIONS}
          onChange={setProtocol}
        />
      </div>
      <button type="button" className="pg-btn pg-primary" onClick={fire}>
        Fire spike
      </button>
    </Section>
  );
}
