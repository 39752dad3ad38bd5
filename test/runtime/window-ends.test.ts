// Proves the per-link lookahead of the window protocol: each host's window ends where something
// could first reach it, the gateway runs a whole uplink ahead of idle phones, and the target caps
// every window (excluding the target itself where something could still arrive at it).
import { describe, expect, it } from 'vitest';
import { MIN_UPLINK_MS } from '../../src/engine/net/mobile-link';
import { LOOKAHEAD_MS, type HostName } from '../../src/runtime/cluster/partition';
import { windowEnds } from '../../src/runtime/cluster/window-ends';

const next = (m: Partial<Record<HostName, number>>): Map<HostName, number> =>
  new Map(Object.entries(m) as [HostName, number][]);
const FAR = { ms: 1e9, inclusive: false };

describe('windowEnds', () => {
  it('lets the gateway run an uplink ahead of busy phones, and the phones until its reply', () => {
    const ends = windowEnds(next({ phones: 100 }), FAR);
    expect(MIN_UPLINK_MS).toBe(35);
    expect(ends.get('gateway')).toEqual({ ms: 100 + MIN_UPLINK_MS, inclusive: false });
    // The earliest the phones can hear back: their own packet's uplink, then the gateway's hop.
    expect(ends.get('phones')).toEqual({
      ms: 100 + MIN_UPLINK_MS + LOOKAHEAD_MS,
      inclusive: false,
    });
    expect(ends.get('sessions')).toEqual({
      ms: 100 + MIN_UPLINK_MS + LOOKAHEAD_MS,
      inclusive: false,
    });
  });

  it('bounds the gateway by a round trip to a peer that could answer it', () => {
    const ends = windowEnds(next({ gateway: 50, phones: 1000 }), FAR);
    expect(ends.get('gateway')).toEqual({ ms: 50 + 2 * LOOKAHEAD_MS, inclusive: false });
    expect(ends.get('store')).toEqual({ ms: 50 + LOOKAHEAD_MS, inclusive: false });
    expect(ends.get('phones')).toEqual({ ms: 50 + LOOKAHEAD_MS, inclusive: false });
  });

  it('never ends a window past the target, nor at it while something could still arrive then', () => {
    const capped = windowEnds(next({ phones: 100 }), { ms: 120, inclusive: true });
    for (const end of capped.values()) expect(end).toEqual({ ms: 120, inclusive: true });
    const exact = windowEnds(next({ gateway: 110 }), { ms: 120, inclusive: true });
    expect(exact.get('gateway')).toEqual({ ms: 120, inclusive: false });
    expect(exact.get('phones')).toEqual({ ms: 115, inclusive: false });
  });

  it('gives every host at least the one-hop lookahead past the earliest event anywhere', () => {
    for (const n of [
      { gateway: 7 },
      { sessions: 3, store: 9 },
      { phones: 0, gateway: 1, sessions: 2, store: 3 },
    ]) {
      const ends = windowEnds(next(n), FAR);
      const first = Math.min(...Object.values(n));
      for (const end of ends.values()) expect(end.ms).toBeGreaterThanOrEqual(first + LOOKAHEAD_MS);
    }
  });
});
