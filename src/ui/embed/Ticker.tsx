import { usePlaygroundStore, useView } from '../playground/hooks/usePlayground';
import { routeText } from '../playground/model/event-text';
import { formatClock } from '../../views/format';

/** How many of the latest events the ticker shows. */
const TICKER_ROWS = 3;

/** The latest few trace events, one line each (the embed's optional event ticker). */
export function Ticker(): React.JSX.Element {
  const store = usePlaygroundStore();
  useView((s) => s.logVersion);
  const names = useView((s) => s.names);
  const items = store.log.items.slice(-TICKER_ROWS);
  return (
    <aside className="em-ticker" aria-label="Latest events">
      <ol>
        {items.map((e, i) => (
          <li key={`${e.atMs}-${i}`}>
            <span className="em-mono">{formatClock(e.atMs)}</span> {e.kind} {routeText(e, names)}
          </li>
        ))}
      </ol>
    </aside>
  );
}
