/**
 * The run session's state and its inner workings: building a run from the record, replaying it
 * to a point (worker crashes included), the snapshot and frame batch, saving. run-session.ts
 * holds the calls the page makes; both hosts are a RunSession.
 */
import { LessonWatch } from '../lesson-watch';
import type { FrameBatch, Snapshot } from '../../bridge/playground-api';
import {
  RUN_RECORD_VERSION,
  type RunRecord,
  type TimedInput,
  type TimeMark,
  type WorkerCrash,
} from '../../bridge/run-record';
import type { TraceSink } from '../../engine/kernel/trace';
import type { Scenario, ScenarioFile } from '../../engine/scenario/scenario';
import { snapshotMeta } from '../snapshot';
import { InputLog } from './input-log';
import { PlannedInputs } from './planned-inputs';
import type { RunRecords } from './run-records';
import type { RunFactory, SessionRun } from './session-run';
import { inputTimeAfter, notAfter } from './time-mark';
import { TraceStream } from './trace-stream';
import { MAX_FRAME_WALL_MS } from './pacing';

/** A trace consumer beside the page's (a lesson's checkpoints): it sees every event of the run. */
export interface RunSink extends TraceSink {
  /** The run was rebuilt from time 0 (a load, seek, fork or reopen): forget what was seen. */
  restart?(): void;
}

export interface RunSessionOptions {
  /** Where the run is saved to reopen after a reload (none: it is not saved). */
  readonly records?: RunRecords;
  /** Trace consumers beside the page's own. */
  readonly sinks?: readonly RunSink[];
  /** The wall clock, in ms (injected so tests can drive frames by hand). */
  readonly nowMs?: () => number;
  /** Wall time one frame may spend running before it hands back what it has. */
  readonly frameBudgetMs?: number;
  /**
   * Wall time one slice of running between two frames may take (none: a playing run advances
   * only inside frames). A host in a worker would otherwise sit idle while the page draws.
   */
  readonly betweenFramesSliceMs?: number;
  readonly warn?: (message: string) => void;
}

export type { ReopenResult } from '../../bridge/playground-api';

export abstract class RunCore<R extends SessionRun = SessionRun> {
  protected run: R | undefined;
  protected file: ScenarioFile | undefined;
  protected scenario: Scenario | undefined;
  protected readonly log = new InputLog();
  /** Inputs planned at future instants (a lesson's "Do it for me"), given as the run gets there. */
  protected readonly planned = new PlannedInputs();
  /** How many of the log's worker crashes the current run has been through. */
  protected crashesDone = 0;
  protected readonly trace = new TraceStream();
  protected running = false;
  protected speed = 1;
  /** Virtual time a playing run should have reached (fractions of a ms carry to the next frame). */
  protected paceMs = 0;
  protected lastWallMs = 0;
  protected lastSavedWallMs = -Infinity;
  protected queue: Promise<unknown> = Promise.resolve();
  protected readonly now: () => number;
  protected selected: number | undefined;
  /** A slice of running between frames is queued. */
  private sliceQueued = false;
  /** The lesson player's checkpoint sink: in every run's sinks, watching the lesson shown, if any. */
  protected readonly lessons = new LessonWatch();

  constructor(
    private readonly runs: RunFactory<R>,
    protected readonly opts: RunSessionOptions = {},
  ) {
    this.now = opts.nowMs ?? (() => performance.now());
  }

  /** A control call finished (the local host pushes a batch to its subscribers then). */
  protected async changed(): Promise<void> {}

  /**
   * Runs `fn` after every earlier call; `changed()` follows a control call inside the same turn,
   * so whoever awaits a control call finds its effect already handed to the page.
   */
  protected serial<T>(fn: () => Promise<T>, control = true): Promise<T> {
    const run = async (): Promise<T> => {
      if (!control) return fn();
      const started = this.now();
      const v = await fn();
      await this.changed();
      // The wall time a learner's action took (a worker restarted, a run rebuilt) is not time a
      // playing run owes: it plays on from what the page shows, not in a jump to catch up.
      this.lastWallMs += this.now() - started;
      return v;
    };
    const p = this.queue.then(run, run);
    this.queue = p.catch(() => undefined);
    return p;
  }

  /**
   * Between two frames a playing run keeps going toward where the wall clock says it should be,
   * one short slice at a time; each slice queues behind whatever call came meanwhile, so a
   * frame or a click waits at most one slice. The next frame finds less left to run.
   */
  protected keepGoing(): void {
    const slice = this.opts.betweenFramesSliceMs;
    if (!slice || this.sliceQueued || !this.running) return;
    this.sliceQueued = true;
    setTimeout(() => {
      void this.serial(async () => {
        this.sliceQueued = false;
        const run = this.run;
        const s = this.scenario;
        if (!run || !s || !this.running) return;
        const wall = this.now();
        const dt = Math.max(0, Math.min(MAX_FRAME_WALL_MS, wall - this.lastWallMs));
        const ms = Math.min(s.durationMs, Math.floor(this.paceMs + dt * this.speed));
        const target: TimeMark = { ms, inclusive: true };
        if (notAfter(target, run.reached)) return;
        const done = await this.advance(run, target, () => this.now() > wall + slice);
        if (!done) this.keepGoing();
      }, false);
    }, 0);
  }

  /** Waits for every call so far (a host being disposed). */
  protected async idle(): Promise<void> {
    await this.queue.catch(() => undefined);
  }

  // ————— inside —————

  protected loaded(): { run: R; scenario: Scenario } {
    if (!this.run || !this.scenario) throw new Error('no run is loaded');
    return { run: this.run, scenario: this.scenario };
  }

  protected begin(
    file: ScenarioFile,
    scenario: Scenario,
    inputs: readonly TimedInput[],
    crashes: readonly WorkerCrash[],
  ): void {
    this.running = false;
    this.planned.clear();
    this.file = file;
    this.scenario = scenario;
    this.log.reset(inputs, crashes);
  }

  /** A new run with the record's inputs scheduled (a worker crash keeps its place in the numbering). */
  protected async build(begin: 'fresh' | 'replay'): Promise<R> {
    const extra = [...(this.opts.sinks ?? []), this.lessons];
    for (const s of extra) s.restart?.();
    const sinks: TraceSink[] = this.trace.restart(begin === 'fresh', extra);
    const run = await this.runs.start(this.scenario!, sinks, begin);
    this.crashesDone = 0;
    this.log.scheduleOn(run);
    return run;
  }

  /** Replays the record to `target`, makes the durable copies that point, and has the page's log replaced. */
  protected async rebuild(target: TimeMark): Promise<R> {
    const run = await this.build('replay');
    await this.advance(run, target);
    await run.checkpoint();
    this.run = run;
    this.trace.replaceLog();
    return run;
  }

  /**
   * Runs to `target`, giving planned inputs at their instants on the way (each logged as an input
   * given then, so the log stays in time order and replays to the same run).
   */
  protected async advance(run: R, target: TimeMark, stop?: () => boolean): Promise<boolean> {
    for (let d = this.planned.nextWithin(target); d; d = this.planned.nextWithin(target)) {
      if (!(await this.replayTo(run, { ms: d.atMs, inclusive: false }, stop))) return false;
      this.planned.shift();
      // Never at an instant whose events have run (see inputTimeAfter): such an input is late, dropped.
      if (inputTimeAfter(run.reached) !== d.atMs) continue;
      this.log.add(d.atMs, d.action);
      run.input(d.action, d.atMs);
    }
    return this.replayTo(run, target, stop);
  }

  /** Runs to `target`, terminating the gateway worker wherever the crash button did in the run being replayed. */
  private async replayTo(run: R, target: TimeMark, stop?: () => boolean): Promise<boolean> {
    const crashes = this.log.crashes;
    if (run.crashWorker)
      for (
        let c = crashes[this.crashesDone];
        c && notAfter(c.at, target);
        c = crashes[this.crashesDone]
      ) {
        if (!(await run.runUntil(c.at.ms, c.at.inclusive, stop))) return false;
        await run.crashWorker(true);
        this.crashesDone++;
      }
    return run.runUntil(target.ms, target.inclusive, stop);
  }

  /** A frame cut short stops between instants; pausing runs the rest of that instant. */
  protected async settle(): Promise<void> {
    const run = this.run;
    if (run && !run.reached.inclusive)
      await this.advance(run, { ms: run.reached.ms, inclusive: true });
  }

  /** Forgets recorded inputs after now (keeping those given now); the replayed run had them queued, so it is rebuilt. */
  protected async dropFuture(): Promise<void> {
    const { run } = this.loaded();
    if (this.log.keepUntil(inputTimeAfter(run.reached))) await this.rebuild(run.reached);
  }

  protected async snapshotNow(mayReuse: boolean): Promise<Snapshot> {
    const { run, scenario } = this.loaded();
    const reached = run.reached;
    const pendingAt = inputTimeAfter(reached);
    const meta = snapshotMeta(scenario, {
      nowMs: reached.ms,
      running: this.running,
      speed: this.speed,
      retry: this.log.retryAt(reached, scenario.retry),
      pendingInputs: this.log.at(pendingAt),
    });
    return run.snapshot(meta, this.selected, mayReuse);
  }

  protected async batch(mayReuse: boolean): Promise<FrameBatch> {
    const snapshot = await this.snapshotNow(mayReuse);
    const { events, replaced } = this.trace.take();
    return replaced ? { events, snapshot, replaceLog: replaced } : { events, snapshot };
  }

  protected recordNow(): RunRecord {
    const { run } = this.loaded();
    return {
      version: RUN_RECORD_VERSION,
      scenario: this.file!,
      inputs: [...this.log.entries],
      reached: run.reached,
      settings: { speed: this.speed },
      ...(this.log.crashes.length ? { workerCrashes: [...this.log.crashes] } : {}),
    };
  }

  protected async save(): Promise<void> {
    const records = this.opts.records;
    if (!records || !this.run) return;
    this.lastSavedWallMs = this.now();
    await records.save(this.recordNow());
  }
}
