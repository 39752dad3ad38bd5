import type {
  SearchResultView,
  ComparisonOptions,
  ComparisonRow,
  FrameBatch,
  LoadResult,
  MessageInspection,
  PlaygroundControl,
  ScenarioFile,
  Snapshot,
} from '../bridge/playground-api';
import type { TraceEvent } from '../engine/kernel/trace';
import { toHex } from '../engine/model/bytes';
import { validateScenario } from '../engine/scenario/validate-scenario';
import type { Scenario, TimedAction } from '../engine/scenario/scenario';
import type { InputAction } from '../engine/model/messages';
import { Simulation } from '../engine/sim/simulation';
import { compareProtocols, resolveComparison } from './compare-protocols';
import { decodeHops } from './decode-hops';
import { assembleSnapshot, buildSnapshot, gatewayPart, phonesPart, storePart } from './snapshot';
import { buildReport, type Report } from '../engine/sim/report';
import { searchPhone } from './search-phone';
import { TraceRecorder } from './trace-recorder';
import { LessonWatch } from './lesson-watch';
import type { Lesson } from '../lessons/model';

/** Wall-clock facilities, injected so tests can drive frames by hand. */
export interface FrameClock {
  nowMs(): number;
  /** Calls `fn` at the next frame; returns a cancel function. */
  nextFrame(fn: () => void): () => void;
}

export const MIN_SPEED = 0.1;
export const MAX_SPEED = 1000;
/** The most virtual time one frame may cover, so a stalled tab does not jump minutes ahead. */
const MAX_FRAME_WALL_MS = 100;

/**
 * The playground in one thread: a Simulation paced against the wall clock, streaming one batch
 * per frame. It is the reference host; the worker host gives the same answers across workers.
 */
export class LocalPlayground implements PlaygroundControl {
  private sim: Simulation | undefined;
  private scenario: Scenario | undefined;
  private log: TimedAction[] = [];
  private recorder = new TraceRecorder();
  private readonly lessons = new LessonWatch();
  private pending: TraceEvent[] = [];
  private running = false;
  private speed = 1;
  private lastWallMs = 0;
  private cancelFrame: (() => void) | undefined;
  private readonly listeners = new Set<(b: FrameBatch) => void>();
  private lastReport: { report: Report; atMs: number } | undefined;
  private lastSnapshot: Snapshot | undefined;
  private nextReportWallMs = 0;
  private nextPartsWallMs = 0;
  selected: number | undefined;

  /**
   * `snapshotShare`: the most of the wall clock that building snapshots may take while playing
   * (e.g. 0.1). A big fleet's components and report cost milliseconds, so each is rebuilt only as
   * often as that share allows; frames in between carry the last ones with the clock moved on
   * (`measuredAtMs` says when the report was taken). Small runs still get a fresh one every frame.
   * Default: a fresh snapshot every frame.
   * `frameBudgetMs`: the most wall time one frame may spend running the simulation; a run that
   * cannot keep up falls behind the requested speed instead of freezing the page. Default: none.
   */
  constructor(
    private readonly clock: FrameClock,
    private readonly opts: {
      recordWire?: boolean;
      snapshotShare?: number;
      frameBudgetMs?: number;
    } = {},
  ) {}

  subscribe(fn: (b: FrameBatch) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private build(scenario: Scenario, log: readonly TimedAction[]): Simulation {
    this.recorder = new TraceRecorder();
    this.pending = [];
    this.lessons.restart();
    const sim = new Simulation(scenario, {
      recordWire: this.opts.recordWire ?? true,
      sinks: [this.recorder, { emit: (e) => this.pending.push(e) }, this.lessons],
    });
    for (const a of log) sim.input(a.action, a.atMs);
    return sim;
  }

  async watchLesson(lesson: Lesson | null, step: number): Promise<void> {
    this.lessons.watch(lesson, step, this.sim?.now ?? 0);
  }

  async lessonStatus() {
    return this.lessons.status(this.sim?.now ?? 0);
  }

  async load(file: ScenarioFile): Promise<LoadResult> {
    const r = validateScenario(file);
    if (!r.ok) return { ok: false, errors: r.errors };
    await this.pause();
    this.scenario = r.scenario;
    this.log = [];
    this.sim = this.build(r.scenario, []);
    this.sim.runUntil(0, true);
    this.emit();
    return { ok: true };
  }

  async play(): Promise<void> {
    if (this.running || !this.sim) return;
    this.running = true;
    this.lastWallMs = this.clock.nowMs();
    this.schedule();
  }

  async pause(): Promise<void> {
    this.running = false;
    this.cancelFrame?.();
    this.cancelFrame = undefined;
    if (this.sim) this.emit();
  }

  async step(): Promise<number | undefined> {
    const sim = this.sim;
    if (!sim) return undefined;
    const t = sim.kernel.nextTime();
    if (t === Infinity) return undefined;
    sim.runUntil(t, true); // every event at that instant, so the step shows one moment
    this.emit();
    return t;
  }

  async setSpeed(speed: number): Promise<void> {
    if (!(speed >= MIN_SPEED && speed <= MAX_SPEED))
      throw new RangeError(`speed must be between ${MIN_SPEED} and ${MAX_SPEED} (got ${speed})`);
    this.speed = speed;
  }

  async input(action: InputAction): Promise<void> {
    if (!this.sim) return;
    // Acting in the past of a replayed run forks it: the old future is dropped.
    this.dropFuture();
    const sim = this.sim;
    const atMs = sim.now;
    this.log.push({ atMs, action });
    sim.input(action, atMs);
  }

  /** Shows `user` in detail in snapshots (beyond the first phones), as the worker host does. */
  async select(user: number | undefined): Promise<void> {
    this.selected = user;
    this.lastSnapshot = undefined;
    if (this.sim && !this.running) this.emit();
  }

  async fork(): Promise<void> {
    if (this.dropFuture()) this.emit();
  }

  /** Forgets recorded inputs after now; the replayed run had them queued, so it is rebuilt. */
  private dropFuture(): boolean {
    const sim = this.sim;
    if (!sim || !this.scenario) return false;
    const kept = this.log.filter((a) => a.atMs <= sim.now);
    if (kept.length === this.log.length) return false;
    const now = sim.now;
    this.log = kept;
    this.sim = this.build(this.scenario, kept);
    this.sim.runUntil(now, true);
    this.pending = [];
    return true;
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

  async seek(ms: number): Promise<void> {
    if (!this.scenario) return;
    const was = this.running;
    await this.pause();
    const target = Math.max(0, Math.min(ms, this.scenario.durationMs));
    this.sim = this.build(this.scenario, this.log);
    this.sim.runUntil(target, true);
    this.pending = this.recorder.since(Math.max(0, target - 2_000));
    this.emit();
    if (was) await this.play();
  }

  async inputLog(): Promise<readonly TimedAction[]> {
    return [...this.log];
  }

  async inspect(msg: number): Promise<MessageInspection> {
    const events = this.recorder.forMessage(msg);
    const serverView: string[] = [];
    for (const it of this.sim?.store.store.all() ?? [])
      if (it.msg === msg && it.key.startsWith('c')) serverView.push(toHex(it.envelope));
    for (const e of events)
      if (e.wire && (e.to === 1 || e.from === 1)) for (const w of e.wire) serverView.push(toHex(w));
    return { msg, events, serverView, hops: decodeHops(events, this.scenario?.encryption ?? true) };
  }

  async search(user: number, query: string): Promise<readonly SearchResultView[]> {
    return searchPhone(this.sim, user, query);
  }

  async snapshot(): Promise<Snapshot> {
    if (!this.sim) throw new Error('no scenario loaded');
    return buildSnapshot(this.sim, {
      running: this.running,
      speed: this.speed,
      ...(this.selected !== undefined ? { selected: this.selected } : {}),
    });
  }

  private schedule(): void {
    this.cancelFrame = this.clock.nextFrame(() => this.frame());
  }

  private frame(): void {
    const sim = this.sim;
    if (!this.running || !sim) return;
    const wall = this.clock.nowMs();
    const dt = Math.min(MAX_FRAME_WALL_MS, wall - this.lastWallMs);
    this.lastWallMs = wall;
    const end = this.scenario!.durationMs;
    const target = Math.min(end, sim.now + dt * this.speed);
    this.advance(sim, target, end);
    if (sim.now >= end) this.running = false;
    this.emit(this.running);
    if (this.running) this.schedule();
  }

  /** Runs to `target`, in slices when a frame budget is set, stopping early once it is spent. */
  private advance(sim: Simulation, target: number, end: number): void {
    const budget = this.opts.frameBudgetMs;
    if (!budget) return sim.runUntil(target, target === end);
    const start = this.clock.nowMs();
    const slice = Math.max(1, (target - sim.now) / 8);
    while (sim.now < target) {
      const t = Math.min(target, sim.now + slice);
      sim.runUntil(t, t === end);
      if (this.clock.nowMs() - start >= budget) break;
    }
  }

  /** The snapshot for this frame: fresh, or (while playing a costly run) partly or wholly the last one. */
  private frameSnapshot(sim: Simulation, mayReuse: boolean): Snapshot {
    const share = this.opts.snapshotShare;
    const selected = this.selected !== undefined ? { selected: this.selected } : {};
    if (!share)
      return buildSnapshot(sim, { running: this.running, speed: this.speed, ...selected });
    const reuse = mayReuse && this.lastReport !== undefined && this.lastSnapshot !== undefined;
    const t0 = this.clock.nowMs();
    const partsDue = !reuse || t0 >= this.nextPartsWallMs;
    const reportDue = !reuse || t0 >= this.nextReportWallMs;
    const meta = {
      nowMs: sim.now,
      durationMs: sim.scenario.durationMs,
      running: this.running,
      speed: this.speed,
      seed: sim.scenario.seed,
      scenarioName: sim.scenario.name,
    };
    if (!partsDue && !reportDue) return { ...this.lastSnapshot!, ...meta };
    if (reportDue) {
      this.lastReport = { report: buildReport(sim), atMs: sim.now };
      const t1 = this.clock.nowMs();
      this.nextReportWallMs = t1 + (t1 - t0) / share;
    }
    const t2 = this.clock.nowMs();
    const last = this.lastSnapshot;
    const parts =
      partsDue || !last
        ? {
            phones: phonesPart(sim.fleet, sim.now, this.selected),
            gateway: gatewayPart(sim.gateway),
            sessions: { online: sim.sessions.onlineCount },
            store: storePart(sim.store.store),
          }
        : {
            phones: { phoneCount: last.phoneCount, phones: last.phones, groups: last.groups },
            gateway: last.gateway,
            sessions: last.sessions,
            store: last.store,
          };
    if (partsDue) {
      const t3 = this.clock.nowMs();
      this.nextPartsWallMs = t3 + (t3 - t2) / share;
    }
    const snap = assembleSnapshot(meta, parts, this.lastReport!.report);
    this.lastSnapshot = snap;
    return this.lastReport!.atMs < sim.now
      ? { ...snap, measuredAtMs: this.lastReport!.atMs }
      : snap;
  }

  private emit(mayReuse = false): void {
    const sim = this.sim;
    if (!sim) return;
    const batch: FrameBatch = {
      events: this.pending,
      snapshot: this.frameSnapshot(sim, mayReuse),
    };
    this.pending = [];
    for (const l of this.listeners) l(batch);
  }
}
