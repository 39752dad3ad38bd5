/**
 * The façade a phone uses to seal and open chat messages end to end.
 *
 * Sessions: each ordered pair (sender→recipient) runs its own simplified X3DH when the sender seals
 * its first message to that recipient, and then its own sending chain. A→B and B→A are independent,
 * so "who initiates when both send at once" never arises. Like Signal's PreKeySignalMessage, the
 * initiator keys ride on every message of a direction until the recipient shows (the `ackSession`
 * flag on a message it sends back) that it holds the session, so a lost or late first message does
 * not strand the ones after it.
 */
import { concatBytes, equalBytes } from '@noble/ciphers/utils.js';
import type { Rng } from '../kernel/rng';
import { formatDecodeError } from '../model/decode-result';
import { openWithKey, sealWithKey, TAG_BYTES } from './aead';
import { generateIdentityKeys, generateX25519KeyPair, type PreKeyBundle } from './keys';
import {
  createReceivingChain,
  createSendingChain,
  type ReceivingChain,
  type SendingChain,
} from './ratchet';
import {
  BASE_HEADER_BYTES,
  decodeSealedHeader,
  encodeSealedHeader,
  INITIATOR_KEYS_BYTES,
  type SealedHeader,
} from './sealed-header';
import { deriveInitialChainKey, x3dhInitiate, x3dhRespond } from './x3dh';

export { decodeSealedHeader, type SealedHeader } from './sealed-header';
export type { PreKeyBundle } from './keys';

/** The result of opening a sealed body: never an exception. */
export type OpenResult =
  { ok: true; plaintext: Uint8Array; header: SealedHeader } | { ok: false; error: string };

/** A phone's end-to-end crypto: its public bundle and the seal/open pair. */
export interface PhoneCrypto {
  /** Public keys to publish to the server. */
  readonly bundle: PreKeyBundle;
  /**
   * Encrypts `plaintext` for `to`: header ‖ ciphertext ‖ 16 B tag.
   * @throws Error when `to`'s signed prekey signature does not verify, or an id is not a u32.
   */
  seal(to: PreKeyBundle, messageId: number, plaintext: Uint8Array): Uint8Array;
  /** Authenticates and decrypts a body sealed by `from`; any tampering gives ok:false with a reason. */
  open(from: PreKeyBundle, body: Uint8Array): OpenResult;
  /** Per-message byte overhead: header on every message, initiator keys until acknowledged, tag. */
  readonly overheadBytes: { header: number; initiatorKeys: number; tag: number };
}

interface OutgoingSession {
  readonly peerIdentityDh: Uint8Array;
  readonly initiator: { identityDh: Uint8Array; ephemeral: Uint8Array };
  readonly chain: SendingChain;
  acked: boolean;
}

interface IncomingSession {
  readonly ephemeral: Uint8Array;
  readonly chain: ReceivingChain;
}

type Found<T> = { ok: true; value: T; isNew: boolean } | { ok: false; error: string };

const assertU32 = (n: number, what: string): void => {
  if (!Number.isInteger(n) || n < 0 || n > 0xffff_ffff) {
    throw new RangeError(`${what} ${n} is not a u32`);
  }
};

/** Creates a phone's keys from its seeded stream and the sessions it will run. */
export function createPhoneCrypto(userId: number, rng: Rng): PhoneCrypto {
  assertU32(userId, 'user id');
  const keys = generateIdentityKeys(userId, rng.fork('identity'));
  const outgoing = new Map<number, OutgoingSession>();
  const incoming = new Map<number, IncomingSession>();
  // One ephemeral stream per peer: the keys a phone uses with u7 do not depend on whom it wrote first.
  const ephemeralRngs = new Map<number, Rng>();

  const startOutgoing = (to: PreKeyBundle): OutgoingSession => {
    let ephemeralRng = ephemeralRngs.get(to.userId);
    if (!ephemeralRng) {
      ephemeralRng = rng.fork(`ephemeral:u${to.userId}`);
      ephemeralRngs.set(to.userId, ephemeralRng);
    }
    const ephemeral = generateX25519KeyPair(ephemeralRng);
    const agreed = x3dhInitiate(keys, to, ephemeral);
    ephemeral.secretKey.fill(0); // X3DH §3.3: the initiator deletes its ephemeral private key
    if (!agreed.ok) throw new Error(agreed.error);
    const chainKey = deriveInitialChainKey(
      agreed.sharedSecret,
      keys.bundle.identityDh,
      to.identityDh,
    );
    agreed.sharedSecret.fill(0);
    return {
      peerIdentityDh: to.identityDh,
      initiator: { identityDh: keys.bundle.identityDh, ephemeral: ephemeral.publicKey },
      chain: createSendingChain(chainKey),
      acked: false,
    };
  };

  const outgoingFor = (to: PreKeyBundle): OutgoingSession => {
    const existing = outgoing.get(to.userId);
    // A new identity key means a reinstall: start a fresh session. A rotated signed prekey alone
    // does not; as in Signal it only matters for sessions started after the rotation.
    if (existing && equalBytes(existing.peerIdentityDh, to.identityDh)) return existing;
    const session = startOutgoing(to);
    outgoing.set(to.userId, session);
    return session;
  };

  const incomingFor = (from: PreKeyBundle, header: SealedHeader): Found<IncomingSession> => {
    const existing = incoming.get(from.userId);
    const init = header.initiator;
    if (!init) {
      if (existing) return { ok: true, value: existing, isNew: false };
      return {
        ok: false,
        error:
          `no session from u${from.userId} yet, ` +
          `and message ${header.messageId} carries no initiator keys`,
      };
    }
    // The server could swap keys in the header; the sender's published identity is the anchor.
    if (!equalBytes(init.identityDh, from.identityDh)) {
      return {
        ok: false,
        error:
          `identity key in message ${header.messageId} ` +
          `does not match u${from.userId}'s published identity key`,
      };
    }
    if (existing && equalBytes(existing.ephemeral, init.ephemeral)) {
      return { ok: true, value: existing, isNew: false };
    }
    const agreed = x3dhRespond(keys, init.identityDh, init.ephemeral);
    if (!agreed.ok) {
      return {
        ok: false,
        error: `message ${header.messageId} from u${from.userId}: ${agreed.error}`,
      };
    }
    const chainKey = deriveInitialChainKey(
      agreed.sharedSecret,
      init.identityDh,
      keys.bundle.identityDh,
    );
    agreed.sharedSecret.fill(0);
    const session = { ephemeral: init.ephemeral, chain: createReceivingChain(chainKey) };
    return { ok: true, value: session, isNew: true };
  };

  const seal = (to: PreKeyBundle, messageId: number, plaintext: Uint8Array): Uint8Array => {
    assertU32(messageId, 'message id');
    assertU32(to.userId, 'recipient id');
    const session = outgoingFor(to);
    const { counter, messageKey } = session.chain.next();
    const header: SealedHeader = {
      from: userId,
      to: to.userId,
      messageId,
      counter,
      ciphertextBytes: plaintext.length + TAG_BYTES,
      ackSession: incoming.has(to.userId),
    };
    if (!session.acked) header.initiator = session.initiator;
    const headerBytes = encodeSealedHeader(header);
    const sealed = sealWithKey(messageKey, headerBytes, plaintext);
    messageKey.fill(0); // one message per key
    return concatBytes(headerBytes, sealed);
  };

  const openUnsafe = (from: PreKeyBundle, body: Uint8Array): OpenResult => {
    const decoded = decodeSealedHeader(body);
    if (!decoded.ok) {
      return { ok: false, error: `malformed sealed message: ${formatDecodeError(decoded.error)}` };
    }
    const header = decoded.value;
    const what = `message ${header.messageId} from u${header.from}`;
    if (header.to !== userId) {
      const error = `message ${header.messageId} is addressed to u${header.to}, not to u${userId}`;
      return { ok: false, error };
    }
    if (header.from !== from.userId) {
      return { ok: false, error: `${what} was opened as coming from u${from.userId}` };
    }
    const found = incomingFor(from, header);
    if (!found.ok) return found;
    const aad = body.subarray(0, decoded.length);
    const sealed = body.subarray(decoded.length);
    const opened = found.value.chain.open(header.counter, (key) => openWithKey(key, aad, sealed));
    if (!opened.ok) {
      const error =
        opened.reason === 'rejected'
          ? `authentication tag mismatch for ${what}`
          : `${what}: ${opened.error}`;
      return { ok: false, error };
    }
    // Only an authenticated message may change state: a new session, or the peer's acknowledgement.
    if (found.isNew) incoming.set(from.userId, found.value);
    const out = outgoing.get(from.userId);
    if (header.ackSession && out) out.acked = true;
    return { ok: true, plaintext: opened.value, header };
  };

  return {
    bundle: keys.bundle,
    seal,
    open: (from, body) => {
      try {
        return openUnsafe(from, body);
      } catch (e) {
        // Defence in depth: a malformed bundle must not crash the phone actor.
        const reason = e instanceof Error ? e.message : String(e);
        return { ok: false, error: `cannot open message: ${reason}` };
      }
    },
    overheadBytes: {
      header: BASE_HEADER_BYTES,
      initiatorKeys: INITIATOR_KEYS_BYTES,
      tag: TAG_BYTES,
    },
  };
}
