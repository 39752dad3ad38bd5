import { usePlaygroundStore, useView } from '../../hooks/usePlayground';

/** What a bad share link shows instead of the run: what is wrong, and a way to a fresh run. */
export function ShareErrorView({ message }: { message: string }): React.JSX.Element {
  const store = usePlaygroundStore();
  const ready = useView((s) => s.ready);
  return (
    <main className="pg-share-error" aria-labelledby="pg-share-error-title">
      <h1 id="pg-share-error-title">This link cannot open a run</h1>
      <p role="alert">{message}</p>
      <p className="pg-muted">
        Nothing from the link was run. A fresh run starts from Alice and Bob.
      </p>
      <button
        type="button"
        className="pg-btn pg-primary"
        disabled={!ready}
        onClick={() => {
          history.replaceState(null, '', location.pathname + location.search);
          void store.dismissShareError();
        }}
      >
        Start a fresh run
      </button>
    </main>
  );
}
