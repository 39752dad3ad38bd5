/**
 * The run session: one run of a scenario, whichever host runs it. It keeps the run record
 * (scenario, inputs, time reached), paces the run against the wall clock, logs the learner's
 * inputs at exact virtual times, travels in time by replaying the record (seek), continues a
 * replayed run with new inputs (fork), replays worker crashes, saves the record, and hands the
 * page one batch per frame. Calls are serialised: a control call never interleaves with a frame.
 */
import type {
  ComparisonOptions,
  ComparisonRow,
  FrameBatch,
  LoadResult,
  MessageInspection,
  SearchResultView,
  Snapshot,
} from '../../bridge/playground-api';
import {
  RUN_RECORD_VERSION,
  type RunRecord,
  type TimedInput,
  type TimeMark,
  type WorkerCrash,
} from '../../bridge/run-record';
import type { TraceSink } from '../../engine/kernel/trace';
import type { InputAction } from '../../engine/model/messages';
import type { Scenario, ScenarioFile } from '../../engine/scenario/scenario';
import { validateScenario } from '../../engine/scenario/validate-scenario';
import { compareProtocols, resolveComparison } from '../compare-protocols';
import { messageInspection } from '../inspection';
import { snapshotMeta } from '../snapshot';
import { InputLog } from './input-log';
import { checkSpeed, MAX_FRAME_WALL_MS, SAVE_EVERY_WALL_MS } from './pacing';
import { checkRunRecord } from './record-check';
import type { RunRecords } from './run-records';
import type { RunFactory, SessionRun } from './session-run';
import { inputTimeAfter, laterMark, notAfter } from './time-mark';
import { TraceStream } from './trace-stream';

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
  readonly warn?: (message: string) => void;
}

/** What reopening a saved run found. */
export interface ReopenResult {
  readonly atMs: number;
  /** Pending messages the store took from its durable copy (IndexedDB in the browser). */
  readonly restored: number;
  /** Whether that copy held exactly what the replay of the input log rebuilt. */
  readonly agreed: boolean;
  readonly detail?: string;
}

export class RunSession<R extends SessionRun = SessionRun> {
  protected run: R | undefined;
  private file: ScenarioFile | undefined;
  private scenario: Scenario | undefined;
  private readonly log = new InputLog();
  /** How many of the log's worker crashes the current run has been through. */
  private crashesDone = 0;
  private readonly trace = new TraceStream();
  private running = false;
  private speed = 1;
  /** Virtual time a playing run should have reached (fractions of a ms carry to the next frame). */
  private paceMs = 0;
  private lastWallMs = 0;
  private lastSavedWallMs = -Infinity;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly now: () => number;
  private selected: number | undefined;

  constructor(
    private readonly runs: RunFactory<R>,
    private readonly opts: RunSessionOptions = {},
  ) {
    this.now = opts.nowMs ?? (() => performance.now());
  }

  /** A control call finished (the local host pushes a batch to its subscribers then). */
  protected changed(): void {}

  /** Runs `fn` after every earlier call; `changed()` follows a control call. */
  protected serial<T>(fn: () => Promise<T>, control = true): Promise<T> {
    const p = this.queue.then(fn, fn).then((v) => {
      if (control) this.changed();
      return v;
    });
    this.queue = p.catch(() => undefined);
    return p;
  }

  // ————— loading —————

  load(file: ScenarioFile): Promise<LoadResult> {
    return this.serial(async () => {
      const r = validateScenario(file);
      if (!r.ok) return { ok: false, errors: r.errors };
      this.begin(file, r.scenario, [], []);
      const run = await this.build('fresh');
      await run.runUntil(0, true);
      this.run = run;
      this.trace.replaceLog();
      await this.save();
      return { ok: true };
    });
  }

  open(record: RunRecord): Promise<LoadResult> {
    return this.serial(async () => {
      const c = checkRunRecord(record);
      if (!c.ok) return { ok: false, errors: c.errors };
      this.begin(c.record.scenario, c.scenario, c.record.inputs, c.record.workerCrashes ?? []);
      this.speed = c.record.settings.speed;
      this.run = await this.rebuild(c.record.reached);
      await this.save();
      return { ok: true };
    });
  }

  /**
   * Reopens the saved run after a reload: replays scenario + inputs to where it got (every host's
   * memory); then the store takes its pending items from its durable copy, written up to that same
   * point of virtual time. A difference from the replay is reported, and the copy kept.
   */
  reopen(): Promise<ReopenResult | undefined> {
    return this.serial(async () => {
      const saved = await this.opts.records?.load();
      if (!saved) return undefined;
      const c = checkRunRecord(saved);
      if (!c.ok) {
        this.opts.warn?.(`[doubletick] the saved run cannot be reopened: ${c.errors.join('; ')}`);
        await this.opts.records?.clear();
        return undefined;
      }
      this.begin(c.record.scenario, c.scenario, c.record.inputs, c.record.workerCrashes ?? []);
      this.speed = c.record.settings.speed;
      const run = await this.build('replay');
      const target = laterMark(c.record.reached, await run.durableMark?.());
      await this.advance(run, target);
      const adopted = run.adoptDurable
        ? await run.adoptDurable()
        : (await run.checkpoint(), { restored: 0, agreed: true });
      if (!adopted.agreed)
        this.opts.warn?.(
          `[doubletick] reopened the run at ${target.ms} ms; the store's durable copy differs from the replay (${adopted.detail ?? ''}); the durable copy is kept`,
        );
      this.run = run;
      this.trace.replaceLog();
      await this.save();
      return {
        atMs: target.ms,
        restored: adopted.restored,
        agreed: adopted.agreed,
        ...(adopted.detail ? { detail: adopted.detail } : {}),
      };
    });
  }

  record(): Promise<RunRecord> {
    return this.serial(async () => this.recordNow(), false);
  }

  // ————— pacing —————

  play(): Promise<void> {
    return this.serial(async () => {
      const run = this.run;
      if (this.running || !run || !this.scenario) return;
      if (run.reached.ms >= this.scenario.durationMs && run.reached.inclusive) return;
      this.running = true;
      this.paceMs = run.reached.ms;
      this.lastWallMs = this.now();
    });
  }

  pause(): Promise<void> {
    return this.serial(async () => {
      this.running = false;
      await this.settle();
      await this.save();
    });
  }

  setSpeed(speed: number): Promise<void> {
    return this.serial(async () => {
      checkSpeed(speed);
      this.speed = speed;
    });
  }

  /** Runs exactly to the next event (every event at that instant, so a step shows one moment). */
  step(): Promise<number | undefined> {
    return this.serial(async () => {
      const { run, scenario } = this.loaded();
      const t = run.nextTime();
      if (t === Infinity || t > scenario.durationMs) return undefined;
      await this.advance(run, { ms: t, inclusive: true });
      await this.save();
      return t;
    });
  }

  advanceBy(ms: number): Promise<number> {
    return this.serial(async () => {
      if (!(ms > 0)) throw new RangeError(`advanceBy needs a positive number of ms (got ${ms})`);
      const { run, scenario } = this.loaded();
      const target = Math.min(scenario.durationMs, Math.floor(run.reached.ms) + ms);
      await this.advance(run, { ms: target, inclusive: true });
      await this.save();
      return run.reached.ms;
    });
  }

  /** Advances a playing run by the wall time since the last frame × speed (within a budget), then hands back one batch. */
  frame(): Promise<FrameBatch | undefined> {
    return this.serial(async () => {
      const run = this.run;
      const s = this.scenario;
      if (!run || !s) return undefined;
      if (this.running) {
        const wall = this.now();
        const dt = Math.max(0, Math.min(MAX_FRAME_WALL_MS, wall - this.lastWallMs));
        this.lastWallMs = wall;
        this.paceMs = Math.min(s.durationMs, this.paceMs + dt * this.speed);
        const target: TimeMark = { ms: Math.floor(this.paceMs), inclusive: true };
        const deadline = wall + (this.opts.frameBudgetMs ?? Infinity);
        if (!notAfter(target, run.reached)) {
          // A run that cannot keep up falls behind the requested speed instead of freezing the page.
          const done = await this.advance(run, target, () => this.now() > deadline);
          if (!done) this.paceMs = run.reached.ms;
        }
        if (run.reached.ms >= s.durationMs && run.reached.inclusive) this.running = false;
        if (!this.running || wall - this.lastSavedWallMs > SAVE_EVERY_WALL_MS) await this.save();
      }
      return this.batch(this.running);
    }, false);
  }

  // ————— inputs and time travel —————

  /** A learner's action now; it applies at the next whole millisecond no event has run at. */
  input(action: InputAction): Promise<void> {
    return this.serial(async () => {
      await this.dropFuture();
      const { run, scenario } = this.loaded();
      const atMs = inputTimeAfter(run.reached);
      if (atMs > scenario.durationMs)
        throw new Error(
          `the run is over (it ends at ${scenario.durationMs / 1000} s): seek back or reset`,
        );
      this.log.add(atMs, action);
      run.input(action, atMs);
      await this.save();
    });
  }

  /** Terminates the gateway's worker now (hosts without workers crash the gateway by an input). */
  crashGateway(): Promise<void> {
    return this.serial(async () => {
      await this.dropFuture();
      const { run, scenario } = this.loaded();
      const atMs = inputTimeAfter(run.reached);
      if (atMs > scenario.durationMs) throw new Error('the run is over: seek back or reset');
      const crash: InputAction = { do: 'crash' };
      if (!run.crashWorker) {
        this.log.add(atMs, crash);
        run.input(crash, atMs);
      } else {
        // At an instant no event has run at, so the crash replays in one thread as this input.
        await run.runUntil(atMs, false);
        this.log.addWorkerCrash(run.reached, atMs);
        this.crashesDone = this.log.crashes.length;
        await run.crashWorker(false);
      }
      await this.save();
    });
  }

  fork(): Promise<void> {
    return this.serial(async () => {
      await this.dropFuture();
      await this.save();
    });
  }

  /** Time travel: replays scenario + inputs to `ms` (inclusive), exactly; a playing run plays on from there. */
  seek(ms: number): Promise<void> {
    return this.serial(async () => {
      const { scenario } = this.loaded();
      if (!Number.isFinite(ms)) throw new RangeError(`seek needs a time in ms (got ${ms})`);
      const target = Math.max(0, Math.min(Math.round(ms), scenario.durationMs));
      this.run = await this.rebuild({ ms: target, inclusive: true });
      this.paceMs = target;
      this.lastWallMs = this.now();
      await this.save();
    });
  }

  async inputLog(): Promise<readonly TimedInput[]> {
    return [...this.log.entries];
  }

  // ————— views —————

  select(user: number | undefined): Promise<void> {
    return this.serial(async () => {
      this.selected = user;
    });
  }

  snapshot(): Promise<Snapshot> {
    return this.serial(() => this.snapshotNow(false), false);
  }

  inspect(msg: number): Promise<MessageInspection> {
    return this.serial(async () => {
      const stored = this.run ? await this.run.storedItems(msg) : [];
      const events = this.trace.forMessage(msg);
      return messageInspection(msg, events, stored, this.scenario?.encryption ?? true);
    }, false);
  }

  search(user: number, query: string): Promise<readonly SearchResultView[]> {
    return this.serial(async () => (this.run ? this.run.search(user, query) : []), false);
  }

  async compare(
    seconds: number,
    options: ComparisonOptions = {},
  ): Promise<readonly ComparisonRow[]> {
    const current = {
      seed: this.scenario?.seed ?? 1,
      encryption: this.scenario?.encryption ?? true,
    };
    return compareProtocols(seconds, resolveComparison(options, current));
  }

  /** Waits for every call so far (a host being disposed). */
  protected async idle(): Promise<void> {
    await this.queue.catch(() => undefined);
  }

  // ————— inside —————

  private loaded(): { run: R; scenario: Scenario } {
    if (!this.run || !this.scenario) throw new Error('no run is loaded');
    return { run: this.run, scenario: this.scenario };
  }

  private begin(
    file: ScenarioFile,
    scenario: Scenario,
    inputs: readonly TimedInput[],
    crashes: readonly WorkerCrash[],
  ): void {
    this.running = false;
    this.file = file;
    this.scenario = scenario;
    this.log.reset(inputs, crashes);
  }

  /** A new run with the record's inputs scheduled (a worker crash keeps its place in the numbering). */
  private async build(begin: 'fresh' | 'replay'): Promise<R> {
    const extra = this.opts.sinks ?? [];
    for (const s of extra) s.restart?.();
    const sinks: TraceSink[] = this.trace.restart(begin === 'fresh', extra);
    const run = await this.runs.start(this.scenario!, sinks, begin);
    this.crashesDone = 0;
    this.log.scheduleOn(run);
    return run;
  }

  /** Replays the record to `target`, makes the durable copies that point, and has the page's log replaced. */
  private async rebuild(target: TimeMark): Promise<R> {
    const run = await this.build('replay');
    await this.advance(run, target);
    await run.checkpoint();
    this.run = run;
    this.trace.replaceLog();
    return run;
  }

  /** Runs to `target`, terminating the gateway worker wherever the crash button did in the run being replayed. */
  private async advance(run: R, target: TimeMark, stop?: () => boolean): Promise<boolean> {
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
  private async settle(): Promise<void> {
    const run = this.run;
    if (run && !run.reached.inclusive)
      await this.advance(run, { ms: run.reached.ms, inclusive: true });
  }

  /** Forgets recorded inputs after now (keeping those given now); the replayed run had them queued, so it is rebuilt. */
  private async dropFuture(): Promise<void> {
    const { run } = this.loaded();
    if (this.log.keepUntil(inputTimeAfter(run.reached))) await this.rebuild(run.reached);
  }

  private async snapshotNow(mayReuse: boolean): Promise<Snapshot> {
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

  private async batch(mayReuse: boolean): Promise<FrameBatch> {
    const snapshot = await this.snapshotNow(mayReuse);
    const { events, replaced } = this.trace.take();
    return replaced ? { events, snapshot, replaceLog: replaced } : { events, snapshot };
  }

  /** Hands back what changed since the last batch, without advancing (after a control call). */
  protected pull(): Promise<FrameBatch | undefined> {
    return this.serial(async () => (this.run ? this.batch(false) : undefined), false);
  }

  private recordNow(): RunRecord {
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

  private async save(): Promise<void> {
    const records = this.opts.records;
    if (!records || !this.run) return;
    this.lastSavedWallMs = this.now();
    await records.save(this.recordNow());
  }
}
