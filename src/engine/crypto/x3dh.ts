/**
 * Simplified X3DH key agreement (https://signal.org/docs/specifications/x3dh/ §3.3).
 *
 * Simplified: there are no one-time prekeys, so the optional DH4 = DH(EK_A, OPK_B) is never
 * computed. Without it a replayed first message re-derives the same key; Signal uses one-time
 * prekeys (deleted by the server once handed out) to close that gap.
 */
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { concatBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { agreeWith } from './pair-agreement';
import {
  KEY_BYTES,
  verifyBundle,
  type IdentityKeys,
  type KeyPair,
  type PreKeyBundle,
} from './keys';

/** A shared secret, or why none could be agreed. */
export type X3dhResult =
  | { readonly ok: true; readonly sharedSecret: Uint8Array }
  | { readonly ok: false; readonly error: string };

const X3DH_INFO = utf8ToBytes('DoubleTick X3DH');
// X3DH §2.2: for X25519, F is 32 0xFF bytes, prepended so the input can never be a valid scalar
// for another protocol; the salt is a zero-filled block as long as the hash output.
const F = new Uint8Array(KEY_BYTES).fill(0xff);
const ZERO_SALT = new Uint8Array(32);

/** SK = HKDF-SHA256(F ‖ DH1 ‖ DH2 ‖ DH3, salt 0³², info "DoubleTick X3DH"), 32 bytes. */
export function deriveSharedSecret(dh1: Uint8Array, dh2: Uint8Array, dh3: Uint8Array): Uint8Array {
  return hkdf(sha256, concatBytes(F, dh1, dh2, dh3), ZERO_SALT, X3DH_INFO, 32);
}

/** Initiator side: checks the bundle's signature, then DH1 = DH(IK_A, SPK_B), DH2 = DH(EK_A, IK_B), DH3 = DH(EK_A, SPK_B). */
export function x3dhInitiate(
  own: IdentityKeys,
  peer: PreKeyBundle,
  ephemeral: KeyPair,
): X3dhResult {
  // X3DH §3.3: "Alice verifies the prekey signature and aborts the protocol if verification fails."
  if (!verifyBundle(peer)) {
    return {
      ok: false,
      error:
        `signed prekey signature of u${peer.userId} does not verify: ` +
        'refusing to start a session',
    };
  }
  return agree(() =>
    deriveSharedSecret(
      agreeWith(own.identityDh, peer.signedPreKey),
      agreeWith(ephemeral, peer.identityDh),
      agreeWith(ephemeral, peer.signedPreKey),
    ),
  );
}

/** Responder side: the same three DH outputs from the initiator's identity and ephemeral public keys. */
export function x3dhRespond(
  own: IdentityKeys,
  initiatorIdentityDh: Uint8Array,
  initiatorEphemeral: Uint8Array,
): X3dhResult {
  return agree(() =>
    deriveSharedSecret(
      agreeWith(own.signedPreKey, initiatorIdentityDh),
      agreeWith(own.identityDh, initiatorEphemeral),
      agreeWith(own.signedPreKey, initiatorEphemeral),
    ),
  );
}

// noble rejects low-order and malformed public keys by throwing; callers get an error value instead.
function agree(compute: () => Uint8Array): X3dhResult {
  try {
    return { ok: true, sharedSecret: compute() };
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return { ok: false, error: `key agreement failed: ${reason}` };
  }
}

const CHAIN_INFO = utf8ToBytes('DoubleTick chain');

/**
 * The first chain key of the sender→recipient direction. Binding both identity keys plays the role
 * of X3DH's associated data AD = IK_A ‖ IK_B: a session is tied to the two identities that made it.
 */
export function deriveInitialChainKey(
  sharedSecret: Uint8Array,
  senderIdentityDh: Uint8Array,
  recipientIdentityDh: Uint8Array,
): Uint8Array {
  const info = concatBytes(CHAIN_INFO, senderIdentityDh, recipientIdentityDh);
  return hkdf(sha256, sharedSecret, undefined, info, 32);
}
