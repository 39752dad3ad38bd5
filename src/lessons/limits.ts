/** Every bound on lesson content, in one place, each with its reason. */
export const LESSON_LIMITS = {
  /**
   * Bytes of one lesson file (UTF-8). The longest lesson is ~15 KB of prose; 256 KiB leaves room
   * for fifteen times that while keeping parsing quick and bounded in the build and in the page,
   * where a lesson may one day arrive from a stranger's link.
   */
  maxLessonBytes: 256 * 1024,
  /** Steps in one lesson: a lesson is 5–10 steps; more is a course, and should be split. */
  maxSteps: 20,
  /** Actions one step may script ("Do it for me" is a demonstration, not a load test). */
  maxActionsPerStep: 50,
  /** Predicates in one checkpoint, hints per step, choices per prediction. */
  maxPredicates: 10,
  maxHints: 6,
  maxChoices: 6,
  /**
   * Virtual seconds the headless replay waits for a checkpoint or measures a prediction after a
   * step starts. Ten minutes covers every lesson's story (the slowest is a long-poll hold);
   * the before-stop check gives each lesson's replay 15 s of wall time in total.
   */
  maxStepSec: 600,
  /** Default wait for a checkpoint when the step does not say. */
  defaultWithinSec: 60,
} as const;
