// Proves a host that is still starting queues calls and delivers batches once it is ready.
import { describe, expect, it } from 'vitest';
import type { FrameBatch } from '../../../bridge/playground-api';
import { deferHost } from './deferred-host';
import type { PlaygroundHost } from '../../../bridge/playground-api';

describe('deferHost', () => {
  it('waits for the host, then forwards calls and batches', async () => {
    let resolve!: (h: PlaygroundHost) => void;
    const host = deferHost(new Promise((r) => (resolve = r)));
    const seen: number[] = [];
    host.subscribe((b) => seen.push(b.snapshot.nowMs));
    const calls: string[] = [];
    let emit!: (b: FrameBatch) => void;
    const pending = host.play();
    resolve({
      subscribe: (fn: (b: FrameBatch) => void) => ((emit = fn), () => {}),
      play: async () => void calls.push('play'),
    } as unknown as PlaygroundHost);
    await pending;
    emit({ events: [], snapshot: { nowMs: 5 } } as unknown as FrameBatch);
    expect(calls).toEqual(['play']);
    expect(seen).toEqual([5]);
    await expect(host.fork!()).rejects.toThrow('no fork()');
  });
});
