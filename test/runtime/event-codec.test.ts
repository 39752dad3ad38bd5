// Proves the data plane's packed format: every message type comes back field for field (optional
// fields present or absent), and random or mutated bytes give a clear error, never an exception.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeEvents,
  encodeEvents,
  packedEventCount,
} from '../../src/runtime/cluster/event-codec';
import type { SimEvent } from '../../src/runtime/cluster/host-messages';
import type { SimMessage } from '../../src/engine/model/messages';
import { MESSAGE_TYPES } from '../../src/runtime/cluster/validate';

const b = (...xs: number[]) => new Uint8Array(xs);

/** One message of every type, to actors on the gateway (1), sessions (2), store (3) and phones (≥ 16). */
const EXAMPLES: [number, SimMessage][] = [
  [1, { type: 'up', user: 7, conn: 3, proto: 'mqtt', chunks: [b(0x10, 0), b()] }],
  [23, { type: 'down', conn: 3, chunks: [b(0xd0, 0)], msg: 12 }],
  [23, { type: 'down', conn: 3, chunks: [], close: 'gateway crashed', proto: 'websocket', msg: 0 }],
  [23, { type: 'deliver', conn: 3, chunks: [b(1, 2, 3)], proto: 'long-poll' }],
  [2, { type: 'sm.register', user: 7, conn: 3, proto: 'short-poll', epoch: 2 }],
  [2, { type: 'sm.unregister', user: 7, conn: 3, epoch: 2 }],
  [2, { type: 'sm.lookup', req: 11, user: 8, epoch: 1 }],
  [1, { type: 'sm.result', req: 11, user: 8, online: false, conn: 0, epoch: 1 }],
  [2, { type: 'sm.gateway-down', epoch: 4 }],
  [3, { type: 'store.put', recipient: 8, key: 'c12', msg: 12, envelope: b(9, 9) }],
  [3, { type: 'store.fetch', user: 8, afterSeq: 0, epoch: 1, conn: 5 }],
  [
    1,
    {
      type: 'store.batch',
      user: 8,
      items: [{ recipient: 8, key: 'r12', msg: 12, envelope: b(4), seq: 3 }],
      more: true,
      epoch: 1,
      conn: 5,
    },
  ],
  [3, { type: 'store.delete', user: 8, key: 'd12' }],
  [23, { type: 'timer', name: 'keepalive ☕', conn: 3, gen: 1 }],
  [16, { type: 'input', action: { do: 'send', from: 1, to: 2, text: 'héllo' }, msg: 4 }],
  [16, { type: 'input', action: { do: 'crash' } }],
];

const hostOf = (to: number) =>
  to === 1 ? 'gateway' : to === 2 ? 'sessions' : to === 3 ? 'store' : 'phones';

describe('packed events', () => {
  it('the examples cover every message type', () => {
    expect(new Set(EXAMPLES.map(([, m]) => m.type))).toEqual(new Set(MESSAGE_TYPES));
  });

  it.each(EXAMPLES.map(([to, msg]) => [msg.type, to, msg] as const))(
    '%s comes back as it was sent',
    (_type, to, msg) => {
      const events: SimEvent[] = [{ atMs: 1234.5, src: 17, seq: 2 ** 40, to, msg }];
      const packed = encodeEvents(events);
      expect(packedEventCount(packed)).toBe(1);
      const back = decodeEvents(packed, hostOf(to));
      expect(back).toEqual({ ok: true, events });
      if (back.ok) expect(Object.keys(back.events[0]!.msg)[0]).toBe('type'); // built as the engine builds it
    },
  );

  it('many events in one batch keep their order', () => {
    const events: SimEvent[] = Array.from({ length: 500 }, (_, i) => ({
      atMs: i,
      src: 16 + i,
      seq: i,
      to: 1,
      msg: { type: 'up', user: i, conn: i, proto: 'mqtt', chunks: [new Uint8Array(i % 300)] },
    }));
    const back = decodeEvents(encodeEvents(events), 'gateway');
    expect(back.ok && back.events).toEqual(events);
  });

  it('stored envelopes are copies (they must not hold the batch); wire chunks are views', () => {
    const back = decodeEvents(
      encodeEvents([
        {
          atMs: 1,
          src: 17,
          seq: 1,
          to: 3,
          msg: { type: 'store.put', recipient: 8, key: 'c1', msg: 1, envelope: b(1, 2) },
        },
      ]),
      'store',
    );
    expect(
      back.ok && (back.events[0]!.msg as { envelope: Uint8Array }).envelope.buffer.byteLength,
    ).toBe(2);
    const up = decodeEvents(
      encodeEvents([
        {
          atMs: 1,
          src: 17,
          seq: 1,
          to: 1,
          msg: { type: 'up', user: 1, conn: 1, proto: 'mqtt', chunks: [b(0xc0, 0)] },
        },
      ]),
      'gateway',
    );
    expect(
      up.ok &&
        (up.events[0]!.msg as { chunks: readonly Uint8Array[] }).chunks[0]!.buffer.byteLength,
    ).toBeGreaterThan(2);
  });

  it('random bytes and mutations of real batches only ever give a clear error', () => {
    const real = EXAMPLES.filter(([to]) => to === 1).map(
      ([to, msg]) => new Uint8Array(encodeEvents([{ atMs: 5, src: 17, seq: 1, to, msg }])),
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 200 }),
          fc
            .tuple(
              fc.constantFrom(...real),
              fc.nat(),
              fc.integer({ min: 0, max: 255 }),
              fc.nat(200),
            )
            .map(([base, at, v, cut]) => {
              const m = base.slice(
                0,
                Math.max(0, base.length - (cut % 4 === 0 ? cut % base.length : 0)),
              );
              if (m.length > 0) m[at % m.length] = v;
              return m;
            }),
        ),
        (bytes) => {
          const r = decodeEvents(bytes.slice().buffer, 'gateway');
          if (!r.ok) expect(r.error).toMatch(/^(events|the event count|\d+ bytes are left over)/);
        },
      ),
      { numRuns: 10_000 },
    );
  });

  it('any string comes back as it was sent, short ASCII (the fast path) or not', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 40 }),
          fc.string({ maxLength: 40 }),
          fc.string({ unit: 'grapheme-ascii', minLength: 30, maxLength: 34 }),
        ),
        (key) => {
          const events: SimEvent[] = [
            { atMs: 1, src: 17, seq: 1, to: 3, msg: { type: 'store.delete', user: 8, key } },
          ];
          expect(decodeEvents(encodeEvents(events), 'store')).toEqual({ ok: true, events });
        },
      ),
      { numRuns: 2_000 },
    );
  });
});
