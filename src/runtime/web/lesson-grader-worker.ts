/** The page's prediction grader, in its own worker (started on the first prediction). */
import * as Comlink from 'comlink';
import type { PredictionGrader } from '../../bridge/lesson-api';
import type { gradeLessonPrediction } from '../lesson-grader';

export function workerGrader(): PredictionGrader {
  let remote: Comlink.Remote<{ grade: typeof gradeLessonPrediction }> | undefined;
  return (lesson, step, guess, seed) => {
    remote ??= Comlink.wrap(
      new Worker(new URL('../../../workers/lesson-grader.worker.ts', import.meta.url), {
        type: 'module',
        name: 'lesson-grader',
      }),
    );
    return remote.grade(lesson, step, guess, seed);
  };
}
