/**
 * The Double Ratchet's symmetric-key ratchet (https://signal.org/docs/specifications/doubleratchet/
 * §2.2): a KDF chain per direction turns each chain key into one message key and the next chain
 * key, and the old chain key is thrown away, so a key stolen today cannot decrypt yesterday's
 * messages (forward secrecy).
 *
 * Simplified: there is no DH ratchet, so a stolen chain key decrypts every later message in that
 * direction (no break-in recovery). Signal mixes a fresh DH output into the chains on every round trip.
 */
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';

/** Message keys a receiving chain may skip ahead in one jump, and may hold at once (Signal's MAX_SKIP). */
export const MAX_SKIPPED_KEYS = 1000;
/** Highest message counter the 4-byte wire field can carry. */
export const MAX_COUNTER = 0xffff_ffff;

/** One turn of the chain: the key for this message and the key for the rest of the chain. */
export interface ChainStep {
  readonly messageKey: Uint8Array;
  readonly nextChainKey: Uint8Array;
}

// Double Ratchet §5.2 recommendation: HMAC-SHA256 keyed by the chain key, with constant inputs
// 0x01 for the message key and 0x02 for the next chain key.
const MESSAGE_KEY_INPUT = Uint8Array.of(0x01);
const CHAIN_KEY_INPUT = Uint8Array.of(0x02);

/** KDF_CK(ck) = (HMAC(ck, 0x01), HMAC(ck, 0x02)). */
export function kdfChain(chainKey: Uint8Array): ChainStep {
  return {
    messageKey: hmac(sha256, chainKey, MESSAGE_KEY_INPUT),
    nextChainKey: hmac(sha256, chainKey, CHAIN_KEY_INPUT),
  };
}

/** The sender's half of one direction: hands out each message key once, in order. */
export interface SendingChain {
  /** The counter the next message will carry. */
  readonly counter: number;
  /** Advances the chain; the caller must use the key for one message only and then drop it. */
  next(): { readonly counter: number; readonly messageKey: Uint8Array };
}

/** Starts a sending chain at counter 0. */
export function createSendingChain(initialChainKey: Uint8Array): SendingChain {
  let chainKey: Uint8Array = initialChainKey.slice();
  let counter = 0;
  return {
    get counter() {
      return counter;
    },
    next() {
      if (counter > MAX_COUNTER) {
        throw new Error(`sending chain exhausted after ${MAX_COUNTER} messages`);
      }
      const step = kdfChain(chainKey);
      chainKey.fill(0); // forward secrecy: the old chain key must not outlive this step
      chainKey = step.nextChainKey;
      return { counter: counter++, messageKey: step.messageKey };
    },
  };
}

/** Why a receiving chain could not hand out a key, or the decryption it made possible. */
export type ChainOpenResult<T> =
  | { readonly ok: true; readonly value: T }
  | {
      readonly ok: false;
      readonly reason: 'rejected' | 'replayed' | 'too-far-ahead';
      readonly error: string;
    };

/** The recipient's half of one direction: tolerates reordering by keeping skipped keys, up to a bound. */
export interface ReceivingChain {
  /** The counter the chain expects next if messages arrive in order. */
  readonly nextCounter: number;
  /** Message keys held for messages that have not arrived yet. */
  readonly skippedCount: number;
  /**
   * Finds the key for `counter` and lets `tryKey` decrypt with it. The chain changes only when
   * `tryKey` returns a value, so a forged message cannot burn keys or advance the chain.
   */
  open<T>(counter: number, tryKey: (messageKey: Uint8Array) => T | null): ChainOpenResult<T>;
}

/** Starts a receiving chain expecting counter 0. */
export function createReceivingChain(
  initialChainKey: Uint8Array,
  maxSkipped = MAX_SKIPPED_KEYS,
): ReceivingChain {
  let chainKey: Uint8Array = initialChainKey.slice();
  let nextCounter = 0;
  // Insertion order is counter order, so the first entry is always the oldest skipped key.
  const skipped = new Map<number, Uint8Array>();

  type TryKey<T> = (messageKey: Uint8Array) => T | null;

  const openSkipped = <T>(counter: number, tryKey: TryKey<T>): ChainOpenResult<T> => {
    const key = skipped.get(counter);
    if (key === undefined) {
      return {
        ok: false,
        reason: 'replayed',
        error:
          `the key for counter ${counter} was already used or discarded ` +
          `(replay, or more than ${maxSkipped} keys skipped)`,
      };
    }
    const value = tryKey(key);
    if (value === null) return { ok: false, reason: 'rejected', error: 'decryption rejected' };
    skipped.delete(counter);
    key.fill(0); // used once, then deleted
    return { ok: true, value };
  };

  const openAhead = <T>(counter: number, tryKey: TryKey<T>): ChainOpenResult<T> => {
    const gap = counter - nextCounter;
    if (gap > maxSkipped) {
      return {
        ok: false,
        reason: 'too-far-ahead',
        error:
          `counter ${counter} is ${gap} messages ahead of the expected ${nextCounter}; ` +
          `at most ${maxSkipped} message keys may be skipped`,
      };
    }
    // Walk a copy of the chain so nothing changes unless the message authenticates.
    const passed: Uint8Array[] = [];
    let ck: Uint8Array = chainKey;
    for (let i = 0; i < gap; i++) {
      const step = kdfChain(ck);
      passed.push(step.messageKey);
      ck = step.nextChainKey;
    }
    const step = kdfChain(ck);
    const value = tryKey(step.messageKey);
    if (value === null) return { ok: false, reason: 'rejected', error: 'decryption rejected' };
    passed.forEach((key, i) => skipped.set(nextCounter + i, key));
    while (skipped.size > maxSkipped) {
      const [oldest, key] = skipped.entries().next().value as [number, Uint8Array];
      key.fill(0);
      skipped.delete(oldest);
    }
    chainKey.fill(0);
    chainKey = step.nextChainKey;
    step.messageKey.fill(0);
    nextCounter = counter + 1;
    return { ok: true, value };
  };

  return {
    get nextCounter() {
      return nextCounter;
    },
    get skippedCount() {
      return skipped.size;
    },
    open: (counter, tryKey) =>
      counter < nextCounter ? openSkipped(counter, tryKey) : openAhead(counter, tryKey),
  };
}
