import type {
  ComparisonOptions,
  ComparisonRow,
  FrameBatch,
  LoadResult,
  MessageInspection,
  PlaygroundControl,
  ScenarioFile,
  Snapshot,
  SearchResultView,
} from '../../bridge/playground-api';
import type { TraceEvent } from '../../engine/kernel/trace';
import type { Scenario, TimedAction } from '../../engine/scenario/scenario';
import { validateScenario } from '../../engine/scenario/validate-scenario';
import type { InputAction } from '../../engine/model/messages';
import type { Cluster } from '../cluster/cluster';
import { Coordinator } from '../cluster/coordinator';
import { clusterSnapshot } from '../cluster/cluster-view';
import type { Logger } from '../cluster/host';
import type { HistorySetup, StoreSetup, TimeMark } from '../cluster/host-messages';
import { compareProtocols, resolveComparison } from '../compare-protocols';
import { messageInspection } from '../inspection';
import { MAX_SPEED, MIN_SPEED } from '../local-playground';
import { TraceRecorder } from '../trace-recorder';
import { LessonWatch } from '../lesson-watch';
import type { Lesson } from '../../lessons/model';
import { laterMark, notAfter, type RunRecords, type WorkerCrash } from './run-records';

export interface ClusterPlaygroundOptions {
  readonly recordWire?: boolean;
  readonly store: Omit<StoreSetup, 'begin'>;
  /** Where the phones keep their decrypted history (IndexedDB in the browser); none: only in memory. */
  readonly history?: Omit<HistorySetup, 'begin'>;
  /** Where the run is saved to reopen after a reload (none: runs are not reopened). */
  readonly records?: RunRecords;
  /** The wall clock, in ms (injected so tests can drive frames by hand). */
  readonly nowMs?: () => number;
  /** Wall time one frame may spend running windows before it hands back what it has. */
  readonly frameBudgetMs?: number;
  readonly warn?: Logger;
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

/** The most virtual time one frame may cover, so a stalled tab does not jump minutes ahead (as one thread). */
const MAX_FRAME_WALL_MS = 100;
/** How often a playing run saves how far it got. */
const SAVE_EVERY_WALL_MS = 500;

/**
 * The playground over a cluster of hosts: the page API with the same answers as LocalPlayground,
 * virtual time granted window by window to the hosts. The page pulls one FrameBatch per animation
 * frame with `frame()`. Calls are serialised: a control call never interleaves with a frame.
 */
export class ClusterPlayground implements PlaygroundControl {
  private run: Coordinator | undefined;
  private file: ScenarioFile | undefined;
  private scenario: Scenario | undefined;
  private log: TimedAction[] = [];
  private crashes: WorkerCrash[] = [];
  /** How many of `crashes` the current run has been through. */
  private crashesDone = 0;
  private recorder = new TraceRecorder();
  private readonly lessons = new LessonWatch();
  private pending: TraceEvent[] = [];
  private running = false;
  private speed = 1;
  private lastWallMs = 0;
  private lastSavedWallMs = 0;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly now: () => number;
  selected: number | undefined;

  constructor(
    private readonly cluster: Cluster,
    private readonly opts: ClusterPlaygroundOptions,
  ) {
    this.now = opts.nowMs ?? (() => performance.now());
  }

  watchLesson(lesson: Lesson | null, step: number): Promise<void> {
    return this.serial(async () => this.lessons.watch(lesson, step, this.run?.now ?? 0));
  }

  lessonStatus() {
    return this.serial(async () => this.lessons.status(this.run?.now ?? 0));
  }

  load(file: ScenarioFile): Promise<LoadResult> {
    return this.serial(async () => {
      const r = validateScenario(file);
      if (!r.ok) return { ok: false, errors: r.errors };
      this.running = false;
      this.file = file;
      this.scenario = r.scenario;
      this.log = [];
      this.crashes = [];
      this.run = await this.build('fresh');
      await this.run.runUntil(0, true);
      await this.save();
      return { ok: true };
    });
  }

  play(): Promise<void> {
    return this.serial(async () => {
      if (this.running || !this.run) return;
      this.running = true;
      this.lastWallMs = this.now();
    });
  }

  pause(): Promise<void> {
    return this.serial(async () => {
      this.running = false;
      await this.save();
    });
  }

  step(): Promise<number | undefined> {
    return this.serial(async () => {
      const run = this.run;
      if (!run) return undefined;
      const t = run.nextTime();
      if (t === Infinity) return undefined;
      await this.advance(run, { ms: t, inclusive: true }); // every event at that instant, so the step shows one moment
      await this.save();
      return t;
    });
  }

  async setSpeed(speed: number): Promise<void> {
    if (!(speed >= MIN_SPEED && speed <= MAX_SPEED))
      throw new RangeError(`speed must be between ${MIN_SPEED} and ${MAX_SPEED} (got ${speed})`);
    this.speed = speed;
  }

  input(action: InputAction): Promise<void> {
    return this.serial(async () => {
      if (!this.run) return;
      // Acting in the past of a replayed run forks it: the old future is dropped.
      await this.dropFuture();
      const run = this.run;
      const atMs = run.now;
      this.log.push({ atMs, action });
      run.input(action, atMs);
      await this.save();
    });
  }

  fork(): Promise<void> {
    return this.serial(async () => {
      await this.dropFuture();
    });
  }

  seek(ms: number): Promise<void> {
    return this.serial(async () => {
      if (!this.scenario) return;
      const target = Math.max(0, Math.min(ms, this.scenario.durationMs));
      const run = await this.rebuild(target);
      this.pending = this.recorder.since(Math.max(0, target - 2_000));
      this.lastWallMs = this.now();
      this.run = run;
      await this.save();
    });
  }

  async inputLog(): Promise<readonly TimedAction[]> {
    return [...this.log];
  }

  inspect(msg: number): Promise<MessageInspection> {
    return this.serial(async () => {
      const stored = this.run ? await this.cluster.host('store').control.storeItems(msg) : [];
      return messageInspection(
        msg,
        this.recorder.forMessage(msg),
        stored,
        this.scenario?.encryption ?? true,
      );
    });
  }

  snapshot(): Promise<Snapshot> {
    return this.serial(() => this.snapshotNow());
  }

  search(user: number, query: string): Promise<readonly SearchResultView[]> {
    return this.serial(async () =>
      this.run ? this.cluster.host('phones').control.search(user, query) : [],
    );
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

  /** Advances a playing run by the wall time since the last frame × speed (within a budget), then hands back one batch. */
  frame(): Promise<FrameBatch | undefined> {
    return this.serial(async () => {
      const run = this.run;
      if (!run || !this.scenario) return undefined;
      if (this.running) {
        const wall = this.now();
        const dt = Math.min(MAX_FRAME_WALL_MS, wall - this.lastWallMs);
        this.lastWallMs = wall;
        const end = this.scenario.durationMs;
        const target = Math.min(end, run.now + dt * this.speed);
        const deadline = wall + (this.opts.frameBudgetMs ?? Infinity);
        await this.advance(
          run,
          { ms: target, inclusive: target === end },
          () => this.now() > deadline,
        );
        if (run.reached.ms >= end && run.reached.inclusive) this.running = false;
        if (!this.running || this.now() - this.lastSavedWallMs > SAVE_EVERY_WALL_MS)
          await this.save();
      }
      const events = this.pending;
      this.pending = [];
      return { events, snapshot: await this.snapshotNow() };
    });
  }

  /** Terminates the gateway's worker now (the crash button); a fresh one comes back after its restart time. */
  crashGateway(): Promise<void> {
    return this.serial(async () => {
      if (!this.run) return;
      // Acting in the past of a replayed run forks it, as an input does.
      await this.dropFuture();
      const run = this.run;
      this.crashes.push({ at: run.reached, logIndex: this.log.length });
      this.crashesDone = this.crashes.length;
      await run.crashGateway();
      this.log.push({ atMs: run.now, action: { do: 'crash' } });
      await this.save();
    });
  }

  /**
   * Reopens the saved run after a reload: replays seed + input log to where it got (every host's
   * memory), then the store takes its pending items from the durable copy, which was written up
   * to that same point of virtual time; a difference from the replay is reported, the copy kept.
   */
  reopen(): Promise<ReopenResult | undefined> {
    return this.serial(async () => {
      const saved = await this.opts.records?.load();
      if (!saved) return undefined;
      const r = validateScenario(saved.file);
      if (!r.ok) {
        this.opts.warn?.(`[doubletick] the saved run cannot be reopened: ${r.errors.join('; ')}`);
        await this.opts.records?.clear();
        return undefined;
      }
      this.running = false;
      this.file = saved.file;
      this.scenario = r.scenario;
      this.log = [...saved.log];
      this.crashes = [...(saved.workerCrashes ?? [])];
      const run = await this.build('replay');
      const target = laterMark(saved.reached, await this.cluster.host('store').control.storeMark());
      await this.advance(run, target);
      const adopted = await this.cluster.host('store').control.storeAdopt();
      await this.checkpointHistory(run.reached);
      if (!adopted.agreed)
        this.opts.warn?.(
          `[doubletick] reopened the run at ${target.ms} ms; the store's durable copy differs from the replay (${adopted.detail ?? ''}); the durable copy is kept`,
        );
      this.run = run;
      this.pending = this.recorder.since(Math.max(0, target.ms - 2_000));
      await this.save();
      return {
        atMs: target.ms,
        restored: adopted.restored,
        agreed: adopted.agreed,
        ...(adopted.detail ? { detail: adopted.detail } : {}),
      };
    });
  }

  async dispose(): Promise<void> {
    await this.queue.catch(() => undefined);
    await this.cluster.dispose();
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const p = this.queue.then(fn, fn);
    this.queue = p.catch(() => undefined);
    return p;
  }

  /** A new run with this playground's log scheduled (a worker crash keeps its place in the numbering). */
  private async build(begin: StoreSetup['begin']): Promise<Coordinator> {
    this.recorder = new TraceRecorder();
    this.pending = [];
    this.lessons.restart();
    const sinks = [this.recorder, { emit: (e: TraceEvent) => this.pending.push(e) }, this.lessons];
    const run = await Coordinator.start(
      this.cluster,
      this.scenario!,
      {
        recordWire: this.opts.recordWire ?? true,
        store: this.opts.store,
        ...(this.opts.history ? { history: this.opts.history } : {}),
        sinks,
      },
      begin,
    );
    this.crashesDone = 0;
    const crashed = new Set(this.crashes.map((c) => c.logIndex));
    this.log.forEach((a, i) =>
      crashed.has(i) ? run.reserveInput(a.atMs) : run.input(a.action, a.atMs),
    );
    return run;
  }

  /** Runs to `target`, terminating the gateway worker wherever the crash button did in the run being replayed. */
  private async advance(
    run: Coordinator,
    target: TimeMark,
    stop?: () => boolean,
  ): Promise<boolean> {
    for (
      let c = this.crashes[this.crashesDone];
      c && notAfter(c.at, target);
      c = this.crashes[this.crashesDone]
    ) {
      if (!(await run.runUntil(c.at.ms, c.at.inclusive, stop))) return false;
      await run.crashGateway({ replaying: true });
      this.crashesDone++;
    }
    return run.runUntil(target.ms, target.inclusive, stop);
  }

  /** Replays seed + the log to `targetMs` (inclusive), and makes the store's durable copy that point. */
  private async rebuild(targetMs: number): Promise<Coordinator> {
    const run = await this.build('replay');
    await this.advance(run, { ms: targetMs, inclusive: true });
    await this.cluster.host('store').control.storeCheckpoint(run.reached);
    await this.checkpointHistory(run.reached);
    return run;
  }

  /** Ends a replay for the phones' history: the durable copy is rewritten from the replayed run (it is derived, never adopted). */
  private async checkpointHistory(mark: TimeMark): Promise<void> {
    if (this.opts.history && this.opts.history.persistence !== 'none')
      await this.cluster.host('phones').control.historyCheckpoint(mark);
  }

  /** Forgets recorded inputs after now; the replayed run had them queued, so it is rebuilt. */
  private async dropFuture(): Promise<boolean> {
    const run = this.run;
    if (!run || !this.scenario) return false;
    const kept = this.log.filter((a) => a.atMs <= run.now);
    if (kept.length === this.log.length) return false;
    this.log = kept;
    this.crashes = this.crashes.filter((c) => c.logIndex < kept.length);
    this.run = await this.rebuild(run.now);
    this.pending = [];
    return true;
  }

  private async snapshotNow(): Promise<Snapshot> {
    const run = this.run;
    const s = this.scenario;
    if (!run || !s) throw new Error('no scenario loaded');
    const parts = await run.parts(this.selected);
    const meta = {
      nowMs: run.now,
      durationMs: s.durationMs,
      running: this.running,
      speed: this.speed,
      seed: s.seed,
      scenarioName: s.name,
    };
    return clusterSnapshot(meta, parts, run.reportView(parts));
  }

  private async save(): Promise<void> {
    const records = this.opts.records;
    if (!records || !this.file || !this.run) return;
    this.lastSavedWallMs = this.now();
    await records.save({
      file: this.file,
      log: this.log,
      reached: this.run.reached,
      workerCrashes: this.crashes,
    });
  }
}
