/**
 * The lesson step the teacher has put up: its title and prose (rendered from the lesson's prose
 * tree: text, never HTML), and a link that opens the step in the playground to try it (and to
 * see its diagrams drawn).
 */
import { useEffect, useState } from 'react';
import type { RoomStep } from '../../bridge/classroom-api';
import type { LessonContent, LessonEntry } from '../../bridge/lesson-api';
import { StepProse } from './StepProse';

export function StepPane({
  step,
  lessons,
}: {
  step: RoomStep | null;
  lessons: readonly LessonEntry[];
}): React.JSX.Element {
  const entry = step ? lessons.find((l) => l.id === step.lesson) : undefined;
  // Keyed by lesson id, so a new lesson never shows the last one's prose while it loads.
  const [loaded, setLoaded] = useState<{ id: string; content: LessonContent } | null>(null);
  const content = loaded && loaded.id === entry?.id ? loaded.content : null;
  useEffect(() => {
    let live = true;
    entry?.load().then((m) => live && setLoaded({ id: entry.id, content: m.default }));
    return () => {
      live = false;
    };
  }, [entry]);
  const index = step ? step.step - 1 : -1;
  const s = content?.lesson.steps[index];
  const trees = content?.steps[index];
  return (
    <section className="cr-step" aria-labelledby="cr-step-title" aria-live="polite">
      <h2 id="cr-step-title">Lesson step</h2>
      {!step || !entry ? (
        <p className="cr-help">The teacher has not put up a lesson step yet.</p>
      ) : (
        <>
          <h3>
            {entry.title}, step {step.step} of {entry.steps}
            {s ? `: ${s.title}` : ''}
          </h3>
          {trees && (
            <div className="cr-prose">
              <StepProse nodes={trees.prose} />
            </div>
          )}
          <a
            className="cr-btn"
            href={`index.html?lesson=${encodeURIComponent(step.lesson)}&step=${step.step}`}
            target="_blank"
            rel="noopener"
          >
            Try this step in the playground
          </a>
        </>
      )}
    </section>
  );
}
