import { describe, expect, it } from 'vitest';
import type { FrameBatch, PlaygroundHost } from '../bridge/playground-api';
import { hostWhenReady } from './host-when-ready';

/** A host that writes down what it was asked, and lets the test push frames. */
function recordingHost() {
  const calls: string[] = [];
  const listeners = new Set<(b: FrameBatch) => void>();
  const host = {
    play: () => (calls.push('play'), Promise.resolve()),
    pause: () => (calls.push('pause'), Promise.resolve()),
    seek: (ms: number) => (calls.push(`seek ${ms}`), Promise.resolve()),
    subscribe: (fn: (b: FrameBatch) => void) => {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
  } as unknown as PlaygroundHost;
  return { host, calls, listeners };
}

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((a, b) => ((resolve = a), (reject = b)));
  return { promise, resolve, reject };
}

describe('hostWhenReady', () => {
  it('holds calls made before the host is up and makes them in order once it is', async () => {
    const r = recordingHost();
    const up = deferred<PlaygroundHost>();
    const host = hostWhenReady(up.promise);
    const done = Promise.all([host.pause(), host.seek(700), host.play()]);
    await Promise.resolve();
    expect(r.calls).toEqual([]);
    up.resolve(r.host);
    await done;
    expect(r.calls).toEqual(['pause', 'seek 700', 'play']);
  });

  it('attaches a listener once the host is up, and never one that left before', async () => {
    const r = recordingHost();
    const up = deferred<PlaygroundHost>();
    const host = hostWhenReady(up.promise);
    const kept = host.subscribe(() => undefined);
    const left = host.subscribe(() => undefined);
    left();
    up.resolve(r.host);
    await up.promise;
    await Promise.resolve();
    expect(r.listeners.size).toBe(1);
    kept();
    expect(r.listeners.size).toBe(0);
  });

  it('fails each call with the reason the host could not start, and names a missing method', async () => {
    const up = deferred<PlaygroundHost>();
    const host = hostWhenReady(up.promise);
    up.reject(new Error('the engine worker did not answer'));
    await expect(host.play()).rejects.toThrow('did not answer');
    const r = recordingHost();
    await expect(hostWhenReady(Promise.resolve(r.host)).fork()).rejects.toThrow('no fork');
  });
});
