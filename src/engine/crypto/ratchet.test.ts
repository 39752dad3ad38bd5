// Proves HMAC-SHA256 matches RFC 4231, and the KDF chains give one key per message, delete used keys and bound reordering.
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { openWithKey, sealWithKey } from './aead';
import { createReceivingChain, createSendingChain, kdfChain, MAX_SKIPPED_KEYS } from './ratchet';

describe('HMAC-SHA256 known answer (RFC 4231 test case 2)', () => {
  it('HMAC("Jefe", "what do ya want for nothing?")', () => {
    const mac = hmac(sha256, utf8ToBytes('Jefe'), utf8ToBytes('what do ya want for nothing?'));
    expect(bytesToHex(mac)).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
  });
});

const root = new Uint8Array(32).fill(0x42);
const header = utf8ToBytes('h');
const seal = (key: Uint8Array, text: string): Uint8Array =>
  sealWithKey(key, header, utf8ToBytes(text));
const decrypt = (sealed: Uint8Array) => (key: Uint8Array) => openWithKey(key, header, sealed);
const text = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

/** Seals `n` messages on a fresh sending chain, keeping a copy of each message key. */
function sealMany(n: number): { sealed: Uint8Array[]; keys: Uint8Array[] } {
  const chain = createSendingChain(root);
  const sealed: Uint8Array[] = [];
  const keys: Uint8Array[] = [];
  for (let i = 0; i < n; i++) {
    const { counter, messageKey } = chain.next();
    expect(counter).toBe(i);
    keys.push(messageKey.slice());
    sealed.push(seal(messageKey, `m${i}`));
  }
  return { sealed, keys };
}

describe('symmetric-key ratchet', () => {
  it('KDF_CK separates message key and next chain key', () => {
    const step = kdfChain(root);
    expect(bytesToHex(step.messageKey)).toBe(bytesToHex(hmac(sha256, root, Uint8Array.of(1))));
    expect(bytesToHex(step.nextChainKey)).toBe(bytesToHex(hmac(sha256, root, Uint8Array.of(2))));
    expect(bytesToHex(step.messageKey)).not.toBe(bytesToHex(step.nextChainKey));
  });

  it('gives every message its own key', () => {
    const { keys } = sealMany(50);
    expect(new Set(keys.map(bytesToHex)).size).toBe(50);
  });

  it('forward secrecy: an old message key cannot decrypt a newer message', () => {
    const { sealed, keys } = sealMany(3);
    expect(openWithKey(keys[0]!, header, sealed[1]!)).toBeNull();
    expect(openWithKey(keys[1]!, header, sealed[2]!)).toBeNull();
    expect(text(openWithKey(keys[2]!, header, sealed[2]!)!)).toBe('m2');
  });

  it('deletes a key once used: the buffer is zeroed and a replay is refused', () => {
    const { sealed } = sealMany(1);
    const rx = createReceivingChain(root);
    let used: Uint8Array | undefined;
    const r = rx.open(0, (key) => {
      used = key;
      return decrypt(sealed[0]!)(key);
    });
    expect(r.ok).toBe(true);
    expect(used?.every((b) => b === 0)).toBe(true);
    const again = rx.open(0, decrypt(sealed[0]!));
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.reason).toBe('replayed');
  });

  it('opens messages in any order, keeping then deleting skipped keys', () => {
    const { sealed } = sealMany(20);
    const rx = createReceivingChain(root);
    const order = [
      5,
      0,
      19,
      3,
      1,
      2,
      18,
      4,
      ...Array.from({ length: 12 }, (_, i) => i + 6).reverse(),
    ];
    for (const i of order) {
      const r = rx.open(i, decrypt(sealed[i]!));
      expect(r.ok && text(r.value)).toBe(`m${i}`);
    }
    expect(rx.skippedCount).toBe(0);
    expect(rx.nextCounter).toBe(20);
  });

  it('a forged message changes nothing: no keys burnt, the real one still opens', () => {
    const { sealed } = sealMany(10);
    const rx = createReceivingChain(root);
    const forged = sealed[9]!.slice();
    forged[0] = (forged[0] ?? 0) ^ 1;
    const r = rx.open(9, decrypt(forged));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toBe('rejected');
    expect(rx.nextCounter).toBe(0);
    expect(rx.skippedCount).toBe(0);
    expect(rx.open(9, decrypt(sealed[9]!)).ok).toBe(true);
    expect(rx.skippedCount).toBe(9);
  });

  it(`refuses to skip more than ${MAX_SKIPPED_KEYS} keys in one jump, with a clear error`, () => {
    const rx = createReceivingChain(root);
    const r = rx.open(MAX_SKIPPED_KEYS + 1, () => new Uint8Array(0));
    expect(r).toEqual({
      ok: false,
      reason: 'too-far-ahead',
      error: `counter 1001 is 1001 messages ahead of the expected 0; at most 1000 message keys may be skipped`,
    });
    expect(rx.open(MAX_SKIPPED_KEYS, () => new Uint8Array(0)).ok).toBe(true);
    expect(rx.skippedCount).toBe(MAX_SKIPPED_KEYS);
  });

  it('holds at most the bound of skipped keys, discarding the oldest first', () => {
    const { sealed } = sealMany(8);
    const rx = createReceivingChain(root, 4);
    expect(rx.open(3, decrypt(sealed[3]!)).ok).toBe(true); // skips 0, 1, 2
    expect(rx.open(7, decrypt(sealed[7]!)).ok).toBe(true); // skips 4, 5, 6: 0 and 1 are evicted
    expect(rx.skippedCount).toBe(4);
    const evicted = rx.open(0, decrypt(sealed[0]!));
    expect(evicted.ok).toBe(false);
    if (!evicted.ok) expect(evicted.error).toMatch(/already used or discarded/);
    expect(rx.open(2, decrypt(sealed[2]!)).ok).toBe(true);
  });
});
