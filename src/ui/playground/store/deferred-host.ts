import type { FrameBatch, PlaygroundHost, RunRecord } from '../../../bridge/playground-api';

/**
 * A host that is still starting (workers booting, the engine chunk loading): calls wait for it,
 * subscriptions attach when it is ready. It lets the page render while the host starts.
 */
export function deferHost(ready: Promise<PlaygroundHost>): PlaygroundHost {
  const listeners = new Set<(b: FrameBatch) => void>();
  const fanOut = (b: FrameBatch): void => {
    for (const l of listeners) l(b);
  };
  let real: PlaygroundHost | undefined;
  void ready.then((h) => {
    real = h;
    h.subscribe(fanOut);
  });
  const call =
    <K extends keyof PlaygroundHost>(k: K) =>
    async (...args: unknown[]): Promise<unknown> => {
      const h = real ?? (await ready);
      const f = h[k] as unknown as ((...a: unknown[]) => Promise<unknown>) | undefined;
      if (typeof f !== 'function') throw new Error(`this host has no ${String(k)}()`);
      return f.apply(h, args);
    };
  const host = {
    subscribe(fn: (b: FrameBatch) => void) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    load: call('load'),
    play: call('play'),
    pause: call('pause'),
    step: call('step'),
    advanceBy: call('advanceBy'),
    open: call('open'),
    record: call('record'),
    reopen: call('reopen'),
    setSpeed: call('setSpeed'),
    input: call('input'),
    seek: call('seek'),
    inputLog: call('inputLog'),
    inspect: call('inspect'),
    snapshot: call('snapshot'),
    fork: call('fork'),
    compare: call('compare'),
    select: call('select'),
    search: call('search'),
    watchLesson: call('watchLesson'),
    lessonStatus: call('lessonStatus'),
    lessonStepRecord: call('lessonStepRecord'),
    planInputs: call('planInputs'),
    // Optional: a host without it has nothing quicker than `open` to show.
    preview: async (record: RunRecord) => {
      const h = real ?? (await ready);
      return h.preview?.(record);
    },
  };
  return host as unknown as PlaygroundHost;
}
