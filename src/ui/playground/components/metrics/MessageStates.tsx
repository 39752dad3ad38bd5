import type { Report } from '../../../../bridge/playground-api';
import { formatInt } from '../../../../views/format';

/** Every message sent, by where it is now: nothing is lost silently, and the bar shows it. */
export function MessageStates({ m }: { m: Report['messages'] }): React.JSX.Element {
  const deliveredUnread = Math.max(0, m.delivered - m.read);
  const parts = [
    { key: 'in flight', value: m.inFlight, cls: 'pg-state-flight' },
    { key: 'in storage', value: m.pendingInStore, cls: 'pg-state-stored' },
    { key: 'delivered', value: deliveredUnread, cls: 'pg-state-delivered' },
    { key: 'read', value: m.read, cls: 'pg-state-read' },
    { key: 'lost', value: m.lost, cls: 'pg-state-lost' },
  ];
  const total = Math.max(
    1,
    parts.reduce((a, p) => a + p.value, 0),
  );
  return (
    <div className="pg-states">
      <div className="pg-state-bar" aria-hidden="true">
        {parts.map((p) =>
          p.value ? (
            <span key={p.key} className={p.cls} style={{ width: `${(p.value / total) * 100}%` }} />
          ) : null,
        )}
      </div>
      <ul className="pg-state-list">
        <li>
          sent <strong>{formatInt(m.sent)}</strong>
        </li>
        {parts.map((p) => (
          <li key={p.key}>
            <span className={`pg-swatch ${p.cls}`} aria-hidden="true" /> {p.key}{' '}
            <strong data-testid={`state:${p.key}`}>{formatInt(p.value)}</strong>
          </li>
        ))}
      </ul>
    </div>
  );
}
