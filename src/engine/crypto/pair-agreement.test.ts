// Proves the two ends of an agreement in one process get exactly what each would compute alone,
// that the second end takes the value (nothing is left behind), that a hand-made key pair never
// takes one, and that a low-order key is still refused.
import { bytesToHex } from '@noble/hashes/utils.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { x25519SharedSecret } from './curves';
import { agreementsWaiting, agreeWith, derivedKeyPair } from './pair-agreement';

const secret = fc.uint8Array({ minLength: 32, maxLength: 32 });

describe('agreement between two ends in one process', () => {
  it('both ends get X25519 of their own secret and the peer key, and nothing is left waiting', () => {
    fc.assert(
      fc.property(secret, secret, (a, b) => {
        const alice = derivedKeyPair(a.slice());
        const bob = derivedKeyPair(b.slice());
        const before = agreementsWaiting();
        const first = bytesToHex(agreeWith(alice, bob.publicKey));
        expect(first).toBe(bytesToHex(x25519SharedSecret(a, bob.publicKey)));
        const second = bytesToHex(agreeWith(bob, alice.publicKey));
        expect(second).toBe(bytesToHex(x25519SharedSecret(b, alice.publicKey)));
        expect(second).toBe(first);
        expect(agreementsWaiting()).toBe(before);
      }),
      { numRuns: 25 },
    );
  });

  it('the second end gets its own bytes: wiping one end’s copy leaves the other intact', () => {
    const alice = derivedKeyPair(new Uint8Array(32).fill(1));
    const bob = derivedKeyPair(new Uint8Array(32).fill(2));
    const mine = agreeWith(alice, bob.publicKey);
    const expected = bytesToHex(mine);
    mine.fill(0);
    expect(bytesToHex(agreeWith(bob, alice.publicKey))).toBe(expected);
  });

  it('a key pair put together by hand computes for itself and never takes a waiting value', () => {
    const alice = derivedKeyPair(new Uint8Array(32).fill(3));
    const bob = derivedKeyPair(new Uint8Array(32).fill(4));
    const waitingValue = bytesToHex(agreeWith(alice, bob.publicKey));
    // Claims Bob's public key with another secret: it must get its own (different) answer.
    const impostor = { secretKey: new Uint8Array(32).fill(9), publicKey: bob.publicKey };
    const got = bytesToHex(agreeWith(impostor, alice.publicKey));
    expect(got).not.toBe(waitingValue);
    expect(got).toBe(bytesToHex(x25519SharedSecret(impostor.secretKey, alice.publicKey)));
    // Bob's value still waits for Bob.
    expect(bytesToHex(agreeWith(bob, alice.publicKey))).toBe(waitingValue);
  });

  it('refuses a low-order peer key (the all-zero output) and leaves nothing waiting', () => {
    const alice = derivedKeyPair(new Uint8Array(32).fill(5));
    const before = agreementsWaiting();
    expect(() => agreeWith(alice, new Uint8Array(32))).toThrow();
    expect(agreementsWaiting()).toBe(before);
  });

  it('keeps at most a bounded number of values waiting for ends that never come', () => {
    const alice = derivedKeyPair(new Uint8Array(32).fill(6));
    for (let i = 0; i < 1100; i++) {
      const s = new Uint8Array(32);
      new DataView(s.buffer).setUint32(0, i + 1);
      agreeWith(alice, derivedKeyPair(s).publicKey);
    }
    expect(agreementsWaiting()).toBeLessThanOrEqual(1024);
  });
});
