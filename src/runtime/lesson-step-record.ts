/**
 * A lesson step as a run record: the lesson's scenario with the earlier steps' "Do it for me"
 * actions at the moments the headless replay gives them, stopped where step `step` begins. An
 * embed of `lesson=<id>&step=<n>` opens this record, so every reader sees the same world.
 */
import type { Lesson } from '../bridge/lesson-api';
import { RUN_RECORD_VERSION, type RunRecord, type TimedInput } from '../bridge/run-record';
import { replayLesson } from '../lessons/replay';

/** `step` counts from 1, as the link does. */
export function lessonStepRecord(lesson: Lesson, step: number): RunRecord {
  if (!Number.isInteger(step) || step < 1 || step > lesson.steps.length)
    throw new Error(`lesson ${lesson.id} has steps 1 to ${lesson.steps.length} (got ${step})`);
  const inputs: TimedInput[] = [];
  let reachedMs = 0;
  if (step > 1) {
    const replay = replayLesson(lesson, { throughStep: step - 2 });
    for (const s of replay.steps)
      for (const a of lesson.steps[s.index]!.actions)
        inputs.push({ atMs: s.startedAtMs + Math.round(a.atSec * 1000), action: a.action });
    reachedMs = replay.steps.at(-1)!.endedAtMs;
  }
  // Stable: actions at the same moment keep the order the replay gave them to the engine.
  inputs.sort((a, b) => a.atMs - b.atMs);
  return {
    version: RUN_RECORD_VERSION,
    scenario: lesson.scenario,
    inputs,
    reached: { ms: reachedMs, inclusive: true },
    settings: { speed: 1 },
  };
}
