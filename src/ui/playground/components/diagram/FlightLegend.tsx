import { usePlaygroundStore, useView } from '../../hooks/usePlayground';

const ITEMS = [
  ['chat', 'chat message'],
  ['ack', 'ack / receipt'],
  ['store', 'to or from storage'],
  ['keepalive', 'keep-alive ping'],
  ['poll', 'poll (hollow)'],
  ['connect', 'connect / close'],
  ['refused', 'refused ✕'],
] as const;

/** What the dots mean, and the "follow a message" switch for busy diagrams. */
export function FlightLegend({ grouped }: { grouped: boolean }): React.JSX.Element {
  const store = usePlaygroundStore();
  const followed = useView((s) => s.followedMsg);
  return (
    <div className="pg-legend">
      <ul aria-label="What the moving dots are">
        {ITEMS.map(([style, label]) => (
          <li key={style}>
            <span className={`pg-swatch pg-swatch-${style}`} aria-hidden="true" />
            {label}
          </li>
        ))}
      </ul>
      <p className="pg-muted pg-legend-note">
        Size grows with bytes; dots move at virtual-time speed.
        {grouped ? ' Phones are grouped by protocol; edge width is bytes per second.' : ''}
      </p>
      {followed === undefined ? (
        <button type="button" className="pg-btn pg-small" onClick={store.follow}>
          Follow a message
        </button>
      ) : (
        <button type="button" className="pg-btn pg-small" onClick={store.unfollow}>
          Stop following #{followed}
        </button>
      )}
    </div>
  );
}
