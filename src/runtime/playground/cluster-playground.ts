/**
 * The playground over a cluster of hosts (Web Workers in the app): the run session over a
 * Coordinator, with the same answers as the one-thread LocalPlayground. The page pulls one
 * FrameBatch per animation frame with `frame()`.
 */
import type { Cluster } from '../cluster/cluster';
import { clusterRuns, type ClusterRun, type ClusterRunOptions } from '../session/cluster-run';
import { RunSession, type RunSessionOptions } from '../session/run-session';

export type { ReopenResult } from '../session/run-session';

export type ClusterPlaygroundOptions = ClusterRunOptions & RunSessionOptions;

export class ClusterPlayground extends RunSession<ClusterRun> {
  constructor(
    private readonly cluster: Cluster,
    opts: ClusterPlaygroundOptions,
  ) {
    const { recordWire, store, history, snapshotShare, ...session } = opts;
    super(
      clusterRuns(cluster, {
        store,
        ...(recordWire !== undefined ? { recordWire } : {}),
        ...(history ? { history } : {}),
        ...(snapshotShare !== undefined ? { snapshotShare } : {}),
        ...(session.nowMs ? { nowMs: session.nowMs } : {}),
      }),
      session,
    );
  }

  async dispose(): Promise<void> {
    await this.idle();
    await this.cluster.dispose();
  }
}
