/** The "Lessons" menu in the header, and the "Start here" offer a first visit gets. */
import { useRef } from 'react';
import type { LessonEntry } from '../../bridge/lesson-api';

export function LessonsMenu({
  catalog,
  current,
  onOpen,
}: {
  catalog: readonly LessonEntry[];
  current: string | undefined;
  onOpen: (id: string) => void;
}): React.JSX.Element {
  const ref = useRef<HTMLDetailsElement>(null);
  return (
    <details className="ls-menu" ref={ref}>
      <summary className="pg-btn">Lessons</summary>
      <ul className="ls-menu-list" aria-label="Lessons">
        {catalog.map((l) => (
          <li key={l.id}>
            <button
              type="button"
              className="ls-menu-item"
              aria-current={l.id === current ? 'true' : undefined}
              onClick={() => {
                if (ref.current) ref.current.open = false;
                onOpen(l.id);
              }}
            >
              <strong>
                {l.order}. {l.title}
              </strong>{' '}
              <span className="ls-muted">
                ({l.minutes} min, {l.steps} steps)
              </span>
              <br />
              <span className="ls-muted">{l.summary}</span>
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}

export function StartHereOffer({
  entry,
  onStart,
  onDismiss,
}: {
  entry: LessonEntry;
  onStart: () => void;
  onDismiss: () => void;
}): React.JSX.Element {
  return (
    <section className="ls-offer" aria-label="New here?">
      <p>
        <strong>New here?</strong> {entry.title} takes about {entry.minutes} minutes:{' '}
        {entry.summary}
      </p>
      <button type="button" className="pg-btn pg-primary" onClick={onStart}>
        Start here
      </button>
      <button type="button" className="pg-btn" onClick={onDismiss}>
        Not now
      </button>
    </section>
  );
}
