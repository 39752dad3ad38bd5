import { useEffect, useRef, useState } from 'react';
import { DEFAULT_GATEWAY } from '../../../../bridge/vocabulary';
import { shallowEqual, useView } from '../../hooks/usePlayground';
import { formatInt, formatPct } from '../../../../views/format';
import { displayName } from '../../model/names';
import { Handles, HUB_SIDES } from './Handles';

/** The Chat Gateway: connections held against capacity, load against the backpressure threshold. */
export function GatewayNode(): React.JSX.Element {
  const g = useView((s) => {
    const gw = s.snapshot?.gateway;
    return {
      connections: gw?.connections ?? 0,
      max: gw?.maxConnections ?? 1,
      load: Math.round((gw?.load ?? 0) * 100) / 100,
      bp: gw?.backpressure ?? true,
      pct: gw?.thresholdPct ?? DEFAULT_GATEWAY.thresholdPct,
      crashed: gw?.crashed ?? false,
      refused: s.snapshot?.report.gateway.refusedConnections ?? 0,
    };
  }, shallowEqual);
  const over = g.bp && g.load * 100 >= g.pct;
  return (
    <section
      className={`pg-node pg-server pg-gateway${g.crashed ? ' pg-crashed' : ''}`}
      aria-label="Chat Gateway"
    >
      <Handles sides={HUB_SIDES} />
      <header className="pg-node-head">
        <strong>Chat Gateway</strong>
        {g.crashed ? <span className="pg-badge pg-bad-badge">down</span> : null}
      </header>
      <p className="pg-node-sub">
        {formatInt(g.connections)} / {formatInt(g.max)} connections held
      </p>
      <div
        className="pg-meter"
        role="meter"
        aria-label="Gateway load"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(g.load * 100)}
      >
        <span
          className={`pg-meter-fill${over ? ' pg-over' : ''}`}
          style={{ width: `${Math.min(100, g.load * 100)}%` }}
        />
        {g.bp ? (
          <span
            className="pg-meter-mark"
            style={{ left: `${g.pct}%` }}
            title={`refuses above ${g.pct} %`}
          />
        ) : null}
      </div>
      <p className="pg-node-sub">
        load {formatPct(g.load)} · {g.bp ? `refuses above ${g.pct} %` : 'backpressure off'}
        {g.refused ? ` · ${formatInt(g.refused)} refused` : ''}
      </p>
    </section>
  );
}

/** The Session Manager: who is online, and on which connection (asked for every message). */
export function SessionsNode(): React.JSX.Element {
  const online = useView((s) => s.snapshot?.sessions.online ?? 0);
  return (
    <section className="pg-node pg-server pg-sessions" aria-label="Session Manager">
      <Handles sides={[{ id: 'top', type: 'target' }]} />
      <header className="pg-node-head">
        <strong>Session Manager</strong>
      </header>
      <p className="pg-node-sub">
        <strong>{formatInt(online)}</strong> online
      </p>
      <p className="pg-node-hint">“Is the recipient online?”</p>
    </section>
  );
}

/** Temporary Storage: messages for offline users, deleted once delivered and acked. */
export function StoreNode(): React.JSX.Element {
  const st = useView(
    (s) => ({
      pending: s.snapshot?.store.pending ?? 0,
      byUser: s.snapshot?.store.byUser ?? [],
      names: s.names,
    }),
    (a, b) =>
      a.pending === b.pending &&
      a.names === b.names &&
      JSON.stringify(a.byUser) === JSON.stringify(b.byUser),
  );
  const prev = useRef(st.pending);
  const [emptied, setEmptied] = useState(0);
  useEffect(() => {
    if (st.pending < prev.current) setEmptied((n) => n + 1);
    prev.current = st.pending;
  }, [st.pending]);
  const who = st.byUser
    .slice(0, 3)
    .map(([u, n]) => `${displayName(st.names.get(u) ?? `u${u}`)} ${n}`);
  return (
    <section
      className={`pg-node pg-server pg-store${st.pending ? ' pg-holding' : ''}`}
      aria-label="Temporary Storage"
    >
      <Handles sides={[{ id: 'top', type: 'target' }]} />
      <header className="pg-node-head">
        <strong>Temporary Storage</strong>
      </header>
      <p className="pg-store-count">
        <output
          key={emptied}
          className={emptied ? 'pg-emptied' : ''}
          aria-label="Messages waiting in storage"
          data-testid="store-pending"
        >
          {formatInt(st.pending)}
        </output>{' '}
        <span className="pg-muted">waiting</span>
      </p>
      <p className="pg-node-hint">
        {who.length
          ? `for ${who.join(', ')}${st.byUser.length > 3 ? ', …' : ''}`
          : 'empty: delivered messages are deleted'}
      </p>
    </section>
  );
}
