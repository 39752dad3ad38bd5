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

/** Colour swatches with what each colour stands for (the diagrams' legends). */
export function Swatches({
  label,
  items,
}: {
  label: string;
  items: readonly (readonly [style: string, label: string])[];
}): React.JSX.Element {
  return (
    <ul aria-label={label}>
      {items.map(([style, text]) => (
        <li key={style}>
          <span className={`pg-swatch pg-swatch-${style}`} aria-hidden="true" />
          {text}
        </li>
      ))}
    </ul>
  );
}

/** What the dots mean, and the "follow a message" switch for busy diagrams. */
export function FlightLegend({ grouped }: { grouped: boolean }): React.JSX.Element {
  const store = usePlaygroundStore();
  const followed = useView((s) => s.followedMsg);
  return (
    <div className="pg-legend">
      <Swatches label="What the moving dots are" items={ITEMS} />
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
