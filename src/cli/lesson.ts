/**
 * `sim lesson <file> [--json]`: replays a lesson's scripted solution (every step's "Do it for me")
 * and reports each checkpoint met or not; exit 1 when one is not, 2 when the lesson is malformed.
 * A step's prediction is measured with the next seed, so an author sees what learners will be
 * graded against.
 */
import { formatLessonError } from '../lessons/errors';
import { measurePrediction } from '../lessons/grade';
import { loadLessons } from '../lessons/load-lessons';
import { formatNumber } from '../lessons/measures';
import type { Lesson } from '../lessons/model';
import { replayLesson } from '../lessons/replay';
import { readLessonFiles } from './lesson-files';
import type { RunIo } from './run';

const FLAGS = ['--json'];

export interface LessonStepResult {
  readonly step: number;
  readonly title: string;
  readonly hasCheckpoint: boolean;
  readonly met: boolean;
  readonly metAtSec: number | null;
  readonly missing: readonly string[];
  readonly prediction?: { readonly seed: number; readonly values: readonly (number | null)[] };
}

export function lessonResults(lesson: Lesson): {
  seed: number;
  passed: boolean;
  steps: LessonStepResult[];
} {
  const r = replayLesson(lesson);
  const steps = r.steps.map((s): LessonStepResult => {
    const base: LessonStepResult = {
      step: s.index + 1,
      title: s.title,
      hasCheckpoint: s.checkpoint.hasCheckpoint,
      met: s.checkpoint.met,
      metAtSec:
        s.checkpoint.metAtMs === null ? null : (s.checkpoint.metAtMs - s.startedAtMs) / 1000,
      missing: s.checkpoint.missing,
    };
    if (!lesson.steps[s.index]!.prediction) return base;
    return { ...base, prediction: measurePrediction(lesson, s.index, r.seed + 1) };
  });
  return { seed: r.seed, passed: r.passed, steps };
}

export function runLessonCommand(argv: string[], io: RunIo): number {
  const files = argv.filter((a) => !a.startsWith('--'));
  const unknown = argv.filter((a) => a.startsWith('--') && !FLAGS.includes(a));
  if (files.length !== 1 || unknown.length) {
    io.stderr(
      unknown.length
        ? `sim lesson: unknown option ${unknown.join(' ')} (known: ${FLAGS.join(' ')})`
        : 'usage: sim lesson <content/lessons/NN-slug.md> [--json]',
    );
    return 2;
  }
  let set;
  try {
    set = loadLessons(readLessonFiles(undefined, files[0]));
  } catch (e) {
    io.stderr(
      `sim lesson: cannot read ${files[0]}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
    );
    return 2;
  }
  if (!set.ok) {
    for (const e of set.errors) io.stderr(formatLessonError(e));
    return 2;
  }
  const lesson = set.lessons[0]!;
  const res = lessonResults(lesson);
  if (argv.includes('--json')) {
    io.stdout(JSON.stringify({ lesson: lesson.id, file: lesson.file, ...res }));
    return res.passed ? 0 : 1;
  }
  io.stdout(`${lesson.file}: "${lesson.title}" replayed with seed ${res.seed}`);
  for (const s of res.steps) {
    const mark = !s.hasCheckpoint ? '·' : s.met ? '✓' : '✗';
    const when = s.metAtSec === null ? '' : ` (met ${formatNumber(s.metAtSec)} s into the step)`;
    io.stdout(`  ${mark} step ${s.step}: ${s.title}${s.hasCheckpoint ? when : ' (no checkpoint)'}`);
    for (const m of s.missing) io.stdout(`      missing: ${m}`);
    if (s.prediction)
      io.stdout(
        `      prediction with seed ${s.prediction.seed}: ${s.prediction.values.map((v) => (v === null ? '—' : formatNumber(v))).join(' / ')}`,
      );
  }
  io.stdout(res.passed ? 'every checkpoint met' : 'some checkpoints were not met');
  return res.passed ? 0 : 1;
}
