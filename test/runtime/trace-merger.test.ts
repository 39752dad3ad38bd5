// Proves the coordinator's sliced merge: however the merging is cut into slices, the events come
// out in the one-thread order (by order key), window after window, each exactly once.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { traceEvent, type TraceEvent } from '../../src/engine/kernel/trace';
import { TracePacker } from '../../src/runtime/cluster/trace-codec';
import { TraceMerger, yieldToEventLoop } from '../../src/runtime/cluster/trace-merger';

/** One window: each host's events as (handled-event time, source, sequence) keys, in each host's own order. */
type Key = readonly [k: number, src: number, seq: number];

function pack(keys: readonly Key[]) {
  const p = new TracePacker();
  for (const [k, src, seq] of keys)
    p.add(k, src, seq, traceEvent(k, 'sent', src, 1, seq, 0, 0, k, 'mqtt', `e${k}.${src}.${seq}`));
  return p.take();
}

const sortKeys = (ks: Key[]): Key[] =>
  [...ks].sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);

/** Windows of `hosts` streams whose keys lie in [w·10, w·10 + 10), as the window protocol guarantees. */
const windowsArb = fc.array(
  fc.array(
    fc.uniqueArray(
      fc.tuple(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 16, max: 40 }), fc.nat(50)),
      { maxLength: 12, selector: ([k, s, q]) => `${k}/${s}/${q}` },
    ),
    { minLength: 1, maxLength: 4 },
  ),
  { maxLength: 6 },
);

describe('TraceMerger', () => {
  it('gives the order-key order across hosts and windows, whatever the slice size', () => {
    fc.assert(
      fc.property(windowsArb, fc.integer({ min: 1, max: 7 }), (windows, slice) => {
        // Keys must be unique across hosts too (one event has one order key).
        const seen = new Set<string>();
        const shaped = windows.map((hosts, w) =>
          hosts.map((keys) =>
            sortKeys(
              keys
                .map(([k, s, q]) => [w * 10 + k, s, q] as const)
                .filter(
                  ([k, s, q]) => !seen.has(`${k}/${s}/${q}`) && (seen.add(`${k}/${s}/${q}`), true),
                ),
            ),
          ),
        );
        const out: TraceEvent[] = [];
        const m = new TraceMerger((ev) => out.push(ev));
        for (const hosts of shaped) {
          m.push(hosts.map(pack));
          m.step(slice); // a partial merge between windows, as while waiting for reports
        }
        while (m.step(slice));
        expect(m.pending).toBe(false);
        const want = sortKeys(shaped.flat(2) as Key[]).map(([k, s, q]) => `e${k}.${s}.${q}`);
        expect(out.map((e) => e.note)).toEqual(want);
      }),
      { numRuns: 300 },
    );
  });

  it('refills one borrowed event when asked, and drain empties the queue', () => {
    const borrowed = traceEvent(0, 'frame', 0, 0, 0, 0, 0, 0) as TraceEvent & { t: number };
    const seen: TraceEvent[] = [];
    const m = new TraceMerger((ev) => seen.push(ev), borrowed as never);
    m.push([
      pack([
        [1, 17, 1],
        [3, 17, 2],
      ]),
      pack([[2, 18, 1]]),
    ]);
    const ts: number[] = [];
    const m2 = new TraceMerger((ev) => ts.push(ev.atMs), borrowed as never);
    m2.push([
      pack([
        [1, 17, 1],
        [3, 17, 2],
      ]),
      pack([[2, 18, 1]]),
    ]);
    m2.drain();
    m.drain();
    expect(ts).toEqual([1, 2, 3]);
    expect(new Set(seen).size).toBe(1);
    expect(seen[0]).toBe(borrowed);
  });

  it('yields to the event loop: a port message (a report) is handled while the merge waits', async () => {
    let other = false;
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => (other = true);
    port2.postMessage('report');
    for (let i = 0; i < 1000 && !other; i++) await yieldToEventLoop();
    port1.close();
    expect(other).toBe(true);
  });
});
