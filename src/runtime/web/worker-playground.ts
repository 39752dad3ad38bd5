import * as Comlink from 'comlink';
import type {
  ComparisonOptions,
  FrameBatch,
  LoadResult,
  PlaygroundHost,
  RunRecord,
  ScenarioFile,
} from '../../bridge/playground-api';
import type { InputAction } from '../../engine/model/messages';
import { createCoordinatorWorker, hostWorkerFactory } from './host-workers';
import type { CoordinatorApi, RunStorage } from './worker-api';

/** The page API over workers, with the page's extras. */
export interface WorkerPlayground extends PlaygroundHost {
  /** Terminates the gateway's worker mid-run; a fresh one restarts after the gateway's restart time. */
  crashGateway(): Promise<void>;
  /** The host workers alive now (the coordinator's is one more). */
  workerCount(): number;
  dispose(): void;
}

/**
 * The playground across Web Workers: a coordinator worker owns virtual time and the four host
 * workers (gateway, session manager, store, phones) it links with MessageChannels; the page only
 * pulls one batch per animation frame, so it stays smooth whatever the fleet does.
 */
export function createWorkerPlayground(run: RunStorage): WorkerPlayground {
  const report = (m: string): void => console.error(`[doubletick] ${m}`);
  const coordinatorWorker = createCoordinatorWorker();
  coordinatorWorker.addEventListener('error', (e) =>
    report(`the coordinator worker failed: ${e.message}`),
  );
  const remote = Comlink.wrap<CoordinatorApi>(coordinatorWorker);
  const factory = hostWorkerFactory(report);
  const ready = remote.attach(Comlink.proxy(factory), run);
  const listeners = new Set<(b: FrameBatch) => void>();
  let looping = false;
  let frame = 0;

  const pull = async (): Promise<FrameBatch | undefined> => {
    const b = await remote.frame();
    if (b) for (const l of listeners) l(b);
    return b;
  };
  const loop = (): void => {
    void pull().then(
      (b) => {
        if (b?.snapshot.running) frame = requestAnimationFrame(loop);
        else looping = false;
      },
      (e: unknown) => {
        looping = false;
        report(`a frame failed: ${(e as Error).message}`);
      },
    );
  };
  const startLoop = (): void => {
    if (looping) return;
    looping = true;
    frame = requestAnimationFrame(loop);
  };
  /** Runs a control call; unless frames are flowing, pulls one batch so subscribers see its effect. */
  const control = async <T>(call: () => Promise<T>): Promise<T> => {
    await ready;
    const r = await call();
    if (!looping) await pull();
    return r;
  };

  return {
    subscribe(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    load: (file: ScenarioFile) => control<LoadResult>(() => remote.load(file)),
    play: async () => {
      await ready;
      await remote.play();
      startLoop();
    },
    pause: () => control(() => remote.pause()),
    step: () => control(() => remote.step()),
    advanceBy: (ms: number) => control(() => remote.advanceBy(ms)),
    open: (r: RunRecord) => control<LoadResult>(() => remote.open(r)),
    // Not behind `ready`: the coordinator replays it while the host workers start.
    preview: (r: RunRecord) => remote.preview(r),
    record: async () => (await ready, remote.record()),
    setSpeed: (speed: number) => control(() => remote.setSpeed(speed)),
    input: (action: InputAction) => control(() => remote.input(action)),
    seek: (ms: number) => control(() => remote.seek(ms)),
    inputLog: async () => (await ready, remote.inputLog()),
    inspect: async (msg: number) => (await ready, remote.inspect(msg)),
    search: async (user: number, query: string) => (await ready, remote.search(user, query)),
    snapshot: async () => (await ready, remote.snapshot()),
    fork: () => control(() => remote.fork()),
    watchLesson: (lesson, step) => control(() => remote.watchLesson(lesson, step)),
    lessonStatus: async () => (await ready, remote.lessonStatus()),
    lessonStepRecord: async (lesson, step) => (await ready, remote.lessonStepRecord(lesson, step)),
    planInputs: (plan) => control(() => remote.planInputs(plan)),
    compare: async (seconds: number, options?: ComparisonOptions) => (
      await ready,
      remote.compare(seconds, options)
    ),
    reopen: () => control(() => remote.reopen()),
    crashGateway: () => control(() => remote.crashGateway()),
    select: (user) => control(() => remote.select(user)),
    workerCount: () => factory.workers.size,
    dispose() {
      cancelAnimationFrame(frame);
      for (const w of factory.workers.values()) w.terminate();
      coordinatorWorker.terminate();
      remote[Comlink.releaseProxy]();
    },
  };
}
