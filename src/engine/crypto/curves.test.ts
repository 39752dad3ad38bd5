// Proves our randomness-free Curve25519 entry points match RFC 7748 (X25519) and RFC 8032 (Ed25519), agree with noble's stock instances, and never call the platform RNG.
import { ed25519, x25519 } from '@noble/curves/ed25519.js';
import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { ed25519Det, x25519PublicKey, x25519SharedSecret } from './curves';

describe('X25519 known answers (RFC 7748)', () => {
  it.each([
    // §5.2, the two single-multiplication vectors.
    {
      scalar: 'a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4',
      u: 'e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c',
      out: 'c3da55379de9c6908e94ea4df28d084f32eccf03491c71f754b4075577a28552',
    },
    {
      scalar: '4b66e9d4d1b4673c5ad22691957d6af5c11b6421e0ea01d42ca4169e7918ba0d',
      u: 'e5210f12786811d3f4b7959d0538ae2c31dbe7106fc03c3efc4cd549c715a493',
      out: '95cbde9476e8907d7aade45cb4b873f88b595a68799fa152e6f8f7647aac7957',
    },
  ])('§5.2 scalar × u = $out', ({ scalar, u, out }) => {
    expect(bytesToHex(x25519.scalarMult(hexToBytes(scalar), hexToBytes(u)))).toBe(out);
  });

  it('§5.2 iterated: 1 and 1000 iterations starting from k = u = 9', () => {
    let k = hexToBytes('0900000000000000000000000000000000000000000000000000000000000000');
    let u = k.slice();
    const results: string[] = [];
    for (let i = 1; i <= 1000; i++) {
      const next = x25519.scalarMult(k, u);
      u = k;
      k = next;
      if (i === 1 || i === 1000) results.push(bytesToHex(k));
    }
    expect(results).toEqual([
      '422c8e7a6227d7bca1350b3e2bb7279f7897b87bb6854b783c60e80311ae3079',
      '684cf59ba83309552800ef566f2f4d3c1c3887c49360e3875f2eb94d99532c51',
    ]);
  });

  it('§6.1 Diffie-Hellman: both public keys and the shared secret', () => {
    const alice = hexToBytes('77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a');
    const bob = hexToBytes('5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb');
    const alicePub = x25519PublicKey(alice);
    const bobPub = x25519PublicKey(bob);
    expect(bytesToHex(alicePub)).toBe(
      '8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a',
    );
    expect(bytesToHex(bobPub)).toBe(
      'de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f',
    );
    const shared = '4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742';
    expect(bytesToHex(x25519SharedSecret(alice, bobPub))).toBe(shared);
    expect(bytesToHex(x25519SharedSecret(bob, alicePub))).toBe(shared);
  });
});

describe('Ed25519 known answer (RFC 8032 §7.1 test 1)', () => {
  const secret = hexToBytes('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60');
  const publicKey = 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a';
  const signature =
    'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b';

  it('derives the public key and the deterministic signature of the empty message', () => {
    expect(bytesToHex(ed25519Det.getPublicKey(secret))).toBe(publicKey);
    expect(bytesToHex(ed25519Det.sign(new Uint8Array(0), secret))).toBe(signature);
    expect(ed25519Det.verify(hexToBytes(signature), new Uint8Array(0), hexToBytes(publicKey))).toBe(
      true,
    );
  });
});

describe("agreement with noble's stock (blinded) instances", () => {
  it('same X25519 public keys, Ed25519 public keys and signatures for any secret', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.uint8Array({ maxLength: 64 }),
        (secret, msg) => {
          expect(bytesToHex(x25519PublicKey(secret))).toBe(bytesToHex(x25519.getPublicKey(secret)));
          expect(bytesToHex(ed25519Det.getPublicKey(secret))).toBe(
            bytesToHex(ed25519.getPublicKey(secret)),
          );
          const sig = ed25519Det.sign(msg, secret);
          expect(bytesToHex(sig)).toBe(bytesToHex(ed25519.sign(msg, secret)));
          expect(ed25519.verify(sig, msg, ed25519.getPublicKey(secret))).toBe(true);
        },
      ),
      { numRuns: 30 },
    );
  });
});

describe('no platform randomness', () => {
  it('keys, signatures, verification and agreement never call crypto.getRandomValues', () => {
    const platform = vi.spyOn(globalThis.crypto, 'getRandomValues');
    try {
      const secret = new Uint8Array(32).fill(5);
      const msg = utf8ToBytes('prekey');
      const pub = ed25519Det.getPublicKey(secret);
      expect(ed25519Det.verify(ed25519Det.sign(msg, secret), msg, pub)).toBe(true);
      x25519SharedSecret(secret, x25519PublicKey(new Uint8Array(32).fill(6)));
      expect(platform).not.toHaveBeenCalled();
      // The trap is live: the stock instance does draw randomness for its blinding.
      ed25519.getPublicKey(secret);
      expect(platform).toHaveBeenCalled();
    } finally {
      platform.mockRestore();
    }
  });

  it('the refusing RNG is loud if anything asks it for a key', () => {
    expect(() => ed25519Det.keygen()).toThrow(
      'the engine draws randomness only from its seeded Rng',
    );
  });
});
