/** Runs in this thread: a Simulation behind the run session's interface. */
import type { SearchResultView, Snapshot } from '../../bridge/playground-api';
import type { TimeMark } from '../../bridge/run-record';
import type { TraceSink } from '../../engine/kernel/trace';
import type { InputAction, StoredItem } from '../../engine/model/messages';
import type { Scenario } from '../../engine/scenario/scenario';
import { buildReport, type Report } from '../../engine/sim/report';
import { Simulation } from '../../engine/sim/simulation';
import { searchPhone } from '../search-phone';
import {
  assembleSnapshot,
  gatewayPart,
  phonesPart,
  storePart,
  type PhonesPart,
  type SnapshotMeta,
} from '../snapshot';
import type { RunFactory, SessionRun } from './session-run';

export interface LocalRunOptions {
  /** Keep each hop's bytes in the trace (for the inspector). Default true. */
  readonly recordWire?: boolean;
  /**
   * The most of the wall clock that building snapshots may take while playing (e.g. 0.1). A big
   * fleet's components and report cost milliseconds, so each is rebuilt only as often as that share
   * allows; frames in between carry the last ones with the clock moved on (`measuredAtMs` says when
   * the report was taken). Default: a fresh snapshot every frame.
   */
  readonly snapshotShare?: number;
  /** The wall clock, in ms (for the snapshot share and the frame budget). */
  readonly nowMs?: () => number;
}

/** Slices a budgeted frame is cut into, so a slow run stops near its budget. */
const BUDGET_SLICES = 8;

export class LocalRun implements SessionRun {
  readonly sim: Simulation;
  private mark: TimeMark = { ms: 0, inclusive: false };
  private lastReport: { report: Report; atMs: number } | undefined;
  private lastParts:
    | {
        phones: PhonesPart;
        gateway: Snapshot['gateway'];
        sessions: Snapshot['sessions'];
        store: Snapshot['store'];
      }
    | undefined;
  private nextReportWallMs = 0;
  private nextPartsWallMs = 0;

  constructor(
    scenario: Scenario,
    sinks: readonly TraceSink[],
    private readonly opts: LocalRunOptions,
  ) {
    this.sim = new Simulation(scenario, { recordWire: opts.recordWire ?? true, sinks });
  }

  get reached(): TimeMark {
    return this.mark;
  }

  nextTime(): number {
    return this.sim.kernel.nextTime();
  }

  input(action: InputAction, atMs: number): void {
    this.sim.input(action, atMs);
  }

  reserveInput(): void {
    throw new Error('a run in one thread has no worker to crash');
  }

  async runUntil(ms: number, inclusive: boolean, stop?: () => boolean): Promise<boolean> {
    const sim = this.sim;
    if (stop) {
      // Whole-millisecond slices, each inclusive, so a frame cut short still ends at an instant
      // whose events have all run (see inputTimeAfter).
      const slice = Math.max(1, Math.floor((ms - sim.now) / BUDGET_SLICES));
      while (sim.now + slice < ms) {
        const t = Math.floor(sim.now + slice);
        sim.runUntil(t, true);
        this.reach({ ms: t, inclusive: true });
        if (stop()) return false;
      }
    }
    sim.runUntil(ms, inclusive);
    this.reach({ ms, inclusive });
    return true;
  }

  private reach(m: TimeMark): void {
    if (m.ms > this.mark.ms || (m.ms === this.mark.ms && m.inclusive)) this.mark = m;
  }

  async snapshot(meta: SnapshotMeta, selected: number | undefined, mayReuse: boolean) {
    const sim = this.sim;
    const share = this.opts.snapshotShare;
    const wall = this.opts.nowMs ?? (() => performance.now());
    const reuse = !!share && mayReuse && this.lastReport !== undefined && !!this.lastParts;
    const t0 = wall();
    if (!reuse || t0 >= this.nextReportWallMs) {
      this.lastReport = { report: buildReport(sim), atMs: sim.now };
      const t1 = wall();
      if (share) this.nextReportWallMs = t1 + (t1 - t0) / share;
    }
    const t2 = wall();
    if (!reuse || t2 >= this.nextPartsWallMs || !this.lastParts) {
      this.lastParts = {
        phones: phonesPart(sim.fleet, sim.now, selected),
        gateway: gatewayPart(sim.gateway, sim.now),
        sessions: { online: sim.sessions.onlineCount },
        store: storePart(sim.store.store),
      };
      const t3 = wall();
      if (share) this.nextPartsWallMs = t3 + (t3 - t2) / share;
    }
    const { report, atMs } = this.lastReport!;
    const snap = assembleSnapshot(meta, this.lastParts, report);
    return atMs < sim.now ? { ...snap, measuredAtMs: atMs } : snap;
  }

  async storedItems(msg: number): Promise<readonly StoredItem[]> {
    return this.sim.store.store.all().filter((it) => it.msg === msg);
  }

  async search(user: number, query: string): Promise<readonly SearchResultView[]> {
    return searchPhone(this.sim, user, query);
  }

  async checkpoint(): Promise<void> {
    // Nothing durable: the run lives in this thread's memory.
  }
}

/** Runs in this thread. */
export const localRuns = (opts: LocalRunOptions = {}): RunFactory<LocalRun> => ({
  start: async (scenario, sinks) => new LocalRun(scenario, sinks, opts),
});
