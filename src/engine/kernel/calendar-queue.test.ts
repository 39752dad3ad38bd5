// Proves the calendar queue pops in exactly the binary heap's (time, source, sequence) order,
// whatever mix of pushes, peeks and pops, near and far (overflow) times, and same-time inserts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CalendarQueue } from './calendar-queue';
import { EventQueue, type QueuedEvent } from './event-queue';

type Op = { kind: 'push'; dt: number; src: number } | { kind: 'pop' } | { kind: 'peek' };

describe('CalendarQueue', () => {
  it('matches the binary heap on random operation sequences', () => {
    const op: fc.Arbitrary<Op> = fc.oneof(
      fc.record({
        kind: fc.constant('push' as const),
        dt: fc.oneof(
          fc.constant(0),
          fc.integer({ min: 0, max: 50 }),
          fc.integer({ min: 60_000, max: 300_000 }),
        ),
        src: fc.integer({ min: 0, max: 5 }),
      }),
      fc.record({ kind: fc.constant('pop' as const) }),
      fc.record({ kind: fc.constant('peek' as const) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 400 }), (ops) => {
        const cal = new CalendarQueue<number>();
        const heap = new EventQueue<number>();
        let now = 0;
        let seq = 0;
        for (const o of ops) {
          if (o.kind === 'push') {
            const ev: QueuedEvent<number> = {
              atMs: now + o.dt,
              src: o.src,
              seq: ++seq,
              to: 0,
              msg: seq,
            };
            cal.push(ev);
            heap.push(ev);
          } else if (o.kind === 'peek') {
            expect(cal.peek()).toBe(heap.peek());
          } else {
            const a = cal.pop();
            expect(a).toBe(heap.pop());
            if (a) now = a.atMs;
          }
          expect(cal.size).toBe(heap.size);
        }
        while (heap.size) expect(cal.pop()).toBe(heap.pop());
      }),
      { numRuns: 300 },
    );
  });

  it('orders a large bucket filled in any order (sorted, reversed, shuffled, nearly sorted)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 3000 }),
        fc.constantFrom('sorted', 'reversed', 'shuffled', 'nearly'),
        fc.integer(),
        (n, shape, seed) => {
          const evs: QueuedEvent<number>[] = [];
          for (let i = 0; i < n; i++)
            evs.push({ atMs: 1000 + (i % 3) / 4, src: (i * 7919) % 97, seq: i, to: 0, msg: i });
          const want = [...evs].sort((a, b) => a.atMs - b.atMs || a.src - b.src || a.seq - b.seq);
          const order = [...want];
          let s = seed >>> 0;
          const rand = (k: number): number => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) % k;
          if (shape === 'reversed') order.reverse();
          if (shape === 'shuffled')
            for (let i = order.length - 1; i > 0; i--) {
              const j = rand(i + 1);
              [order[i], order[j]] = [order[j]!, order[i]!];
            }
          if (shape === 'nearly')
            for (let k = 0; k < 5; k++) {
              const i = rand(n);
              const j = rand(n);
              [order[i], order[j]] = [order[j]!, order[i]!];
            }
          const q = new CalendarQueue<number>();
          for (const ev of order) q.push(ev);
          const got: QueuedEvent<number>[] = [];
          for (let ev = q.pop(); ev; ev = q.pop()) got.push(ev);
          expect(got).toEqual(want);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('accepts a push at the current time after a peek looked far ahead', () => {
    const q = new CalendarQueue<string>();
    q.push({ atMs: 21_000, src: 1, seq: 1, to: 0, msg: 'sweep' });
    expect(q.peek()?.msg).toBe('sweep');
    q.push({ atMs: 20_000, src: 0, seq: 1, to: 0, msg: 'input' });
    expect(q.pop()?.msg).toBe('input');
    expect(q.pop()?.msg).toBe('sweep');
  });
});
