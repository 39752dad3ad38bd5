import { usePlaygroundStore, useView } from '../../hooks/usePlayground';

/** Where this tab's run lives: reopened after a reload, not kept, or another tab's run to copy. */
export function TabNotice(): React.JSX.Element | null {
  const store = usePlaygroundStore();
  const notice = useView((s) => s.notice);
  const offer = useView((s) => s.copyOffer);
  if (!notice && !offer) return null;
  return (
    <div className="pg-tab-notice" role="region" aria-label="About this tab's run">
      {notice ? <p role="status">{notice}</p> : null}
      {offer ? (
        <p>
          Another tab has a run.{' '}
          <button type="button" className="pg-btn" onClick={() => void store.openCopy()}>
            Open a copy of the newest run
          </button>{' '}
          <button type="button" className="pg-btn" onClick={() => store.offerCopy(undefined)}>
            Keep this fresh run
          </button>
        </p>
      ) : null}
      {notice && !offer ? (
        <button
          type="button"
          className="pg-btn pg-ghost"
          onClick={() => store.setNotice(undefined)}
        >
          Dismiss
        </button>
      ) : null}
    </div>
  );
}
