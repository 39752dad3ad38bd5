import { useState } from 'react';
import type { ComparisonRow, ProtocolName } from '../../../../bridge/playground-api';
import { usePlaygroundStore, useView } from '../../hooks/usePlayground';
import { formatBytes, formatInt, formatPct } from '../../../../views/format';
import { PROTOCOL_OPTIONS, PROTOCOL_SHORT } from '../../model/settings';
import { SOURCES } from '../../model/sources';
import { SelectField } from '../controls/Field';
import { Source } from '../metrics/Source';
import { StayButton } from '../StayButton';

const SECONDS = [60, 300, 600] as const;
const PHONES = [10, 20, 50] as const;

const cell = (v: number | null, f: (n: number) => string): string => (v === null ? '—' : f(v));

/**
 * The same seeded traffic under all four protocols, run by the host one protocol at a time, so
 * the table fills in live. Nothing here is estimated: each row is a finished run's report.
 */
export function ComparePanel(): React.JSX.Element {
  const store = usePlaygroundStore();
  const comparison = useView((s) => s.comparison);
  const seed = useView((s) => s.snapshot?.seed ?? 1);
  const [seconds, setSeconds] = useState<number>(300);
  const [phones, setPhones] = useState<number>(20);
  const byProto = new Map<ProtocolName, ComparisonRow>(comparison.rows.map((r) => [r.protocol, r]));
  return (
    <div className="pg-compare">
      <p className="pg-note">
        {phones} phones, 30 chat messages a minute between random pairs, seed {seed}: the same
        traffic, once per protocol. Bytes include every poll, ping and handshake.
      </p>
      <div className="pg-row pg-end">
        <SelectField
          label="Virtual time"
          value={seconds}
          options={SECONDS.map((s) => ({ value: s, label: `${s / 60} min` }))}
          onChange={setSeconds}
        />
        <SelectField
          label="Phones per run"
          value={phones}
          options={PHONES.map((n) => ({ value: n, label: String(n) }))}
          onChange={setPhones}
        />
        <StayButton
          className="pg-btn pg-primary"
          unavailable={comparison.running}
          onClick={() => void store.compare(seconds, phones)}
        >
          {comparison.running ? 'Running…' : 'Run comparison'}
        </StayButton>
      </div>
      <table className="pg-table" aria-label="Protocol comparison" aria-busy={comparison.running}>
        <thead>
          <tr>
            <th scope="col">Protocol</th>
            <th scope="col">
              <abbr title="bytes on the wire per delivered message">Bytes / msg</abbr>
            </th>
            <th scope="col">
              <abbr title="share of all bytes that are protocol headers">Headers</abbr>
            </th>
            <th scope="col">
              <abbr title="requests, frames or packets the phones sent">Req.</abbr>
            </th>
            <th scope="col">
              <abbr title="radio energy, joules per phone-hour">J / h</abbr>{' '}
              <Source text={SOURCES.lte} />
            </th>
            <th scope="col">
              <abbr title="delivery latency, median and 95th percentile">p50 / p95</abbr>
            </th>
          </tr>
        </thead>
        <tbody>
          {PROTOCOL_OPTIONS.map(({ value }) => {
            const label = PROTOCOL_SHORT[value];
            const r = byProto.get(value);
            return (
              <tr key={value} data-testid={`compare:${value}`}>
                <th scope="row">{label}</th>
                {r ? (
                  <>
                    <td>{cell(r.bytesPerDeliveredMessage, formatBytes)}</td>
                    <td>
                      {r.headerBytes + r.payloadBytes > 0
                        ? formatPct(r.headerBytes / (r.headerBytes + r.payloadBytes))
                        : '—'}
                    </td>
                    <td>{formatInt(r.requests)}</td>
                    <td>{cell(r.joulesPerPhoneHour, formatInt)}</td>
                    <td>
                      {r.latencyP50Ms === null || r.latencyP95Ms === null
                        ? '—'
                        : `${(r.latencyP50Ms / 1000).toFixed(2)} / ${(r.latencyP95Ms / 1000).toFixed(2)} s`}
                    </td>
                  </>
                ) : (
                  <td colSpan={5} className="pg-muted">
                    {comparison.running ? 'waiting…' : 'not run yet'}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
      {comparison.rows.length ? (
        <p className="pg-muted">
          {comparison.rows[0]!.sent} messages sent in each run;{' '}
          {comparison.rows.map((r) => `${r.delivered} delivered on ${r.protocol}`).join(', ')}.
        </p>
      ) : null}
    </div>
  );
}
