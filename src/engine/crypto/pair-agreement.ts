/**
 * X25519 for handshakes whose two ends run in one process, as the simulation's phones do.
 *
 * Diffie-Hellman is symmetric: X25519(a, B) = X25519(b, A). In an X3DH handshake the initiator
 * computes three such values and the responder, later, the same three from the other side. So
 * the end that computes a value first leaves it here under the pair of public keys, and the other
 * end takes it (the entry is gone: nothing outlives its two uses) instead of running a second
 * ladder. The outputs are the ones each end would compute; only the work is halved, and the key
 * agreement is most of the CPU time of replaying a run with encryption on.
 *
 * Only key pairs whose public key was derived here from their secret (`derivedKeyPair`) take a
 * value: a pair put together by hand could claim someone else's public key.
 */
import { bytesToHex } from '@noble/hashes/utils.js';
import { x25519PublicKey, x25519SharedSecret } from './curves';
import type { KeyPair } from './keys';

/**
 * Values left for an end that has not come yet (a responder whose first message is still on its
 * way, or never arrives). Past this many the oldest goes; its end computes it itself.
 */
const WAITING_LIMIT = 1024;

const waiting = new Map<string, Uint8Array>();
const derived = new WeakSet<KeyPair>();

/** An X25519 key pair from a 32-byte secret, its public key derived (and so trusted here). */
export function derivedKeyPair(secretKey: Uint8Array): KeyPair {
  const pair = { secretKey, publicKey: x25519PublicKey(secretKey) };
  derived.add(pair);
  return pair;
}

/** X25519(own secret, peer public key), taken from the other end when it computed it first. */
export function agreeWith(own: KeyPair, peerPublic: Uint8Array): Uint8Array {
  if (!derived.has(own)) return x25519SharedSecret(own.secretKey, peerPublic);
  const a = bytesToHex(own.publicKey);
  const b = bytesToHex(peerPublic);
  const key = a < b ? `${a}${b}` : `${b}${a}`;
  const left = waiting.get(key);
  if (left) {
    waiting.delete(key);
    return left;
  }
  const value = x25519SharedSecret(own.secretKey, peerPublic);
  if (waiting.size >= WAITING_LIMIT) waiting.delete(waiting.keys().next().value!);
  waiting.set(key, value.slice());
  return value;
}

/** How many values wait for their other end (for tests). */
export function agreementsWaiting(): number {
  return waiting.size;
}
