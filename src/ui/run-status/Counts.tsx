import type { Snapshot } from '../../bridge/playground-api';

/** One labelled figure; the value carries a test id so tests wait for states, not times. */
function Count({ id, label, value }: { id: string; label: string; value: string | number }) {
  return (
    <div className="count">
      <dt id={`count-${id}`}>{label}</dt>
      <dd aria-labelledby={`count-${id}`} data-testid={id}>
        {value}
      </dd>
    </div>
  );
}

/** The run's live counts: connections, messages by state, what the store holds now. */
export function Counts({
  snapshot: s,
  inFlight,
  workers,
}: {
  snapshot: Snapshot;
  inFlight: number;
  workers: number;
}) {
  const m = s.report.messages;
  return (
    <section aria-label="Counts">
      <dl className="counts">
        <Count id="time" label="Virtual time" value={`${(s.nowMs / 1000).toFixed(1)} s`} />
        <Count id="state" label="State" value={s.running ? 'playing' : 'paused'} />
        <Count id="connections" label="Connections" value={s.gateway.connections} />
        <Count id="online" label="Online (session manager)" value={s.sessions.online} />
        <Count
          id="gateway"
          label="Gateway"
          value={
            s.gateway.crashed
              ? `down (incarnation ${s.gateway.epoch})`
              : `up (incarnation ${s.gateway.epoch})`
          }
        />
        <Count id="sent" label="Sent" value={m.sent} />
        <Count id="accepted" label="Accepted ✓" value={m.accepted} />
        <Count id="delivered" label="Delivered ✓✓" value={m.delivered} />
        <Count id="read" label="Read" value={m.read} />
        <Count id="pending-in-store" label="Waiting in the store" value={m.pendingInStore} />
        <Count id="in-flight" label="In flight" value={m.inFlight} />
        <Count id="lost" label="Lost" value={m.lost} />
        <Count id="stored-now" label="Stored now" value={s.store.pending} />
        <Count id="hops" label="Hops on the wire" value={inFlight} />
        <Count id="workers" label="Workers" value={workers} />
        <Count id="trace-hash" label="Trace hash" value={s.report.traceHash} />
      </dl>
      <ul className="phones" aria-label="Phones">
        {s.phones.map((p) => (
          <li key={p.user}>
            {p.name} ({p.proto}): {p.status}
            {p.outbox ? `, ${p.outbox} unsent` : ''}
            {p.unread ? `, ${p.unread} unread` : ''}
          </li>
        ))}
      </ul>
    </section>
  );
}
