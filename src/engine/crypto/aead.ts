/**
 * XChaCha20-Poly1305 sealing of one message under one message key, with the routing header as
 * associated data so the server can read it but not change it.
 *
 * Signal expands each message key into cipher key, MAC key and IV (80 B in WhatsApp: AES-256-CBC +
 * HMAC-SHA256). We expand it into a 32 B XChaCha20 key and a 24 B nonce instead: the nonce is
 * deterministic, and never repeats under a key because every message key is used exactly once.
 */
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';

/** Poly1305 authentication tag appended to every ciphertext. */
export const TAG_BYTES = 16;
/** XChaCha20 key length. */
export const CIPHER_KEY_BYTES = 32;
/** XChaCha20 extended nonce length. */
export const NONCE_BYTES = 24;

/** The cipher key and nonce one message key expands into. */
export interface MessageKeyMaterial {
  readonly key: Uint8Array;
  readonly nonce: Uint8Array;
}

const EXPAND_INFO = utf8ToBytes('DoubleTick message key');

/** Expands a 32 B message key into cipher key and nonce with HKDF-SHA256 (as Signal expands its message keys). */
export function expandMessageKey(messageKey: Uint8Array): MessageKeyMaterial {
  const okm = hkdf(sha256, messageKey, undefined, EXPAND_INFO, CIPHER_KEY_BYTES + NONCE_BYTES);
  return { key: okm.subarray(0, CIPHER_KEY_BYTES), nonce: okm.subarray(CIPHER_KEY_BYTES) };
}

/** Encrypts and authenticates: returns ciphertext ‖ 16 B tag, same length as the plaintext plus the tag. */
export function sealWithKey(
  messageKey: Uint8Array,
  associatedData: Uint8Array,
  plaintext: Uint8Array,
): Uint8Array {
  const { key, nonce } = expandMessageKey(messageKey);
  return xchacha20poly1305(key, nonce, associatedData).encrypt(plaintext);
}

/** Decrypts ciphertext ‖ tag, or returns null when the tag does not match (any byte changed). */
export function openWithKey(
  messageKey: Uint8Array,
  associatedData: Uint8Array,
  sealed: Uint8Array,
): Uint8Array | null {
  if (sealed.length < TAG_BYTES) return null;
  const { key, nonce } = expandMessageKey(messageKey);
  try {
    return xchacha20poly1305(key, nonce, associatedData).decrypt(sealed);
  } catch {
    return null;
  }
}
