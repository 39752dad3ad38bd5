/**
 * The embed's engine worker: the one-thread host (`LocalPlayground`) running inside one Web Worker.
 * An embed plays small runs, so one worker is enough; the page's thread keeps only the view. Batches
 * are gathered here and pulled by the page once per animation frame (as the playground's
 * coordinator does), so a page that stops pulling (hidden, or paused) gets one merged batch later.
 */
import * as Comlink from 'comlink';
import type {
  FrameBatch,
  PlaygroundControl,
  SearchResultView,
  TraceEvent,
} from '../../bridge/playground-api';
import type { Lesson } from '../../bridge/lesson-api';
import type { RunRecord } from '../../bridge/run-record';
import { lessonStepRecord } from '../lesson-step-record';
import { LocalPlayground } from '../local-playground';

/** Events gathered between two pulls at most; older ones are dropped (the page shows the latest). */
const MAX_PENDING_EVENTS = 50_000;
/** Wall time one frame of the worker may spend simulating. */
const FRAME_BUDGET_MS = 12;
const FRAME_MS = 16;

export interface EmbedWorkerApi extends Omit<PlaygroundControl, 'compare' | 'search' | 'fork'> {
  search(user: number, query: string): Promise<readonly SearchResultView[]>;
  fork(): Promise<void>;
  /** The batch gathered since the last pull (undefined when nothing happened). */
  frame(): FrameBatch | undefined;
  select(user: number | undefined): Promise<void>;
  /** The run record of `lesson` where step `step` (from 1) begins (see lesson-step-record.ts). */
  lessonStepRecord(lesson: Lesson, step: number): Promise<RunRecord>;
}

/** Builds the API over a fresh one-thread host; `endpoint` defaults to the worker's global scope. */
export function embedWorkerApi(): EmbedWorkerApi {
  const host = new LocalPlayground(
    {
      nowMs: () => performance.now(),
      nextFrame: (fn) => {
        const id = setTimeout(fn, FRAME_MS);
        return () => clearTimeout(id);
      },
    },
    { frameBudgetMs: FRAME_BUDGET_MS, recordWire: false },
  );
  let events: TraceEvent[] = [];
  let latest: FrameBatch | undefined;
  host.subscribe((b) => {
    for (const e of b.events) events.push(e);
    if (events.length > MAX_PENDING_EVENTS) events = events.slice(-MAX_PENDING_EVENTS);
    latest = b;
  });
  return {
    frame() {
      if (!latest) return undefined;
      const batch = { events, snapshot: latest.snapshot };
      events = [];
      latest = undefined;
      return batch;
    },
    load: (f) => host.load(f),
    open: (r) => host.open(r),
    record: () => host.record(),
    advanceBy: (ms) => host.advanceBy(ms),
    play: () => host.play(),
    pause: () => host.pause(),
    step: () => host.step(),
    setSpeed: (s) => host.setSpeed(s),
    input: (a) => host.input(a),
    seek: (ms) => host.seek(ms),
    inputLog: () => host.inputLog(),
    inspect: (msg) => host.inspect(msg),
    snapshot: () => host.snapshot(),
    search: (user, q) => host.search(user, q),
    fork: () => host.fork(),
    select: (user) => host.select(user),
    lessonStepRecord: async (lesson, step) => lessonStepRecord(lesson, step),
  };
}

/** Exposes the API on the worker's global scope (called by workers/embed.worker.ts). */
export function startEmbedWorker(): void {
  Comlink.expose(embedWorkerApi());
}
