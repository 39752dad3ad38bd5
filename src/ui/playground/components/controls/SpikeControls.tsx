import { useId, useState } from 'react';
import type { ProtocolName } from '../../../../bridge/playground-api';
import { shallowEqual, usePlaygroundStore, useView } from '../../hooks/usePlayground';
import { formatInt } from '../../../../views/format';
import { PROTOCOL_OPTIONS } from '../../model/settings';
import {
  acceptsPerSec,
  DEFAULT_SPIKE_FACTOR,
  nearConnectionLimit,
  SPIKE_FACTORS,
  type SpikePreset,
  spikePresets,
} from '../../model/spike-presets';
import { Section, SelectField } from './Field';
import { SpikeHistogram } from './SpikeHistogram';

const WITHIN = [1, 5, 10, 30] as const;
/** Round sizes a lesson or a test can name whatever the gateway ("Fire 1,000 phones"). */
const FIXED_SIZES = [500, 1_000, 3_000, 10_000] as const;

/** The chosen size: a preset by its place (`p2`), or a fixed size (`n1000`). */
function sizeOf(choice: string, presets: readonly SpikePreset[]): SpikePreset | undefined {
  if (choice.startsWith('n')) {
    const n = Number(choice.slice(1));
    return { value: n, label: formatInt(n), shows: 'a fixed size, whatever the gateway' };
  }
  return presets[Math.min(Number(choice.slice(1)), presets.length - 1)];
}

/** Before the first snapshot there is no gateway to size a spike against. */
const NO_GATEWAY = {
  maxConnections: 0,
  workPerSec: 0,
  thresholdPct: 0,
  handshake: 1,
  held: 0,
};

/** New Year's Eve: thousands of phones connect within seconds (the seed note's thundering herd). */
export function SpikeControls(): React.JSX.Element {
  const store = usePlaygroundStore();
  const gw = useView(
    (s) =>
      s.snapshot
        ? {
            maxConnections: s.snapshot.gateway.maxConnections,
            workPerSec: s.snapshot.gateway.workPerSec,
            thresholdPct: s.snapshot.gateway.thresholdPct,
            handshake: s.snapshot.gateway.workUnits.handshake,
            // Rounded: the cap moves with hundreds of connections, not with every one.
            held: Math.round(s.snapshot.gateway.connections / 100) * 100,
          }
        : NO_GATEWAY,
    shallowEqual,
  );
  const [within, setWithin] = useState<number>(1);
  const [choice, setChoice] = useState(
    `p${SPIKE_FACTORS.findIndex((f) => f.factor === DEFAULT_SPIKE_FACTOR)}`,
  );
  const phonesId = useId();
  const [each, setEach] = useState<number>(0);
  const [protocol, setProtocol] = useState<ProtocolName>('mqtt');
  const gateway = { ...gw, workUnits: { handshake: gw.handshake } };
  const ready = gw.maxConnections > 0;
  const presets = ready ? spikePresets(gateway, gw.held, within) : [];
  const chosen = ready ? sizeOf(choice, presets) : undefined;
  const size = chosen?.value ?? 0;
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
      note={`Each spike phone connects at a random moment inside the window; refused ones retry by the policy below. Capacity is what this gateway accepts over the window before backpressure refuses: ${formatInt(acceptsPerSec(gateway))} a second (${formatInt(gw.workPerSec)} work units/s × ${gw.thresholdPct} % ÷ ${gw.handshake} per handshake). The room left is what stays under ${gw.thresholdPct} % of its ${formatInt(gw.maxConnections)} connections.`}
    >
      <div className="pg-row">
        <SelectField
          label="Within"
          value={within}
          options={WITHIN.map((n) => ({ value: n, label: `${n} s` }))}
          onChange={setWithin}
        />
        <SelectField
          label="Spike protocol"
          value={protocol}
          options={PROTOCOL_OPTIONS}
          onChange={setProtocol}
        />
      </div>
      <div className="pg-field">
        <label htmlFor={phonesId}>Phones</label>
        <select
          id={phonesId}
          value={chosen && choice.startsWith('p') ? `p${presets.indexOf(chosen)}` : choice}
          onChange={(e) => setChoice(e.target.value)}
        >
          <optgroup label="Sized to this gateway">
            {presets.map((p, i) => (
              <option key={`p${i}`} value={`p${i}`}>
                {p.label}
              </option>
            ))}
          </optgroup>
          <optgroup label="Fixed sizes">
            {FIXED_SIZES.map((n) => (
              <option key={n} value={`n${n}`}>
                {formatInt(n)}
              </option>
            ))}
          </optgroup>
        </select>
      </div>
      {chosen ? <p className="pg-note pg-spike-shows">{chosen.shows}</p> : null}
      {ready && nearConnectionLimit(gateway, gw.held) ? (
        <p className="pg-note pg-warn-text" role="status">
          The gateway already holds about {formatInt(gw.held)} of its {formatInt(gw.maxConnections)}{' '}
          connections, near {gw.thresholdPct} % of them: load refuses every new one, whatever the
          policy. Reset, or raise Max connections.
        </p>
      ) : null}
      <SelectField
        label="Messages each"
        value={each}
        options={[
          { value: 0, label: 'none' },
          { value: 1, label: '1' },
        ]}
        onChange={setEach}
      />
      <button type="button" className="pg-btn pg-primary" disabled={!chosen} onClick={fire}>
        Fire spike of {formatInt(size)}
      </button>
      <SpikeHistogram />
    </Section>
  );
}
