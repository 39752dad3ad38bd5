/** The lesson pane beside the diagram: the step list with progress, the step, and its controls. */
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { LessonContent, Source } from '../../bridge/lesson-api';
import type { LessonSession, SessionState } from './lesson-session';
import { SourcesList } from './SourcesList';
import { StepView } from './StepView';
import { StayButton } from '../playground/components/StayButton';

export function LessonPane({
  session,
  sources,
  presenter,
  onPresenter,
  onClose,
}: {
  session: LessonSession;
  sources: readonly Source[];
  presenter: boolean;
  onPresenter: (on: boolean) => void;
  onClose: () => void;
}): React.JSX.Element {
  const s = useSyncExternalStore(session.subscribe, session.getState);
  const [sourcesOpen, setSourcesOpen] = useState<string | undefined | null>(null);
  const stepRef = useRef(s.step);
  useEffect(() => {
    // A new step: its title takes focus, so a keyboard or screen-reader user starts reading there.
    if (stepRef.current !== s.step) document.getElementById('ls-step-title')?.focus();
    stepRef.current = s.step;
    const url = new URL(location.href);
    url.searchParams.set('lesson', s.entry.id);
    url.searchParams.set('step', String(s.step + 1));
    history.replaceState(history.state, '', url);
  }, [s.step, s.entry.id]);
  useEffect(() => {
    if (!presenter) return;
    const onKey = (e: KeyboardEvent): void => {
      if ((e.target as Element | null)?.closest?.('input, textarea, select')) return;
      if (e.key === 'ArrowRight' || e.key === 'PageDown') {
        e.preventDefault();
        void session.goTo(session.getState().step + 1);
      } else if (e.key === 'ArrowLeft' || e.key === 'PageUp') {
        e.preventDefault();
        void session.goTo(session.getState().step - 1);
      } else if (e.key === 'Escape') onPresenter(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [presenter, session, onPresenter]);

  const content = s.content;
  return (
    <section className="ls-pane" aria-label="Lesson">
      <header className="ls-head">
        <h2 className="ls-title">{s.entry.title}</h2>
        <div className="ls-head-buttons">
          <button
            type="button"
            className="pg-btn"
            aria-pressed={presenter}
            onClick={() => onPresenter(!presenter)}
          >
            {presenter ? 'Leave presenter mode' : 'Presenter mode'}
          </button>
          <button type="button" className="pg-btn" onClick={onClose}>
            Close lesson
          </button>
        </div>
      </header>
      {s.error && (
        <p className="ls-error" role="alert">
          {s.error}
        </p>
      )}
      {s.catchingUp && (
        <p role="status" className="ls-note">
          {s.step > 0
            ? 'Preparing the run (replaying the steps before this one)…'
            : 'Starting the run…'}
        </p>
      )}
      {!content ? (
        <p role="status">Loading the lesson…</p>
      ) : (
        <Loaded
          s={{ ...s, content }}
          session={session}
          sources={sources}
          openSource={(id) => setSourcesOpen(id)}
        />
      )}
      {content && (
        <footer className="ls-foot">
          <button
            type="button"
            className="pg-btn"
            onClick={() => setSourcesOpen(sourcesOpen === null ? undefined : null)}
          >
            {sourcesOpen === null ? 'Sources' : 'Hide sources'}
          </button>
          <button type="button" className="pg-btn pg-ghost" onClick={() => void session.reset()}>
            Reset lesson
          </button>
        </footer>
      )}
      {content && sourcesOpen !== null && (
        <SourcesList
          ids={content.lesson.sources}
          sources={sources}
          focus={sourcesOpen}
          onClose={() => setSourcesOpen(null)}
        />
      )}
    </section>
  );
}

function Loaded({
  s,
  session,
  sources,
  openSource,
}: {
  s: SessionState & { content: LessonContent };
  session: LessonSession;
  sources: readonly Source[];
  openSource: (id: string) => void;
}): React.JSX.Element {
  const lesson = s.content.lesson;
  const done = s.met.size;
  const total = lesson.steps.filter((x) => x.checkpoint).length;
  const last = s.step === lesson.steps.length - 1;
  return (
    <>
      <nav className="ls-steps" aria-label="Steps">
        <p className="ls-progress">
          <progress max={total} value={done} aria-label="Checkpoints met" /> {done} of {total}{' '}
          checkpoints met
        </p>
        <ol className="ls-stepper">
          {lesson.steps.map((st, i) => (
            <li key={i}>
              <button
                type="button"
                className={`ls-step-link ${i === s.step ? 'ls-current' : ''} ${s.met.has(i) ? 'ls-done' : ''}`}
                aria-current={i === s.step ? 'step' : undefined}
                aria-label={`Step ${i + 1}: ${st.title}${s.met.has(i) ? ' (checkpoint met)' : ''}`}
                title={st.title}
                onClick={() => void session.goTo(i)}
              >
                {s.met.has(i) ? '✔' : i + 1}
              </button>
            </li>
          ))}
        </ol>
      </nav>
      <StepView s={s} session={session} sources={sources} openSource={openSource} />
      <div className="ls-nav">
        <StayButton
          className="pg-btn"
          unavailable={s.step === 0}
          onClick={() => void session.goTo(s.step - 1)}
        >
          Back
        </StayButton>
        <button
          type="button"
          className={`pg-btn ${s.met.has(s.step) ? 'pg-primary' : ''}`}
          disabled={last}
          onClick={() => void session.goTo(s.step + 1)}
        >
          {s.met.has(s.step) || !lesson.steps[s.step]!.checkpoint ? 'Next' : 'Skip'}
        </button>
      </div>
    </>
  );
}
