/** The learner's inputs and worker crashes of one run, in the order given (their times never go back). */
import type { TimedInput, TimeMark, WorkerCrash } from '../../bridge/run-record';
import type { InputAction } from '../../engine/model/messages';
import type { RetryPolicy } from '../../engine/model/retry-policy';
import type { SessionRun } from './session-run';
import { applied } from './time-mark';

export class InputLog {
  private inputs: TimedInput[] = [];
  private workerCrashes: WorkerCrash[] = [];

  get entries(): readonly TimedInput[] {
    return this.inputs;
  }

  get crashes(): readonly WorkerCrash[] {
    return this.workerCrashes;
  }

  reset(inputs: readonly TimedInput[], crashes: readonly WorkerCrash[]): void {
    this.inputs = [...inputs];
    this.workerCrashes = [...crashes];
  }

  add(atMs: number, action: InputAction): void {
    this.inputs.push({ atMs, action });
  }

  /** A crash-button crash over workers at `at`, logged as a crash input at `atMs`. */
  addWorkerCrash(at: TimeMark, atMs: number): void {
    this.workerCrashes.push({ at, logIndex: this.inputs.length });
    this.inputs.push({ atMs, action: { do: 'crash' } });
  }

  /** Forgets inputs after `ms`; says whether any went. */
  keepUntil(ms: number): boolean {
    const kept = this.inputs.filter((a) => a.atMs <= ms);
    if (kept.length === this.inputs.length) return false;
    this.inputs = kept;
    this.workerCrashes = this.workerCrashes.filter((c) => c.logIndex < kept.length);
    return true;
  }

  /** Schedules every input on a new run; a worker crash only takes its place (the session replays it). */
  scheduleOn(run: SessionRun): void {
    const crashed = new Set(this.workerCrashes.map((c) => c.logIndex));
    this.inputs.forEach((a, i) =>
      crashed.has(i) && run.crashWorker ? run.reserveInput(a.atMs) : run.input(a.action, a.atMs),
    );
  }

  /** Inputs given for the instant `atMs` (while paused: applied at the next step). */
  at(atMs: number): TimedInput[] {
    return this.inputs.filter((i) => i.atMs === atMs);
  }

  /** The retry policy in force at `reached`: the last applied retry input's, else `initial`. */
  retryAt(reached: TimeMark, initial: RetryPolicy): RetryPolicy {
    let policy = initial;
    for (const i of this.inputs)
      if (i.action.do === 'retry' && applied(i.atMs, reached)) policy = i.action.policy;
    return policy;
  }
}
