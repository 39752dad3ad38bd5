/**
 * A phone's long-term keys and the prekey bundle it publishes: only public keys ever leave here.
 *
 * Simplification: Signal signs the signed prekey with the X25519 identity key itself through
 * XEdDSA. We keep a separate Ed25519 identity key for signing instead, so every primitive is a
 * standard one checked against published vectors; the trust story (the identity key vouches for
 * the prekey) is the same.
 */
import { concatBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import type { Rng } from '../kernel/rng';
import { ed25519Det } from './curves';
import { derivedKeyPair } from './pair-agreement';

/** A secret key and its public key, both 32 bytes. */
export interface KeyPair {
  readonly secretKey: Uint8Array;
  readonly publicKey: Uint8Array;
}

/** What a phone publishes to the server: public keys only (X3DH §3.2, without one-time prekeys). */
export interface PreKeyBundle {
  userId: number;
  /** X25519 identity key, used in the key agreement. */
  identityDh: Uint8Array;
  /** Ed25519 identity key, used only to sign the signed prekey. */
  identitySign: Uint8Array;
  /** X25519 medium-term signed prekey. */
  signedPreKey: Uint8Array;
  /** Ed25519 signature over {@link signedPreKeyMessage}. */
  signature: Uint8Array;
}

/** Everything a phone holds privately, plus the bundle it derives from it. */
export interface IdentityKeys {
  readonly userId: number;
  readonly identityDh: KeyPair;
  readonly identitySign: KeyPair;
  readonly signedPreKey: KeyPair;
  readonly bundle: PreKeyBundle;
}

/** Bytes of every public key, secret key and DH output on Curve25519. */
export const KEY_BYTES = 32;

// Domain separation: a signature made for this purpose cannot be replayed as any other statement.
const SPK_LABEL = utf8ToBytes('DoubleTick signed prekey v1');

/** An X25519 key pair whose secret comes from the seeded stream (never from the platform RNG). */
export function generateX25519KeyPair(rng: Rng): KeyPair {
  return derivedKeyPair(rng.bytes(KEY_BYTES));
}

/** The exact bytes the identity key signs: a label, the owner's id and the signed prekey. */
export function signedPreKeyMessage(userId: number, signedPreKey: Uint8Array): Uint8Array {
  const id = new Uint8Array(4);
  new DataView(id.buffer).setUint32(0, userId >>> 0);
  return concatBytes(SPK_LABEL, id, signedPreKey);
}

/** Creates a phone's identity and signed prekey; each key gets its own fork so streams never shift. */
export function generateIdentityKeys(userId: number, rng: Rng): IdentityKeys {
  const identityDh = generateX25519KeyPair(rng.fork('identity-dh'));
  const signSecret = rng.fork('identity-sign').bytes(KEY_BYTES);
  const identitySign = { secretKey: signSecret, publicKey: ed25519Det.getPublicKey(signSecret) };
  const signedPreKey = generateX25519KeyPair(rng.fork('signed-prekey'));
  // RFC 8032 signing is deterministic (the nonce is a hash of key and message): no randomness drawn.
  const signature = ed25519Det.sign(
    signedPreKeyMessage(userId, signedPreKey.publicKey),
    identitySign.secretKey,
  );
  const bundle: PreKeyBundle = {
    userId,
    identityDh: identityDh.publicKey,
    identitySign: identitySign.publicKey,
    signedPreKey: signedPreKey.publicKey,
    signature,
  };
  return { userId, identityDh, identitySign, signedPreKey, bundle };
}

/** True when the bundle's signed prekey carries a valid signature by its identity signing key. */
export function verifyBundle(bundle: PreKeyBundle): boolean {
  try {
    return ed25519Det.verify(
      bundle.signature,
      signedPreKeyMessage(bundle.userId, bundle.signedPreKey),
      bundle.identitySign,
    );
  } catch {
    // Malformed lengths make noble throw; for a bundle that is simply "does not verify".
    return false;
  }
}
