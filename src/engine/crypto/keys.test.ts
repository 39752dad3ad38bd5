// Proves a phone's prekey bundle is signed by its identity key, holds public keys only, and is determined by the seed.
import { bytesToHex } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { createRng } from '../kernel/rng';
import { generateIdentityKeys, verifyBundle } from './keys';

describe('identity keys and prekey bundle', () => {
  it('publishes a bundle whose signed prekey verifies', () => {
    const keys = generateIdentityKeys(3, createRng(1));
    expect(verifyBundle(keys.bundle)).toBe(true);
    expect(keys.bundle.userId).toBe(3);
  });

  it('holds public keys only: no secret key bytes appear in the bundle', () => {
    const keys = generateIdentityKeys(3, createRng(1));
    const published = Object.values(keys.bundle)
      .filter((v): v is Uint8Array => v instanceof Uint8Array)
      .map(bytesToHex)
      .join('|');
    for (const pair of [keys.identityDh, keys.identitySign, keys.signedPreKey]) {
      expect(published).not.toContain(bytesToHex(pair.secretKey));
    }
  });

  it('rejects a bundle with a swapped prekey, a flipped signature bit or another user id', () => {
    const { bundle } = generateIdentityKeys(3, createRng(1));
    const other = generateIdentityKeys(4, createRng(2)).bundle;
    const flipped = bundle.signature.slice();
    flipped[10] = (flipped[10] ?? 0) ^ 1;
    expect(verifyBundle({ ...bundle, signedPreKey: other.signedPreKey })).toBe(false);
    expect(verifyBundle({ ...bundle, signature: flipped })).toBe(false);
    expect(verifyBundle({ ...bundle, userId: 4 })).toBe(false);
    expect(verifyBundle({ ...bundle, signature: new Uint8Array(3) })).toBe(false);
  });

  it('same seed ⇒ same keys; another seed ⇒ different keys', () => {
    const a = generateIdentityKeys(3, createRng(42)).bundle;
    const b = generateIdentityKeys(3, createRng(42)).bundle;
    const c = generateIdentityKeys(3, createRng(43)).bundle;
    expect(b).toEqual(a);
    expect(bytesToHex(c.identityDh)).not.toBe(bytesToHex(a.identityDh));
    expect(bytesToHex(c.signedPreKey)).not.toBe(bytesToHex(a.signedPreKey));
  });
});
