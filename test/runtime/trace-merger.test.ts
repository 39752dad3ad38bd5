// Proves the coordinator's sliced merge: however the merging is cut into slices, and however far
// each host has run, the events come out in the one-thread order (by order key), each exactly once,
// and none before a host that has run less could still emit one ahead of it.
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

const HOSTS = ['gateway', 'sessions', 'store', 'phones'] as const;

/**
 * Rounds of the window protocol: in each, every host runs to its own end (ends never go back),
 * and the events it emits have order times inside what it ran in that round.
 */
const roundsArb = fc.array(
  fc.tuple(
    fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 4, maxLength: 4 }),
    fc.array(
      fc.array(fc.tuple(fc.nat(99), fc.integer({ min: 16, max: 40 }), fc.nat(50)), {
        maxLength: 6,
      }),
      {
        minLength: 4,
        maxLength: 4,
      },
    ),
  ),
  { maxLength: 8 },
);

describe('TraceMerger', () => {
  it('gives the order-key order across hosts running to different ends, whatever the slice size', () => {
    fc.assert(
      fc.property(roundsArb, fc.integer({ min: 1, max: 7 }), (rounds, slice) => {
        const seen = new Set<string>();
        const done = HOSTS.map(() => 0);
        const out: TraceEvent[] = [];
        const all: Key[] = [];
        const m = new TraceMerger((ev) => out.push(ev));
        for (const [advance, picks] of rounds) {
          const streams: [string, ReturnType<typeof pack>][] = [];
          HOSTS.forEach((h, i) => {
            const from = done[i]!;
            done[i] = from + advance[i]!;
            const span = done[i]! - from;
            if (span === 0) return;
            const keys = sortKeys(
              picks[i]!.map(([k, s, q]) => [from + (k % span), s, q] as const).filter(
                ([k, s, q]) => !seen.has(`${k}/${s}/${q}`) && (seen.add(`${k}/${s}/${q}`), true),
              ),
            );
            all.push(...keys);
            streams.push([h, pack(keys)]);
          });
          const marks = new Map(HOSTS.map((h, i) => [h, { ms: done[i]!, inclusive: false }]));
          m.push(streams, marks);
          m.step(slice); // a partial merge between rounds, as while waiting for reports
          // Nothing emitted so far comes after anything still to come.
          const emitted = out.length;
          expect(out.map((e) => e.note)).toEqual(
            sortKeys(all)
              .slice(0, emitted)
              .map(([k, s, q]) => `e${k}.${s}.${q}`),
          );
        }
        // Every host catches up to the furthest: everything can be emitted.
        const far = Math.max(0, ...done);
        m.push([], new Map(HOSTS.map((h) => [h, { ms: far, inclusive: false }])));
        while (m.step(slice));
        expect(m.pending).toBe(false);
        expect(out.map((e) => e.note)).toEqual(sortKeys(all).map(([k, s, q]) => `e${k}.${s}.${q}`));
      }),
      { numRuns: 300 },
    );
  });

  it('holds back an event while a host that has run less could still emit one before it', () => {
    const out: number[] = [];
    const m = new TraceMerger((ev) => out.push(ev.atMs));
    m.push(
      [['phones', pack([[30, 17, 1]])]],
      new Map([
        ['phones', { ms: 40, inclusive: false }],
        ['gateway', { ms: 10, inclusive: false }],
      ]),
    );
    m.drain();
    expect(out).toEqual([]);
    m.push(
      [['gateway', pack([[20, 1, 1]])]],
      new Map([
        ['phones', { ms: 40, inclusive: false }],
        ['gateway', { ms: 30, inclusive: false }],
      ]),
    );
    m.drain();
    expect(out, 'the gateway could still emit at 30 ms').toEqual([20]);
    m.push([], new Map([['gateway', { ms: 30, inclusive: true }]]));
    m.drain();
    expect(out).toEqual([20, 30]);
  });

  it('refills one borrowed event when asked, and drain empties the queue', () => {
    const borrowed = traceEvent(0, 'frame', 0, 0, 0, 0, 0, 0) as TraceEvent & { t: number };
    const done = new Map([
      ['a', { ms: 4, inclusive: false }],
      ['b', { ms: 4, inclusive: false }],
    ]);
    /** Two hosts' streams: a at 1 and 3 ms, b at 2 ms. */
    const twoHosts = (m: TraceMerger): void =>
      m.push(
        [
          [
            'a',
            pack([
              [1, 17, 1],
              [3, 17, 2],
            ]),
          ],
          ['b', pack([[2, 18, 1]])],
        ],
        done,
      );
    const seen: TraceEvent[] = [];
    const m = new TraceMerger((ev) => seen.push(ev), borrowed as never);
    twoHosts(m);
    const ts: number[] = [];
    const m2 = new TraceMerger((ev) => ts.push(ev.atMs), borrowed as never);
    twoHosts(m2);
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
