import * as Comlink from 'comlink';
import { Cluster } from '../cluster/cluster';
import { ClusterPlayground } from '../playground/cluster-playground';
import type { RunRecords } from '../session/run-records';
import {
  runDatabases,
  type CoordinatorApi,
  type HostWorkerFactory,
  type RunStorage,
} from './worker-api';
import { webSpawner } from './web-spawner';

/** Wall time a frame may spend granting windows (the rest of a 16 ms frame is the page's). */
const FRAME_BUDGET_MS = 12;
/** The most of the wall clock snapshots may take while playing (the one-thread host's share). */
const SNAPSHOT_SHARE = 0.1;
/** Wall time one slice of running may take while the page draws (a frame or click waits at most this). */
const BETWEEN_FRAMES_SLICE_MS = 6;

/** The coordinator worker's job: own virtual time for the page, over host workers the page spawns; the run is saved in `records`. */
export function startCoordinatorWorker(records: (dbName: string) => RunRecords): void {
  let playground: ClusterPlayground | undefined;
  let ready: (pg: ClusterPlayground) => void;
  const attached = new Promise<ClusterPlayground>((r) => (ready = r));
  const pg = () => playground ?? attached;
  const api: CoordinatorApi = {
    async attach(factory: HostWorkerFactory, run: RunStorage) {
      if (playground) throw new Error('the coordinator is already attached');
      const cluster = await Cluster.create(
        webSpawner(factory as unknown as Comlink.Remote<HostWorkerFactory>),
      );
      const db = runDatabases(run.runId);
      playground = new ClusterPlayground(cluster, {
        store: { persistence: 'indexeddb', dbName: db.store },
        history: { persistence: 'indexeddb', dbName: db.history },
        records: records(db.store),
        frameBudgetMs: FRAME_BUDGET_MS,
        snapshotShare: SNAPSHOT_SHARE,
        betweenFramesSliceMs: BETWEEN_FRAMES_SLICE_MS,
        warn: (m) => console.warn(m),
      });
      ready(playground);
    },
    // Needs no hosts: it runs before they are attached, and carries the engine in a chunk of its own.
    preview: async (r) => (await import('../session/preview-run')).previewRun(r),
    load: async (f) => (await pg()).load(f),
    play: async () => (await pg()).play(),
    pause: async () => (await pg()).pause(),
    step: async () => (await pg()).step(),
    advanceBy: async (ms) => (await pg()).advanceBy(ms),
    open: async (r) => (await pg()).open(r),
    record: async () => (await pg()).record(),
    setSpeed: async (s) => (await pg()).setSpeed(s),
    input: async (a) => (await pg()).input(a),
    seek: async (ms) => (await pg()).seek(ms),
    inputLog: async () => (await pg()).inputLog(),
    inspect: async (m) => (await pg()).inspect(m),
    search: async (u, q) => (await pg()).search(u, q),
    snapshot: async () => (await pg()).snapshot(),
    fork: async () => (await pg()).fork(),
    compare: async (s, o) => (await pg()).compare(s, o),
    frame: async () => (await pg()).frame(),
    watchLesson: async (l, s) => (await pg()).watchLesson(l, s),
    lessonStatus: async () => (await pg()).lessonStatus(),
    lessonStepRecord: async (l, s) => (await pg()).lessonStepRecord(l, s),
    planInputs: async (plan) => (await pg()).planInputs(plan),
    reopen: async () => (await pg()).reopen(),
    crashGateway: async () => (await pg()).crashGateway(),
    select: async (user) => (await pg()).select(user),
  };
  Comlink.expose(api);
}
