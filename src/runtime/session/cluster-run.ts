/** Runs over a cluster of hosts (Web Workers in the app): a Coordinator behind the run session's interface. */
import type { SearchResultView, Snapshot } from '../../bridge/playground-api';
import type { TimeMark } from '../../bridge/run-record';
import type { TraceSink } from '../../engine/kernel/trace';
import type { InputAction, StoredItem } from '../../engine/model/messages';
import type { Cluster } from '../cluster/cluster';
import { clusterSnapshotParts, type ClusterSnapshotParts } from '../cluster/cluster-view';
import { Coordinator } from '../cluster/coordinator';
import type { HistorySetup, StoreSetup } from '../cluster/host-messages';
import { assembleSnapshot, type SnapshotMeta } from '../snapshot';
import type { RunFactory, SessionRun } from './session-run';

export interface ClusterRunOptions {
  readonly recordWire?: boolean;
  readonly store: Omit<StoreSetup, 'begin'>;
  /** Where the phones keep their decrypted history (IndexedDB in the browser); none: only in memory. */
  readonly history?: Omit<HistorySetup, 'begin'>;
  /**
   * The most of the wall clock building snapshots may take while playing, as in the one-thread
   * host (local-run.ts): asking every host for its part of 10,000 phones costs tens of ms, and
   * frames in between carry the last snapshot with the clock moved on (`measuredAtMs` says when
   * it was taken). Default: a fresh snapshot every frame.
   */
  readonly snapshotShare?: number;
  /** The wall clock, in ms (for the snapshot share). */
  readonly nowMs?: () => number;
}

export class ClusterRun implements SessionRun {
  private last: (ClusterSnapshotParts & { readonly atMs: number }) | undefined;
  private nextSnapshotWallMs = 0;

  constructor(
    readonly coordinator: Coordinator,
    private readonly cluster: Cluster,
    private readonly opts: ClusterRunOptions,
  ) {}

  get reached(): TimeMark {
    return this.coordinator.reached;
  }

  nextTime(): number {
    return this.coordinator.nextTime();
  }

  input(action: InputAction, atMs: number): void {
    this.coordinator.input(action, atMs);
  }

  reserveInput(atMs: number): void {
    this.coordinator.reserveInput(atMs);
  }

  runUntil(ms: number, inclusive: boolean, stop?: () => boolean): Promise<boolean> {
    return this.coordinator.runUntil(ms, inclusive, stop);
  }

  crashWorker(replaying: boolean): Promise<void> {
    return this.coordinator.crashGateway({ replaying });
  }

  async snapshot(
    meta: SnapshotMeta,
    selected: number | undefined,
    mayReuse: boolean,
  ): Promise<Snapshot> {
    const share = this.opts.snapshotShare;
    const wall = this.opts.nowMs ?? (() => performance.now());
    const t0 = wall();
    if (!share || !mayReuse || !this.last || t0 >= this.nextSnapshotWallMs) {
      const parts = await this.coordinator.parts(selected);
      const atMs = this.coordinator.now;
      this.last = { ...clusterSnapshotParts(parts, this.coordinator.reportView(parts)), atMs };
      const t1 = wall();
      if (share) this.nextSnapshotWallMs = t1 + (t1 - t0) / share;
    }
    const { parts, report, atMs } = this.last;
    const snap = assembleSnapshot(meta, parts, report);
    return atMs < this.coordinator.now ? { ...snap, measuredAtMs: atMs } : snap;
  }

  storedItems(msg: number): Promise<readonly StoredItem[]> {
    return this.cluster.host('store').control.storeItems(msg);
  }

  search(user: number, query: string): Promise<readonly SearchResultView[]> {
    return this.cluster.host('phones').control.search(user, query);
  }

  async checkpoint(): Promise<void> {
    const mark = this.coordinator.reached;
    await this.cluster.host('store').control.storeCheckpoint(mark);
    await this.historyCheckpoint(mark);
  }

  durableMark(): Promise<TimeMark | undefined> {
    return this.cluster.host('store').control.storeMark();
  }

  async adoptDurable(): Promise<{ restored: number; agreed: boolean; detail?: string }> {
    const adopted = await this.cluster.host('store').control.storeAdopt();
    // The phones' history is derived, never adopted: it is rewritten from the replayed run.
    await this.historyCheckpoint(this.coordinator.reached);
    return adopted;
  }

  private async historyCheckpoint(mark: TimeMark): Promise<void> {
    if (this.opts.history && this.opts.history.persistence !== 'none')
      await this.cluster.host('phones').control.historyCheckpoint(mark);
  }
}

/** Runs over `cluster`, one at a time (each start re-initialises every host). */
export const clusterRuns = (cluster: Cluster, opts: ClusterRunOptions): RunFactory<ClusterRun> => ({
  async start(scenario, sinks: readonly TraceSink[], begin) {
    const coordinator = await Coordinator.start(
      cluster,
      scenario,
      {
        recordWire: opts.recordWire ?? true,
        store: opts.store,
        ...(opts.history ? { history: opts.history } : {}),
        sinks,
      },
      begin,
    );
    return new ClusterRun(coordinator, cluster, opts);
  },
});
