/**
 * A `PlaygroundHost` now for a host that is still starting: every call waits for it, in the order
 * made. The embed renders its frame with this while the engine worker boots, so React and the
 * diagram's code run alongside the worker's start instead of after it.
 */
import type { PlaygroundHost } from '../bridge/playground-api';

type Method = Exclude<keyof PlaygroundHost, 'subscribe'>;

export function hostWhenReady(ready: Promise<PlaygroundHost>): PlaygroundHost {
  const later =
    <K extends Method>(k: K) =>
    (...args: Parameters<NonNullable<PlaygroundHost[K]>>): Promise<unknown> =>
      ready.then((h) => {
        const fn = h[k] as ((...a: typeof args) => Promise<unknown>) | undefined;
        if (!fn) throw new Error(`this host has no ${k}`);
        return fn.apply(h, args);
      });
  // Only what every host has: optional parts (search, compare, lessons) stay absent, as in
  // the embed's own host.
  return {
    load: later('load'),
    open: later('open'),
    record: later('record'),
    play: later('play'),
    pause: later('pause'),
    step: later('step'),
    advanceBy: later('advanceBy'),
    setSpeed: later('setSpeed'),
    input: later('input'),
    seek: later('seek'),
    inputLog: later('inputLog'),
    inspect: later('inspect'),
    snapshot: later('snapshot'),
    fork: later('fork'),
    reopen: later('reopen'),
    select: later('select'),
    subscribe(fn) {
      let off: (() => void) | undefined;
      let gone = false;
      void ready.then(
        (h) => {
          if (!gone) off = h.subscribe(fn);
        },
        () => undefined,
      );
      return () => {
        gone = true;
        off?.();
      };
    },
  } as PlaygroundHost;
}
