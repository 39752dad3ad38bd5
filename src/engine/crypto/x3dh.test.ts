// Proves HKDF-SHA256 matches RFC 5869, both X3DH sides derive the same secret, and a bad prekey signature stops the handshake.
import { extract, hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { createRng } from '../kernel/rng';
import { generateIdentityKeys, generateX25519KeyPair } from './keys';
import { x3dhInitiate, x3dhRespond } from './x3dh';

describe('HKDF-SHA256 known answer (RFC 5869 test case 1)', () => {
  it('gives the published PRK and OKM', () => {
    const ikm = new Uint8Array(22).fill(0x0b);
    const salt = hexToBytes('000102030405060708090a0b0c');
    const info = hexToBytes('f0f1f2f3f4f5f6f7f8f9');
    expect(bytesToHex(extract(sha256, ikm, salt))).toBe(
      '077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5',
    );
    expect(bytesToHex(hkdf(sha256, ikm, salt, info, 42))).toBe(
      '3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865',
    );
  });
});

describe('simplified X3DH', () => {
  const alice = generateIdentityKeys(1, createRng(1));
  const bob = generateIdentityKeys(2, createRng(2));
  const ephemeral = generateX25519KeyPair(createRng(3));

  it('initiator and responder derive the same 32-byte secret', () => {
    const a = x3dhInitiate(alice, bob.bundle, ephemeral);
    const b = x3dhRespond(bob, alice.bundle.identityDh, ephemeral.publicKey);
    if (!a.ok || !b.ok) throw new Error('agreement failed');
    expect(a.sharedSecret).toHaveLength(32);
    expect(bytesToHex(b.sharedSecret)).toBe(bytesToHex(a.sharedSecret));
  });

  it('a third party with the wrong keys derives something else', () => {
    const eve = generateIdentityKeys(2, createRng(9));
    const a = x3dhInitiate(alice, bob.bundle, ephemeral);
    const e = x3dhRespond(eve, alice.bundle.identityDh, ephemeral.publicKey);
    if (!a.ok || !e.ok) throw new Error('agreement failed');
    expect(bytesToHex(e.sharedSecret)).not.toBe(bytesToHex(a.sharedSecret));
  });

  it('refuses a bundle whose signed prekey was swapped by the server', () => {
    const mallory = generateIdentityKeys(2, createRng(7));
    const forged = { ...bob.bundle, signedPreKey: mallory.bundle.signedPreKey };
    const r = x3dhInitiate(alice, forged, ephemeral);
    expect(r).toEqual({
      ok: false,
      error: 'signed prekey signature of u2 does not verify: refusing to start a session',
    });
  });

  it('reports a low-order ephemeral key as an error instead of throwing', () => {
    const r = x3dhRespond(bob, alice.bundle.identityDh, new Uint8Array(32));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/^key agreement failed/);
  });
});
