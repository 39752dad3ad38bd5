/**
 * The teacher's controls: the join link and its QR code for the students, and the lesson step the
 * room follows (published retained, so a student who joins late sees it too).
 */
import { lazy, Suspense, useEffect, useState } from 'react';
import type { ClassroomControl, RoomStep } from '../../bridge/classroom-api';
import type { LessonEntry } from '../../bridge/lesson-api';

const JoinQr = lazy(() => import('./JoinQr'));

export function TeacherPanel({
  control,
  code,
  joinUrl,
  step,
  lessons,
}: {
  control: ClassroomControl;
  code: string;
  joinUrl: string;
  step: RoomStep | null;
  lessons: readonly LessonEntry[];
}): React.JSX.Element {
  const [lessonId, setLessonId] = useState(step?.lesson ?? lessons[0]?.id ?? '');
  const [stepNo, setStepNo] = useState(step?.step ?? 1);
  // Step titles keyed by lesson id, so a newly chosen lesson never shows the last one's.
  const [loaded, setLoaded] = useState<{ id: string; titles: readonly string[] } | null>(null);
  const entry = lessons.find((l) => l.id === lessonId);
  const titles = loaded && loaded.id === lessonId ? loaded.titles : [];
  useEffect(() => {
    let live = true;
    entry
      ?.load()
      .then(
        (m) =>
          live && setLoaded({ id: entry.id, titles: m.default.lesson.steps.map((s) => s.title) }),
      );
    return () => {
      live = false;
    };
  }, [entry]);
  const shownEntry = step ? lessons.find((l) => l.id === step.lesson) : undefined;
  return (
    <section className="cr-teacher" aria-labelledby="cr-teacher-title">
      <h2 id="cr-teacher-title">Students join here</h2>
      <p className="cr-code">
        Room code <strong>{code}</strong>
      </p>
      <p className="cr-url">{joinUrl}</p>
      <Suspense fallback={<p className="cr-help">Drawing the QR code…</p>}>
        <JoinQr url={joinUrl} />
      </Suspense>
      <h2>Lesson step for the room</h2>
      <p role="status">
        {step && shownEntry
          ? `Students see: ${shownEntry.title}, step ${step.step}`
          : 'No step is up yet.'}
      </p>
      <label htmlFor="cr-lesson">Lesson</label>
      <select
        id="cr-lesson"
        value={lessonId}
        onChange={(e) => {
          setLessonId(e.target.value);
          setStepNo(1);
        }}
      >
        {lessons.map((l) => (
          <option key={l.id} value={l.id}>
            {l.title}
          </option>
        ))}
      </select>
      <label htmlFor="cr-step-no">Step</label>
      <select id="cr-step-no" value={stepNo} onChange={(e) => setStepNo(Number(e.target.value))}>
        {Array.from({ length: entry?.steps ?? 0 }, (_, i) => (
          <option key={i} value={i + 1}>
            {i + 1}
            {titles[i] ? `: ${titles[i]}` : ''}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="cr-btn cr-primary"
        disabled={!entry}
        onClick={() => control.setStep({ lesson: lessonId, step: stepNo })}
      >
        Show this step to the room
      </button>
    </section>
  );
}
