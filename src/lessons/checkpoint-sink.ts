/**
 * The checkpoint sink: a trace sink that sees every event of the run and keeps each started
 * step's checkpoint up to date, so the player can turn it green the moment the simulation meets
 * it and say what is still missing until then. Hosted like any sink: in-process from the kernel,
 * or at the coordinator in the worker host. Deterministic: same events ⇒ same statuses.
 */
import type { TraceEvent, TraceSink } from '../engine/kernel/trace';
import { copyCounters, RunTally } from './run-tally';
import type { StepWindow } from './measures';
import type { Lesson } from './model';
import {
  checkPredicate,
  describePredicate,
  nameOf,
  type NameOf,
  type PredicateCheck,
} from './predicates';
import { lessonUserNames } from './users';

export interface CheckpointItem {
  /** The predicate in words. */
  readonly label: string;
  readonly met: boolean;
  /** Where the run stands on it: "1 of 3 so far", "measured 2,310". */
  readonly now: string;
}

export interface CheckpointStatus {
  readonly step: number;
  /** False for a step with no checkpoint (its status is always met). */
  readonly hasCheckpoint: boolean;
  readonly started: boolean;
  readonly met: boolean;
  /** Virtual time it was first met. */
  readonly metAtMs: number | null;
  /**
   * A predicate judged over a window came out false: this attempt cannot pass any more, and the
   * step has to be started again (`startStep`).
   */
  readonly failed: boolean;
  readonly items: readonly CheckpointItem[];
  /** What is still missing, one line per unmet predicate ("Bob is online — Bob is offline"). */
  readonly missing: readonly string[];
}

export interface CheckpointSink extends TraceSink {
  readonly tally: RunTally;
  /** The learner reached step `index` at virtual time `atMs` (again, after a reset: it restarts). */
  startStep(index: number, atMs: number): void;
  /** Virtual time reached `nowMs` (windows that closed without an event are judged). */
  advance(nowMs: number): void;
  status(index: number): CheckpointStatus;
  /** Where step `index`'s measures count from; undefined before it started. */
  windowOf(index: number): StepWindow | undefined;
}

/**
 * Virtual time between two looks at the checkpoints: the learner's eye, 10 times a second of the
 * run. The sink looks on its own as the trace crosses each mark, so a checkpoint is judged on the
 * run's virtual time (a state that held for a tenth of a second is seen), never on when the page
 * asked; the headless replay looks at the same marks.
 */
export const LOOK_EVERY_MS = 100;

interface StepState {
  readonly window: StepWindow;
  metAtMs: number | null;
  /** Results of predicates judged at the end of their window, by predicate index. */
  readonly judged: Map<number, PredicateCheck>;
  last: PredicateCheck[];
}

export function createCheckpointSink(lesson: Lesson): CheckpointSink {
  const tally = new RunTally();
  const name: NameOf = nameOf(lessonUserNames(lesson.scenario));
  const steps = new Map<number, StepState>();

  const windowEnd = (s: StepState, overSec: number | undefined): number =>
    overSec === undefined ? Infinity : s.window.startMs + overSec * 1000;

  /** Judges windowed predicates whose window ended by `nowMs` (before events at `nowMs` count). */
  function judge(nowMs: number): void {
    for (const [i, s] of steps) {
      if (s.metAtMs !== null) continue;
      lesson.steps[i]!.checkpoint?.predicates.forEach((p, k) => {
        if (p.kind !== 'compare' || s.judged.has(k)) return;
        const end = windowEnd(s, p.overSec);
        if (end <= nowMs) s.judged.set(k, checkPredicate(tally, p, s.window, name, end));
      });
    }
  }

  let dirty = false;
  let lastLookMs = -Infinity;

  /** The look at `atMs`: every event up to it counted, none after. */
  function look(atMs: number): void {
    if (atMs > tally.nowMs) tally.nowMs = atMs;
    judge(atMs);
    evaluate(atMs);
  }

  function evaluate(atMs: number): void {
    dirty = false;
    for (const [i, s] of steps) {
      if (s.metAtMs !== null) continue;
      const cp = lesson.steps[i]!.checkpoint;
      if (!cp) continue;
      s.last = cp.predicates.map(
        (p, k) =>
          s.judged.get(k) ??
          (p.kind === 'compare' && p.overSec !== undefined
            ? { holds: false, now: `judged ${p.overSec} s after the step started` }
            : checkPredicate(tally, p, s.window, name)),
      );
      if (s.last.every((c) => c.holds)) s.metAtMs = atMs;
    }
  }

  function status(index: number): CheckpointStatus {
    if (dirty) evaluate(tally.nowMs);
    const cp = lesson.steps[index]?.checkpoint;
    const s = steps.get(index);
    if (!cp)
      return {
        step: index,
        hasCheckpoint: false,
        started: s !== undefined,
        met: true,
        metAtMs: null,
        failed: false,
        items: [],
        missing: [],
      };
    const items = cp.predicates.map((p, k) => {
      const c = s?.last[k];
      return {
        label: describePredicate(p, name),
        met: c?.holds ?? false,
        now: c?.now ?? 'not started',
      };
    });
    const met = s?.metAtMs !== null && s !== undefined;
    const failed = !met && [...(s?.judged.values() ?? [])].some((c) => !c.holds);
    return {
      step: index,
      hasCheckpoint: true,
      started: s !== undefined,
      met,
      metAtMs: s?.metAtMs ?? null,
      failed,
      items,
      missing: met ? [] : items.filter((i) => !i.met).map((i) => `${i.label} — ${i.now}`),
    };
  }

  return {
    tally,
    borrows: true,
    emit(ev: TraceEvent) {
      // Windows are judged at their exact end; the rest at each LOOK_EVERY_MS mark the trace
      // crosses (and when someone asks): a spike is a million events, too many to judge each.
      const mark = Math.ceil(ev.atMs / LOOK_EVERY_MS) * LOOK_EVERY_MS - LOOK_EVERY_MS;
      if (mark > lastLookMs) {
        lastLookMs = mark;
        look(mark);
      }
      judge(ev.atMs);
      tally.emit(ev);
      dirty = true;
    },
    startStep(index, atMs) {
      if (!lesson.steps[index]) throw new RangeError(`lesson ${lesson.id} has no step ${index}`);
      const s: StepState = {
        window: { startMs: atMs, base: copyCounters(tally.counters) },
        metAtMs: null,
        judged: new Map(),
        last: [],
      };
      steps.set(index, s);
      judge(atMs);
      evaluate(atMs);
    },
    advance: look,
    status,
    windowOf: (index) => steps.get(index)?.window,
  };
}
