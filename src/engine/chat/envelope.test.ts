// Proves the application envelope: every kind round-trips, malformed bytes get an error naming
// the byte, and the in-place gist the gateway's push reads agrees with a full decode.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  chatSender,
  decodeEnvelope,
  encodeEnvelope,
  envelopeGist,
  type Envelope,
} from './envelope';

const EXAMPLES: Envelope[] = [
  { kind: 'chat', msg: 7, from: 1, to: 2, chatSeq: 3, body: new Uint8Array([104, 105]) },
  { kind: 'chat', msg: 2 ** 32 - 1, from: 9, to: 8, chatSeq: 0, body: new Uint8Array(0) },
  { kind: 'accepted', msg: 7 },
  { kind: 'ack', msg: 7, what: 'delivered' },
  { kind: 'receipt', msg: 7, status: 'read', by: 2, to: 1 },
  { kind: 'read', msg: 7, from: 1 },
];

/** The gist as a full decode gives it. */
/** The sender as a full decode gives it (chats only). */
const senderByDecode = (b: Uint8Array) => {
  const e = decodeEnvelope(b);
  return e.ok && e.value.kind === 'chat' ? e.value.from : undefined;
};

/** Real envelopes, and real ones with one byte changed: the bytes most likely to fool an in-place read. */
const REAL = EXAMPLES.map(encodeEnvelope);
const anyBytes = fc.oneof(
  fc.uint8Array({ maxLength: 40 }),
  fc
    .tuple(fc.constantFrom(...REAL), fc.nat(), fc.integer({ min: 0, max: 255 }))
    .map(([b, at, v]) => {
      const m = b.slice();
      m[at % m.length] = v;
      return m;
    }),
);

const gistByDecode = (b: Uint8Array) => {
  const e = decodeEnvelope(b);
  return e.ok
    ? { msg: e.value.msg, bodyBytes: e.value.kind === 'chat' ? e.value.body.length : 0 }
    : undefined;
};

describe('envelope', () => {
  it.each(EXAMPLES.map((e) => [e.kind, e] as const))('%s round-trips', (_kind, e) => {
    const r = decodeEnvelope(encodeEnvelope(e));
    expect(r.ok && r.value).toEqual(e);
  });

  it('names what is wrong and where', () => {
    const chat = encodeEnvelope(EXAMPLES[0]!);
    const r = decodeEnvelope(chat.subarray(0, chat.length - 1));
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.error.message).toMatch(/chat body length 2 does not match the 1 bytes present/);
    const bad = decodeEnvelope(new Uint8Array([9]));
    expect(!bad.ok && bad.error.message).toBe('unknown envelope kind 0x09');
  });

  it('the gist agrees with a full decode, for real envelopes and for any bytes', () => {
    for (const e of EXAMPLES)
      expect(envelopeGist(encodeEnvelope(e))).toEqual(gistByDecode(encodeEnvelope(e)));
    fc.assert(
      fc.property(anyBytes, (b) => {
        expect(envelopeGist(b)).toEqual(gistByDecode(b));
      }),
      { numRuns: 5_000 },
    );
  });
});

describe('chatSender', () => {
  it('reads the sender of a chat in place, and nothing from any other bytes', () => {
    expect(chatSender(REAL[0]!)).toBe(1);
    for (const b of REAL.slice(2)) expect(chatSender(b)).toBeUndefined();
    fc.assert(
      fc.property(anyBytes, (b) => {
        expect(chatSender(b)).toBe(senderByDecode(b));
      }),
      { numRuns: 5_000 },
    );
  });
});
