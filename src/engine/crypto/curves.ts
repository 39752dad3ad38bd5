/**
 * Curve25519 operations that never draw platform randomness.
 *
 * noble-curves 2 blinds every secret-scalar multiplication on the Edwards curve (Ed25519 keys and
 * signatures, and the fast path of `x25519.getPublicKey`) with 16 bytes from
 * `crypto.getRandomValues`, a side-channel countermeasure that does not change the result. The
 * engine may use no randomness but its seeded Rng, so:
 * - Ed25519 runs on its own point type whose RNG refuses to answer; noble's documented fallback
 *   for "no usable RNG" is its plain constant-time multiplication, same outputs, no blinding;
 * - X25519 public keys are [k]B on the Edwards curve with that unblinded point type (its cached
 *   base tables make it about five times faster than the Montgomery ladder here), mapped to the
 *   Montgomery u = (Z + Y) / (Z − Y): noble's own `scalarMultBase`, without the blinding;
 * - shared secrets come from a Montgomery ladder that takes no randomness: @stablelib/x25519's,
 *   whose field arithmetic on 16-bit limbs in a Float64Array (TweetNaCl's, by the same author)
 *   runs about twice as fast here as noble's BigInt ladder, and X3DH is most of a replay's time.
 * Importing `@noble/curves/ed25519.js` still probes the platform RNG once at load, for noble's own
 * instances; nothing here calls their secret-key paths. Blinding defends against timing and power
 * analysis of real devices, which a seeded simulation does not have.
 */
import { eddsa, edwards } from '@noble/curves/abstract/edwards.js';
import { ed25519 } from '@noble/curves/ed25519.js';
import { sharedKey } from '@stablelib/x25519';
import { sha512 } from '@noble/hashes/sha2.js';
import { bytesToNumberLE, numberToBytesLE } from '@noble/curves/utils.js';

const refuseRandomness = (): Uint8Array => {
  throw new Error('the engine draws randomness only from its seeded Rng');
};

// RFC 8032 §5.1.5 step 2: prune the hashed secret (clear the 3 low bits and the top bit, set bit 254).
const clampScalar = (bytes: Uint8Array): Uint8Array => {
  bytes[0]! &= 248;
  bytes[31]! &= 127;
  bytes[31]! |= 64;
  return bytes;
};

const UnblindedEd25519Point = edwards(ed25519.Point.CURVE(), { randomBytes: refuseRandomness });

/** Ed25519 (RFC 8032, pure, no context) with deterministic, unblinded scalar multiplication. */
export const ed25519Det = eddsa(UnblindedEd25519Point, sha512, {
  adjustScalarBytes: clampScalar,
  randomBytes: refuseRandomness,
  zip215: true, // same verification rule as noble's stock ed25519
});

/** X25519 public key of a 32-byte secret (RFC 7748 §6.1: X25519(a, 9)), by fixed-base multiplication. */
export function x25519PublicKey(secretKey: Uint8Array): Uint8Array {
  if (secretKey.length !== 32) throw new Error('an X25519 secret key is 32 bytes');
  // RFC 7748 §5 decodeScalar25519: clear the 3 low bits and the top bit, set bit 254.
  const k = bytesToNumberLE(clampScalar(secretKey.slice()));
  const { Fp, Fn } = UnblindedEd25519Point;
  // B has prime order n, so [k]B = [k mod n]B; a clamped k is never a multiple of n.
  const p = UnblindedEd25519Point.BASE.multiply(Fn.create(k));
  return numberToBytesLE(Fp.div(Fp.add(p.Z, p.Y), Fp.sub(p.Z, p.Y)), 32);
}

/**
 * X25519(secret, peer public key). A low-order peer key gives the all-zero output, which is
 * refused by throwing (RFC 7748 §6.1's check), as are keys that are not 32 bytes.
 */
export function x25519SharedSecret(secretKey: Uint8Array, publicKey: Uint8Array): Uint8Array {
  return sharedKey(secretKey, publicKey, true);
}
