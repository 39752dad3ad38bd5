import { useEffect, useId, useState } from 'react';
import type { SearchResultView } from '../../../../bridge/playground-api';
import { usePlaygroundStore } from '../../hooks/usePlayground';
import { formatClock } from '../../../../views/format';

/**
 * Search this phone's messages. It runs on the phone, over what the phone itself decrypted:
 * with end-to-end encryption the server holds only ciphertext (and no history), so it has no
 * search to offer.
 */
export function PhoneSearch({
  user,
  name,
  names,
}: {
  user: number;
  name: string;
  names: (user: number) => string;
}): React.JSX.Element {
  const store = usePlaygroundStore();
  const [query, setQuery] = useState('');
  const [found, setHits] = useState<readonly SearchResultView[] | undefined>(undefined);
  // An empty query shows no results, whatever the last search found.
  const hits = query.trim() === '' ? undefined : found;
  const id = useId();
  useEffect(() => {
    let current = true;
    if (query.trim() === '') return;
    store.searchPhone(user, query).then(
      (h) => current && setHits(h),
      () => current && setHits([]),
    );
    return () => {
      current = false;
    };
  }, [store, user, query]);
  return (
    <div className="pg-search">
      <div className="pg-field">
        <label htmlFor={id}>Search on {name}'s phone</label>
        <input
          id={id}
          type="search"
          value={query}
          maxLength={200}
          placeholder="e.g. dinner"
          onChange={(e) => setQuery(e.target.value)}
        />
      </div>
      {hits === undefined ? (
        <p className="pg-note">
          Runs on the phone, over its own decrypted history: the server only ever sees ciphertext.
        </p>
      ) : hits.length === 0 ? (
        <p className="pg-note" role="status">
          No message on this phone matches.
        </p>
      ) : (
        <ul className="pg-search-hits" aria-label={`Search results on ${name}`}>
          {hits.map((h) => (
            <li key={h.msg}>
              <button type="button" className="pg-search-hit" onClick={() => store.select(h.msg)}>
                <span className="pg-search-meta">
                  #{h.msg} · {h.from === user ? `to ${names(h.peer)}` : `from ${names(h.from)}`} ·{' '}
                  {formatClock(h.atMs)}
                </span>
                <span className="pg-search-text">{h.text}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
