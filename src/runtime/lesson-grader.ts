/** Grades a learner's prediction: the lesson is replayed to the step with a fresh seed. */
import { gradePrediction, measurePrediction, type Grade, type Guess } from '../lessons/grade';
import type { Lesson } from '../lessons/model';

export function gradeLessonPrediction(
  lesson: Lesson,
  step: number,
  guess: Guess,
  seed: number,
): Grade {
  const p = lesson.steps[step]?.prediction;
  if (!p) throw new RangeError(`step ${step + 1} of ${lesson.id} has no prediction`);
  return gradePrediction(p, guess, measurePrediction(lesson, step, seed));
}
