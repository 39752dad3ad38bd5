import { usePlaygroundStore, useView } from '../hooks/usePlayground';

/** A host error or a refused action, in words, until dismissed or the next action succeeds. */
export function ErrorBanner(): React.JSX.Element | null {
  const store = usePlaygroundStore();
  const error = useView((s) => s.error);
  if (!error) return null;
  return (
    <div className="pg-error" role="alert">
      <span>{error}</span>
      <button type="button" className="pg-btn pg-ghost" onClick={store.clearError}>
        Dismiss
      </button>
    </div>
  );
}
