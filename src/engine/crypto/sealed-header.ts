/**
 * The wire layout of a sealed message: a cleartext routing header the server reads, then the
 * ciphertext and tag it cannot. The header bytes are the AEAD's associated data, so changing any
 * of them makes the recipient reject the message.
 *
 * ```
 * offset  size  field
 *  0      1     version (1)
 *  1      1     flags: bit 0 initiator keys follow, bit 1 sender holds the recipient's session
 *  2      4     from (user id, big-endian)
 *  6      4     to
 * 10      4     messageId
 * 14      4     counter (position in the sender→recipient chain)
 * 18      4     ciphertextBytes (ciphertext + 16 B tag)
 * 22     64     only if flag bit 0: initiator X25519 identity key ‖ ephemeral key
 * ```
 */
import { decodeFail, decodeOk, type DecodeResult } from '../model/decode-result';
import { KEY_BYTES } from './keys';
import { TAG_BYTES } from './aead';

/** The routing header of a sealed message: everything here is visible to the server. */
export interface SealedHeader {
  from: number;
  to: number;
  messageId: number;
  /** Position of this message in the sender→recipient chain, from 0. */
  counter: number;
  /** Bytes after the header: ciphertext plus the 16 B tag. */
  ciphertextBytes: number;
  /** True when the sender already holds a session from the recipient, so the recipient can stop sending initiator keys. */
  ackSession: boolean;
  /** Present until the recipient acknowledges the session: what it needs to run X3DH as responder. */
  initiator?: { identityDh: Uint8Array; ephemeral: Uint8Array };
}

/** Wire format version written in byte 0. */
export const SEALED_VERSION = 1;
/** Header bytes on every message. */
export const BASE_HEADER_BYTES = 22;
/** Extra header bytes while the initiator keys ride along. */
export const INITIATOR_KEYS_BYTES = 2 * KEY_BYTES;

const FLAG_INITIATOR = 0b01;
const FLAG_ACK = 0b10;
const KNOWN_FLAGS = FLAG_INITIATOR | FLAG_ACK;

/** Header length for a given header, in bytes. */
export const headerBytes = (h: SealedHeader): number =>
  BASE_HEADER_BYTES + (h.initiator ? INITIATOR_KEYS_BYTES : 0);

/** Encodes the header; the caller appends ciphertext ‖ tag of exactly `ciphertextBytes`. */
export function encodeSealedHeader(h: SealedHeader): Uint8Array {
  const out = new Uint8Array(headerBytes(h));
  const view = new DataView(out.buffer);
  out[0] = SEALED_VERSION;
  out[1] = (h.initiator ? FLAG_INITIATOR : 0) | (h.ackSession ? FLAG_ACK : 0);
  view.setUint32(2, h.from);
  view.setUint32(6, h.to);
  view.setUint32(10, h.messageId);
  view.setUint32(14, h.counter);
  view.setUint32(18, h.ciphertextBytes);
  if (h.initiator) {
    out.set(h.initiator.identityDh, BASE_HEADER_BYTES);
    out.set(h.initiator.ephemeral, BASE_HEADER_BYTES + KEY_BYTES);
  }
  return out;
}

/** Reads the routing header of a sealed body (what the server can see); `length` is the header's size. */
export function decodeSealedHeader(body: Uint8Array): DecodeResult<SealedHeader> {
  if (body.length < BASE_HEADER_BYTES) {
    const message = `sealed header needs ${BASE_HEADER_BYTES} bytes, got ${body.length}`;
    return decodeFail(message, body.length);
  }
  const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
  const version = view.getUint8(0);
  if (version !== SEALED_VERSION) return decodeFail(`unknown sealed format version ${version}`, 0);
  const flags = view.getUint8(1);
  if ((flags & ~KNOWN_FLAGS) !== 0) {
    return decodeFail(`unknown flag bits 0x${flags.toString(16)}`, 1);
  }
  const ciphertextBytes = view.getUint32(18);
  if (ciphertextBytes < TAG_BYTES) {
    const message = `ciphertext of ${ciphertextBytes} bytes is shorter than the ${TAG_BYTES}-byte tag`;
    return decodeFail(message, 18);
  }
  const header: SealedHeader = {
    from: view.getUint32(2),
    to: view.getUint32(6),
    messageId: view.getUint32(10),
    counter: view.getUint32(14),
    ciphertextBytes,
    ackSession: (flags & FLAG_ACK) !== 0,
  };
  if (flags & FLAG_INITIATOR) {
    const end = BASE_HEADER_BYTES + INITIATOR_KEYS_BYTES;
    if (body.length < end) {
      const got = body.length - BASE_HEADER_BYTES;
      return decodeFail(
        `initiator keys need ${INITIATOR_KEYS_BYTES} bytes, got ${got}`,
        body.length,
      );
    }
    header.initiator = {
      identityDh: body.slice(BASE_HEADER_BYTES, BASE_HEADER_BYTES + KEY_BYTES),
      ephemeral: body.slice(BASE_HEADER_BYTES + KEY_BYTES, end),
    };
  }
  const length = headerBytes(header);
  if (body.length !== length + ciphertextBytes) {
    return decodeFail(
      `body is ${body.length} bytes ` +
        `but the ${length}-byte header announces ${ciphertextBytes} ciphertext bytes`,
      18,
    );
  }
  return decodeOk(header, length);
}
