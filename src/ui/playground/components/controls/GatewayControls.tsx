import { useEffect, useId, useRef, useState } from 'react';
import { DEFAULT_GATEWAY, THRESHOLD_PCT_RANGE } from '../../../../bridge/vocabulary';
import { shallowEqual, usePlaygroundStore, useView } from '../../hooks/usePlayground';
import { formatInt } from '../../../../views/format';
import { presetOf, RETRY_PRESETS, type RetryPreset } from '../../model/settings';
import { Section, SelectField } from './Field';
import { StayButton } from '../StayButton';

const CAPACITIES = [500, 1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000];
const WORK = [2_000, 5_000, 10_000, 20_000, 50_000, 100_000];

const withCurrent = (list: readonly number[], v: number): number[] =>
  list.includes(v) ? [...list] : [...list, v].sort((a, b) => a - b);

/** Gateway capacity, backpressure and its threshold, the retry policy, and the crash button. */
export function GatewayControls(): React.JSX.Element {
  const store = usePlaygroundStore();
  const g = useView((s) => {
    const gw = s.slow?.gateway;
    return {
      max: gw?.maxConnections ?? DEFAULT_GATEWAY.maxConnections,
      work: gw?.workPerSec ?? DEFAULT_GATEWAY.workPerSec,
      // The figures the engine charges (WORK_UNITS), so the note never drifts from them.
      handshake: gw?.workUnits.handshake,
      message: gw?.workUnits.message,
      control: gw?.workUnits.control,
      bp: gw?.backpressure ?? true,
      pct: gw?.thresholdPct ?? DEFAULT_GATEWAY.thresholdPct,
      crashed: gw?.crashed ?? false,
      retry: presetOf(s.snapshot?.settings.retry),
    };
  }, shallowEqual);
  const thresholdId = useId();
  const [pct, setPct] = useState(g.pct);
  const dragging = useRef(false);
  useEffect(() => {
    if (!dragging.current) setPct(g.pct);
  }, [g.pct]);
  const commitPct = (v: number): void => {
    dragging.current = false;
    if (v !== g.pct) void store.input({ do: 'gateway', thresholdPct: v });
  };
  return (
    <>
      <Section
        title="Gateway"
        note={`Load is the larger of connections held ÷ max connections and work ÷ capacity${g.handshake !== undefined ? `; a handshake costs ${g.handshake} units, a message ${g.message}, a ping or empty poll ${g.control}` : ''}.`}
      >
        <div className="pg-row">
          <SelectField
            label="Max connections"
            value={g.max}
            options={withCurrent(CAPACITIES, g.max).map((n) => ({ value: n, label: formatInt(n) }))}
            onChange={(v) => void store.input({ do: 'gateway', maxConnections: v })}
          />
          <SelectField
            label="Work units per second"
            value={g.work}
            options={withCurrent(WORK, g.work).map((n) => ({ value: n, label: formatInt(n) }))}
            onChange={(v) => void store.input({ do: 'gateway', workPerSec: v })}
          />
        </div>
        <label className="pg-check">
          <input
            type="checkbox"
            checked={g.bp}
            onChange={(e) => void store.input({ do: 'gateway', backpressure: e.target.checked })}
          />
          Backpressure
        </label>
        <div className="pg-field">
          <label htmlFor={thresholdId}>Refuse above (% load)</label>
          <div className="pg-range">
            <input
              id={thresholdId}
              type="range"
              min={THRESHOLD_PCT_RANGE.min}
              max={THRESHOLD_PCT_RANGE.max}
              step={1}
              value={pct}
              disabled={!g.bp}
              onChange={(e) => {
                dragging.current = true;
                setPct(Number(e.target.value));
              }}
              onPointerUp={(e) => commitPct(Number(e.currentTarget.value))}
              onKeyUp={(e) => commitPct(Number(e.currentTarget.value))}
              onBlur={(e) => commitPct(Number(e.currentTarget.value))}
            />
            <output htmlFor={thresholdId}>{pct} %</output>
          </div>
        </div>
        <StayButton
          className="pg-btn pg-danger"
          onClick={() => void store.input({ do: 'crash' })}
          unavailable={g.crashed}
        >
          {g.crashed ? 'Gateway is down' : 'Crash the gateway'}
        </StayButton>
      </Section>
      <Section
        title="Retry policy"
        note="How long a refused or dropped phone waits before it tries again (FACTS §6.1: Brooker, “Exponential Backoff And Jitter”, AWS 2015)."
      >
        <SelectField<RetryPreset | 'scenario'>
          label="After a refusal, retry with"
          value={g.retry ?? 'scenario'}
          options={[
            ...(g.retry ? [] : [{ value: 'scenario' as const, label: 'As the scenario sets it' }]),
            ...(Object.keys(RETRY_PRESETS) as RetryPreset[]).map((k) => ({
              value: k,
              label: RETRY_PRESETS[k].label,
            })),
          ]}
          onChange={(v) => void (v !== 'scenario' && store.setRetry(v))}
        />
      </Section>
    </>
  );
}
