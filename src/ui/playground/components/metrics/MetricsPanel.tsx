import type { ProtocolName, Snapshot } from '../../../../bridge/playground-api';
import { DEFAULT_GATEWAY } from '../../../../bridge/vocabulary';
import { shallowEqual, useView } from '../../hooks/usePlayground';
import { formatBytes, formatInt, formatMs, formatPct } from '../../../../views/format';
import { PROTOCOL_SHORT } from '../../model/settings';
import { SOURCES } from '../../model/sources';
import type { MetricSample } from '../../store/metric-history';
import { Bars, type BarRow } from './Bars';
import { MessageStates } from './MessageStates';
import { Source } from './Source';
import { Sparkline } from './Sparkline';

const PROTOS: readonly ProtocolName[] = ['short-poll', 'long-poll', 'websocket', 'mqtt'];

function Tile({
  title,
  value,
  children,
  source,
}: {
  title: string;
  value: string;
  children?: React.ReactNode;
  source?: string;
}): React.JSX.Element {
  return (
    <div className="pg-tile">
      <h2>
        {title}
        {source ? <Source text={source} /> : null}
      </h2>
      <p className="pg-tile-value" data-testid={`metric:${title}`}>
        {value}
      </p>
      {children}
    </div>
  );
}

const series = (h: readonly MetricSample[], f: (s: MetricSample) => number): number[] => h.map(f);

function protocolRows(s: Snapshot, f: (proto: ProtocolName) => BarRow | undefined): BarRow[] {
  const out: BarRow[] = [];
  for (const p of PROTOS) {
    const row = f(p);
    if (row) out.push(row);
  }
  return out;
}

/** Live figures, every one read from the simulation's report or snapshot. */
export function MetricsPanel(): React.JSX.Element {
  const s = useView((v) => v.slow);
  const history = useView((v) => v.history);
  const gw = useView(
    (v) => ({
      max: v.slow?.gateway.maxConnections ?? 1,
      pct: v.slow?.gateway.thresholdPct ?? DEFAULT_GATEWAY.thresholdPct,
    }),
    shallowEqual,
  );
  if (!s) return <p className="pg-muted">Starting…</p>;
  const r = s.report;
  const bytesPer = protocolRows(s, (p) => {
    const x = r.protocols[p];
    if (!x || x.bytesPerDeliveredMessage === null) return undefined;
    return {
      key: p,
      label: PROTOCOL_SHORT[p],
      parts: [
        {
          value: x.bytesPerDeliveredMessage,
          className: `pg-fill-${p}`,
          title: 'bytes per delivered message',
        },
      ],
      text: formatBytes(x.bytesPerDeliveredMessage),
    };
  });
  const headers = protocolRows(s, (p) => {
    const x = r.protocols[p];
    if (!x || x.headerBytes + x.payloadBytes === 0) return undefined;
    const share = x.headerBytes / (x.headerBytes + x.payloadBytes);
    return {
      key: p,
      label: PROTOCOL_SHORT[p],
      parts: [
        {
          value: x.headerBytes,
          className: 'pg-fill-header',
          title: `headers ${formatBytes(x.headerBytes)}`,
        },
        {
          value: x.payloadBytes,
          className: 'pg-fill-payload',
          title: `payload ${formatBytes(x.payloadBytes)}`,
        },
      ],
      text: `${formatPct(share)} headers`,
    };
  });
  const energy = protocolRows(s, (p) => {
    const x = r.energy[p];
    if (!x) return undefined;
    return {
      key: p,
      label: PROTOCOL_SHORT[p],
      parts: [
        { value: x.joulesPerPhoneHour, className: `pg-fill-${p}`, title: 'joules per phone-hour' },
      ],
      text: `${formatInt(x.joulesPerPhoneHour)} J/h`,
    };
  });
  return (
    <div className="pg-metrics">
      <div className="pg-tiles">
        <Tile title="Connections held" value={formatInt(s.gateway.connections)}>
          <Sparkline
            values={series(history, (x) => x.connections)}
            max={gw.max}
            label="connections held over time"
          />
        </Tile>
        <Tile title="Load vs capacity" value={formatPct(s.gateway.load)}>
          <Sparkline
            values={series(history, (x) => x.load * 100)}
            max={100}
            threshold={s.gateway.backpressure ? gw.pct : undefined}
            label={`gateway load over time, threshold ${gw.pct} %`}
          />
        </Tile>
        <Tile title="Refused connections" value={formatInt(r.gateway.refusedConnections)}>
          <Sparkline
            values={series(history, (x) => x.refused)}
            label="refused connections over time"
          />
        </Tile>
        <Tile title="Stored now" value={formatInt(s.store.pending)}>
          <Sparkline
            values={series(history, (x) => x.stored)}
            label="messages in storage over time"
          />
        </Tile>
        <Tile
          title="Delivery latency"
          value={`p50 ${formatMs(r.latencyMs.p50)}`}
          source={SOURCES.paging}
        >
          <p className="pg-small-text">
            p95 {formatMs(r.latencyMs.p95)} · p99 {formatMs(r.latencyMs.p99)}
          </p>
          <p className="pg-small-text">
            {r.latencyMs.pagingWait.chats === 0
              ? 'no message waited for a sleeping radio'
              : `${formatInt(r.latencyMs.pagingWait.chats)} waited for a sleeping radio’s paging occasion: mean ${formatMs(r.latencyMs.pagingWait.mean)}`}
          </p>
          <Sparkline
            // Before the first delivery the line rests at 0 (the tile says —).
            values={series(history, (x) => x.p95 ?? 0)}
            label="p95 delivery latency over time"
          />
        </Tile>
        <Tile
          title="Memory per connection"
          value={`~${formatInt(r.gateway.bytesPerConnection)} B`}
          source={`${SOURCES.erlang}. ${SOURCES.whatsapp}.`}
        >
          <p className="pg-small-text">the gateway’s record per held connection</p>
        </Tile>
      </div>
      <h2>Messages by state</h2>
      <MessageStates m={r.messages} />
      <h2>
        Bytes per delivered message <Source text={SOURCES.httpHeaders} />
      </h2>
      <Bars rows={bytesPer} label="bytes per delivered message" />
      <h2>Header vs payload bytes</h2>
      <Bars rows={headers} label="header vs payload" />
      <p className="pg-key">
        <span className="pg-swatch pg-fill-header" aria-hidden="true" /> headers{' '}
        <span className="pg-swatch pg-fill-payload" aria-hidden="true" /> payload (envelopes,
        ciphertext)
      </p>
      <h2>
        Radio energy per phone-hour <Source text={SOURCES.lte} />
      </h2>
      <Bars rows={energy} label="radio energy per phone-hour" />
      <ol className="pg-footnotes">
        <li>{SOURCES.httpHeaders}.</li>
        <li>{SOURCES.lte}.</li>
        <li>{SOURCES.erlang}.</li>
      </ol>
    </div>
  );
}
