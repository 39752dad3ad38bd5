/**
 * The page's side of the embed's engine worker: a `PlaygroundHost` whose engine runs in one Web
 * Worker. It resolves once the worker answers, and rejects when the worker cannot start (a frame
 * sandboxed without `allow-same-origin`, or a policy forbidding workers), so the page can fall back
 * to running the engine in its own thread.
 */
import * as Comlink from 'comlink';
import type { Lesson } from '../../bridge/lesson-api';
import type { FrameBatch, LoadResult, PlaygroundHost } from '../../bridge/playground-api';
import type { RunRecord } from '../../bridge/run-record';
import type { EmbedWorkerApi } from './embed-worker-service';

/** The playground's host shape over a worker the embed can end (an embed keeps no saved run). */
export interface EmbedHost extends PlaygroundHost {
  /** The run record of `lesson` where step `step` (from 1) begins, worked out in the worker. */
  lessonStepRecord(lesson: Lesson, step: number): Promise<RunRecord>;
  dispose(): void;
}

/** How long a starting worker may take to answer before the page runs the engine itself. */
const START_TIMEOUT_MS = 5000;

export async function createEmbedWorkerHost(): Promise<EmbedHost> {
  // The URL is written inline so Vite bundles the worker (TOOLCHAIN 1).
  const worker = new Worker(new URL('../../../workers/embed.worker.ts', import.meta.url), {
    type: 'module',
    name: 'doubletick embed',
  });
  const remote = Comlink.wrap<EmbedWorkerApi>(worker);
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error('the engine worker did not answer')),
        START_TIMEOUT_MS,
      );
      worker.addEventListener('error', (e) => {
        clearTimeout(timer);
        reject(new Error(`the engine worker failed: ${e.message}`));
      });
      void remote.frame().then(() => {
        clearTimeout(timer);
        resolve();
      }, reject);
    });
  } catch (e) {
    worker.terminate();
    throw e;
  }
  const listeners = new Set<(b: FrameBatch) => void>();
  let looping = false;
  let raf = 0;
  const pull = async (): Promise<FrameBatch | undefined> => {
    const b = await remote.frame();
    if (b) for (const l of listeners) l(b);
    return b;
  };
  const loop = (): void => {
    void pull().then(
      (b) => {
        if (!b || b.snapshot.running) raf = requestAnimationFrame(loop);
        else looping = false;
      },
      () => (looping = false),
    );
  };
  // Every control call pulls its effect at once: an off-screen frame may get no animation frames
  // at all, and the page must still learn that a pause took.
  const control = async <T>(call: () => Promise<T>): Promise<T> => {
    const r = await call();
    await pull();
    return r;
  };
  return {
    subscribe(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    load: (f) => control<LoadResult>(() => remote.load(f)),
    open: (r) => control<LoadResult>(() => remote.open(r)),
    record: () => remote.record(),
    advanceBy: (ms) => control(() => remote.advanceBy(ms)),
    play: async () => {
      await remote.play();
      if (!looping) {
        looping = true;
        raf = requestAnimationFrame(loop);
      }
    },
    pause: () => control(() => remote.pause()),
    step: () => control(() => remote.step()),
    setSpeed: (s) => control(() => remote.setSpeed(s)),
    input: (a) => control(() => remote.input(a)),
    seek: (ms) => control(() => remote.seek(ms)),
    inputLog: () => remote.inputLog(),
    reopen: async () => undefined,
    inspect: (msg) => remote.inspect(msg),
    snapshot: () => remote.snapshot(),
    search: (user, q) => remote.search(user, q),
    fork: () => control(() => remote.fork()),
    select: (user) => control(() => remote.select(user)),
    lessonStepRecord: (lesson, step) => remote.lessonStepRecord(lesson, step),
    dispose() {
      cancelAnimationFrame(raf);
      worker.terminate();
    },
  };
}
