/**
 * The headless replay of a lesson: its scenario, with each step's "Do it for me" actions given
 * when the step starts, run until the step's checkpoint is met (or its wait runs out), one step
 * after another, as a learner who clicks every "Do it for me" would. Used by `sim lesson`, the
 * lesson tests and prediction grading (with a fresh seed).
 */
import { buildReport, type Report } from '../engine/sim/report';
import { Simulation } from '../engine/sim/simulation';
import { validateScenario } from '../engine/scenario/validate-scenario';
import type { Scenario } from '../engine/scenario/scenario';
import {
  LOOK_EVERY_MS,
  createCheckpointSink,
  type CheckpointSink,
  type CheckpointStatus,
} from './checkpoint-sink';
import type { Lesson } from './model';

export interface StepReplay {
  readonly index: number;
  readonly title: string;
  readonly startedAtMs: number;
  readonly endedAtMs: number;
  readonly checkpoint: CheckpointStatus;
}

export interface LessonReplay {
  readonly lessonId: string;
  readonly seed: number;
  readonly steps: readonly StepReplay[];
  /** True when every step with a checkpoint met it. */
  readonly passed: boolean;
  readonly sink: CheckpointSink;
  readonly sim: Simulation;
}

export interface ReplayOptions {
  /** Run with this seed instead of the scenario's (a fresh seed, for predictions). */
  readonly seed?: number;
  /** Stop after this step (0-based); every step when absent. */
  readonly throughStep?: number;
  /** For this step, keep running at least this long after it starts (a prediction's window). */
  readonly holdStep?: { readonly index: number; readonly sec: number };
}

/** The lesson's scenario as the engine runs it, optionally with another seed. */
export function lessonScenario(lesson: Lesson, seed?: number): Scenario {
  const r = validateScenario(seed === undefined ? lesson.scenario : { ...lesson.scenario, seed });
  // The parser validated the same scenario; only an out-of-range seed can fail here.
  if (!r.ok) throw new Error(`lesson ${lesson.id}: ${r.errors.join('; ')}`);
  return r.scenario;
}

export function replayLesson(lesson: Lesson, opts: ReplayOptions = {}): LessonReplay {
  const scenario = lessonScenario(lesson, opts.seed);
  const sink = createCheckpointSink(lesson);
  const sim = new Simulation(scenario, { sinks: [sink] });
  const last = Math.min(opts.throughStep ?? Infinity, lesson.steps.length - 1);
  const steps: StepReplay[] = [];
  let now = 0;
  for (let i = 0; i <= last; i++) {
    const step = lesson.steps[i]!;
    const start = now;
    sim.runUntil(start);
    sink.startStep(i, start);
    for (const a of step.actions) sim.input(a.action, start + Math.round(a.atSec * 1000));
    const actionsEnd = start + Math.max(0, ...step.actions.map((a) => Math.round(a.atSec * 1000)));
    const hold = opts.holdStep?.index === i ? start + opts.holdStep.sec * 1000 : start;
    const giveUp = start + (step.checkpoint?.withinSec ?? 0) * 1000;
    let t = start;
    const done = (): boolean => t >= actionsEnd && t >= hold && (sink.status(i).met || t >= giveUp);
    while (!done()) {
      t += LOOK_EVERY_MS;
      sim.runUntil(t);
      sink.advance(t);
    }
    // The learner moves on when the step is done, or at once for a step with nothing to wait for.
    now = t;
    steps.push({
      index: i,
      title: step.title,
      startedAtMs: start,
      endedAtMs: t,
      checkpoint: sink.status(i),
    });
  }
  return {
    lessonId: lesson.id,
    seed: scenario.seed,
    steps,
    passed: steps.every((s) => s.checkpoint.met),
    sink,
    sim,
  };
}

/** The end-of-run report of a replay (bytes, energy, latency for the whole run so far). */
export const replayReport = (r: LessonReplay): Report => buildReport(r.sim);
