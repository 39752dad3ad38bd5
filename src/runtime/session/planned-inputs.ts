/**
 * Inputs planned ahead at exact virtual times (a lesson's "Do it for me"): the run session gives
 * each one when the run gets to its instant, before any event at it, exactly as if the learner had
 * clicked then. So they land on time at any speed, and the input log stays in time order: a replay
 * of the log is the same run, in either host.
 */
import type { InputAction } from '../../engine/model/messages';
import type { TimeMark } from './time-mark';

export interface DueInput {
  readonly atMs: number;
  readonly action: InputAction;
}

export class PlannedInputs {
  private due: DueInput[] = [];

  /** Replaces the plan: each action at `fromMs + afterMs` (whole ms), earliest first, stable. */
  plan(fromMs: number, items: readonly { afterMs: number; action: InputAction }[]): number[] {
    this.due = items
      .map((i) => {
        if (!(i.afterMs >= 0) || !Number.isFinite(i.afterMs))
          throw new RangeError(`a planned input needs afterMs ≥ 0 (got ${i.afterMs})`);
        return { atMs: fromMs + Math.round(i.afterMs), action: i.action };
      })
      .sort((a, b) => a.atMs - b.atMs);
    return this.due.map((d) => d.atMs);
  }

  clear(): void {
    this.due = [];
  }

  /** The earliest planned time, or Infinity. */
  nextTime(): number {
    return this.due[0]?.atMs ?? Infinity;
  }

  /** The next input a run going to `target` must give on its way (its instant is inside `target`). */
  nextWithin(target: TimeMark): DueInput | undefined {
    const d = this.due[0];
    if (!d) return undefined;
    return d.atMs < target.ms || (d.atMs === target.ms && target.inclusive) ? d : undefined;
  }

  /** The input `nextWithin` returned was given. */
  shift(): void {
    this.due.shift();
  }
}
