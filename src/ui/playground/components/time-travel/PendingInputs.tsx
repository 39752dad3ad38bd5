import { useView } from '../../hooks/usePlayground';
import { pendingText } from '../../model/pending';

/** Inputs given while paused, on the diagram until the next step applies them. */
export function PendingInputs(): React.JSX.Element | null {
  const pending = useView((s) => s.snapshot?.pendingInputs);
  const names = useView((s) => s.names);
  if (!pending?.length) return null;
  return (
    <div className="pg-pending-inputs" role="status" aria-label="Pending inputs">
      <p className="pg-pending">Applies at the next step:</p>
      <ul>
        {pending.map((i, n) => (
          <li key={n}>{pendingText(i, names)}</li>
        ))}
      </ul>
    </div>
  );
}
