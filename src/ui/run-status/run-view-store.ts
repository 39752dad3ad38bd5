import type { FrameBatch, Snapshot, TraceEvent } from '../../bridge/playground-api';

/** What the status page shows: the last snapshot and the most recent trace events. */
export interface RunView {
  readonly snapshot: Snapshot | undefined;
  readonly recent: readonly TraceEvent[];
  /** Hops on the wire now (sent, not yet arrived): what a diagram would animate. */
  readonly inFlight: number;
  readonly frames: number;
}

const RECENT = 200;

/** Folds the frame batches of a playground into a view React reads with useSyncExternalStore. */
export function createRunViewStore(source: { subscribe(fn: (b: FrameBatch) => void): () => void }) {
  let view: RunView = { snapshot: undefined, recent: [], inFlight: 0, frames: 0 };
  const listeners = new Set<() => void>();
  let stop: (() => void) | undefined;
  const onBatch = (b: FrameBatch): void => {
    const recent = b.events.length ? [...view.recent, ...b.events].slice(-RECENT) : view.recent;
    const now = b.snapshot.nowMs;
    const inFlight = recent.filter(
      (e) => e.bytes > 0 && e.atMs <= now && e.arriveAtMs > now,
    ).length;
    view = { snapshot: b.snapshot, recent, inFlight, frames: view.frames + 1 };
    for (const l of listeners) l();
  };
  return {
    subscribe(fn: () => void): () => void {
      listeners.add(fn);
      stop ??= source.subscribe(onBatch);
      return () => {
        listeners.delete(fn);
        if (listeners.size === 0) {
          stop?.();
          stop = undefined;
        }
      };
    },
    get: (): RunView => view,
  };
}
