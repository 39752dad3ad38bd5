/** One step of a lesson: its prose, checkpoint, hints, prediction and the buttons that act. */
import { useState } from 'react';
import type { CheckpointStatus, Grade, LessonContent, Source } from '../../bridge/lesson-api';
import { Prose } from './Prose';
import type { LessonSession, SessionState } from './lesson-session';
import { showControl } from './show-me';
import { StayButton } from '../playground/components/StayButton';

export function StepView({
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
  const step = lesson.steps[s.step]!;
  const trees = s.content.steps[s.step]!;
  const numbers = new Map(lesson.sources.map((id, i) => [id, i + 1]));
  const cite = (id: string) => {
    const n = numbers.get(id);
    return n && sources.some((x) => x.id === id) ? { n, open: () => openSource(id) } : undefined;
  };
  const met = s.met.has(s.step);
  const [showMeMissing, setShowMeMissing] = useState(false);
  return (
    <article className="ls-step" aria-labelledby="ls-step-title">
      <h3 id="ls-step-title" className="ls-step-title" tabIndex={-1}>
        Step {s.step + 1} of {lesson.steps.length}: {step.title}
      </h3>
      <div className="ls-prose">
        {s.step === 0 && <Prose nodes={s.content.intro} cite={cite} />}
        <Prose nodes={trees.prose} cite={cite} />
      </div>
      {step.prediction && (
        <PredictionForm
          key={`${lesson.id}-${s.step}`}
          s={s}
          session={session}
          grade={s.graded[s.step]}
        />
      )}
      <div className="ls-actions">
        {step.actions.length > 0 && (
          <StayButton
            className="pg-btn pg-primary"
            unavailable={s.acting > 0 || s.catchingUp}
            onClick={() => void session.doItForMe()}
          >
            {s.acting > 0 ? `Doing it… (${s.acting} to go)` : 'Do it for me'}
          </StayButton>
        )}
        {step.showMe && (
          <button
            type="button"
            className="pg-btn"
            onClick={() => setShowMeMissing(!showControl(step.showMe!))}
          >
            Show me
          </button>
        )}
        {trees.hints.length > s.hintsShown && (
          <button type="button" className="pg-btn" onClick={() => session.showHint()}>
            {s.hintsShown === 0 ? 'Hint' : 'Another hint'}
          </button>
        )}
      </div>
      {showMeMissing && (
        <p className="ls-note" role="status">
          That control is not on screen now: open the panel that holds it.
        </p>
      )}
      {s.hintsShown > 0 && (
        <ol className="ls-hints" aria-label="Hints">
          {trees.hints.slice(0, s.hintsShown).map((h, i) => (
            <li key={i}>
              <Prose nodes={h} cite={cite} />
            </li>
          ))}
        </ol>
      )}
      {step.checkpoint && <CheckpointView met={met} status={s.status} />}
    </article>
  );
}

function CheckpointView({
  met,
  status,
}: {
  met: boolean;
  status: CheckpointStatus | null;
}): React.JSX.Element {
  const items = status?.items ?? [];
  return (
    <section className={`ls-checkpoint ${met ? 'ls-met' : ''}`} aria-label="Checkpoint">
      <p className="ls-checkpoint-head" role="status">
        {met
          ? '✔ Checkpoint met'
          : status?.failed
            ? '✖ Not this time: go back and try the step again'
            : '○ Checkpoint not met yet'}
      </p>
      <ul>
        {items.map((it, i) => (
          <li key={i} className={it.met || met ? 'ls-item-met' : 'ls-item-open'}>
            <span aria-hidden="true">{it.met || met ? '✔' : '○'}</span> {it.label}
            {!it.met && !met && <span className="ls-now"> — {it.now}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}

function PredictionForm({
  s,
  session,
  grade,
}: {
  s: SessionState & { content: LessonContent };
  session: LessonSession;
  grade: Grade | undefined;
}): React.JSX.Element {
  const p = s.content.lesson.steps[s.step]!.prediction!;
  const [value, setValue] = useState('');
  const [choice, setChoice] = useState<number | undefined>();
  const ready =
    p.kind === 'number'
      ? value.trim() !== '' && Number.isFinite(Number(value))
      : choice !== undefined;
  return (
    <form
      className="ls-prediction"
      aria-label="Prediction"
      onSubmit={(e) => {
        e.preventDefault();
        if (!ready) return;
        void session.predict(
          p.kind === 'number'
            ? { kind: 'number', value: Number(value) }
            : { kind: 'choice', index: choice! },
        );
      }}
    >
      <p className="ls-ask">
        <strong>Predict:</strong> {p.ask}
      </p>
      {p.kind === 'number' ? (
        <label className="ls-guess">
          Your guess ({p.unit})
          <input
            type="number"
            inputMode="decimal"
            value={value}
            onChange={(e) => setValue(e.target.value)}
            disabled={s.grading}
          />
        </label>
      ) : (
        <fieldset className="ls-choices" disabled={s.grading}>
          <legend>Your guess</legend>
          {p.choices.map((c, i) => (
            <label key={i}>
              <input
                type="radio"
                name="ls-choice"
                checked={choice === i}
                onChange={() => setChoice(i)}
              />{' '}
              {c.label}
            </label>
          ))}
        </fieldset>
      )}
      <StayButton type="submit" className="pg-btn pg-primary" unavailable={!ready || s.grading}>
        {s.grading ? 'Running with a fresh seed…' : 'Lock in and run'}
      </StayButton>
      {grade && (
        <p className={`ls-grade ${grade.right ? 'ls-right' : 'ls-wrong'}`} role="status">
          <strong>{grade.right ? '✔ Right.' : '✖ Not quite.'}</strong> {grade.explanation}
        </p>
      )}
    </form>
  );
}
