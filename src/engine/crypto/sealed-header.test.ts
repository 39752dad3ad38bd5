// Proves the routing header round-trips byte-exactly and that malformed bodies decode to clear errors at the right byte.
import { describe, expect, it } from 'vitest';
import { formatDecodeError } from '../model/decode-result';
import {
  BASE_HEADER_BYTES,
  decodeSealedHeader,
  encodeSealedHeader,
  INITIATOR_KEYS_BYTES,
  type SealedHeader,
} from './sealed-header';

const base: SealedHeader = {
  from: 3,
  to: 0xfeed_beef,
  messageId: 12,
  counter: 7,
  ciphertextBytes: 20,
  ackSession: true,
};
const withInitiator: SealedHeader = {
  ...base,
  ackSession: false,
  initiator: { identityDh: new Uint8Array(32).fill(1), ephemeral: new Uint8Array(32).fill(2) },
};
const body = (h: SealedHeader): Uint8Array => {
  const head = encodeSealedHeader(h);
  const out = new Uint8Array(head.length + h.ciphertextBytes);
  out.set(head);
  return out;
};
const errorOf = (bytes: Uint8Array): string => {
  const r = decodeSealedHeader(bytes);
  if (r.ok) throw new Error('expected a decode error');
  return formatDecodeError(r.error);
};

describe('sealed header codec', () => {
  it.each([
    ['without initiator keys', base, BASE_HEADER_BYTES],
    ['with initiator keys', withInitiator, BASE_HEADER_BYTES + INITIATOR_KEYS_BYTES],
  ])('round-trips %s', (_, header, length) => {
    const r = decodeSealedHeader(body(header));
    expect(r).toEqual({ ok: true, value: header, length });
  });

  it('lays out the fixed fields big-endian at the documented offsets', () => {
    const bytes = encodeSealedHeader(base);
    expect(Array.from(bytes.subarray(0, 10))).toEqual([
      1, 0b10, 0, 0, 0, 3, 0xfe, 0xed, 0xbe, 0xef,
    ]);
  });

  it('reads a header from a subarray of a larger buffer', () => {
    const framed = new Uint8Array(5 + BASE_HEADER_BYTES + 20);
    framed.set(body(base), 5);
    expect(decodeSealedHeader(framed.subarray(5)).ok).toBe(true);
  });

  it('explains what is wrong, and where', () => {
    const good = body(base);
    expect(errorOf(good.subarray(0, 10))).toBe('at byte 10: sealed header needs 22 bytes, got 10');
    expect(errorOf(Uint8Array.from([9, ...good.subarray(1)]))).toBe(
      'at byte 0: unknown sealed format version 9',
    );
    expect(errorOf(Uint8Array.from([1, 0x84, ...good.subarray(2)]))).toBe(
      'at byte 1: unknown flag bits 0x84',
    );
    expect(errorOf(good.subarray(0, good.length - 1))).toBe(
      'at byte 18: body is 41 bytes but the 22-byte header announces 20 ciphertext bytes',
    );
    expect(errorOf(body({ ...base, ciphertextBytes: 15 }))).toBe(
      'at byte 18: ciphertext of 15 bytes is shorter than the 16-byte tag',
    );
    expect(errorOf(body(withInitiator).subarray(0, 40))).toBe(
      'at byte 40: initiator keys need 64 bytes, got 18',
    );
  });
});
