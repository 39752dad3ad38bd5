/** The sources a lesson cites: each fact with its real reference, and where FACTS.md records it. */
import { useEffect, useRef } from 'react';
import type { Source } from '../../bridge/lesson-api';

const STATUS: Record<Source['status'], string> = {
  checked: 'checked against the source',
  derived: 'worked out from checked figures',
  measured: 'measured on a small machine (order of magnitude)',
  estimate: 'an estimate',
};

export function SourcesList({
  ids,
  sources,
  focus,
  onClose,
}: {
  ids: readonly string[];
  sources: readonly Source[];
  focus: string | undefined;
  onClose: () => void;
}): React.JSX.Element {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    const el = focus ? document.getElementById(`ls-src-${focus}`) : ref.current;
    el?.focus();
    el?.scrollIntoView({ block: 'nearest' });
  }, [focus]);
  const byId = new Map(sources.map((s) => [s.id, s]));
  return (
    <section className="ls-sources" aria-label="Sources" ref={ref} tabIndex={-1}>
      <h3>Sources</h3>
      <ol>
        {ids.map((id) => {
          const s = byId.get(id);
          if (!s) return null;
          return (
            <li key={id} id={`ls-src-${id}`} tabIndex={-1}>
              {s.fact}{' '}
              <span className="ls-src-where">
                {s.url ? (
                  <a href={s.url} target="_blank" rel="noreferrer noopener">
                    {s.title}
                  </a>
                ) : (
                  s.title
                )}{' '}
                — {STATUS[s.status]}; FACTS.md {s.section}
              </span>
            </li>
          );
        })}
      </ol>
      <button type="button" className="pg-btn" onClick={onClose}>
        Close sources
      </button>
    </section>
  );
}
