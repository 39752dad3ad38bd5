// Proves two phones can talk both ways through a server that only sees headers: reordering, tampering, wrong recipients, determinism and "no plaintext on the wire".
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { createRng } from '../kernel/rng';
import { createPhoneCrypto, decodeSealedHeader, type PhoneCrypto } from './e2e-session';

const text = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);
const phone = (userId: number, seed = userId): PhoneCrypto =>
  createPhoneCrypto(userId, createRng(seed));
const flip = (bytes: Uint8Array, i: number): Uint8Array => {
  const copy = bytes.slice();
  copy[i] = (copy[i] ?? 0) ^ 0x01;
  return copy;
};
/** Opens and insists on success, returning the plaintext as text. */
const mustOpen = (to: PhoneCrypto, from: PhoneCrypto, body: Uint8Array): string => {
  const r = to.open(from.bundle, body);
  if (!r.ok) throw new Error(r.error);
  return text(r.plaintext);
};
/** A seeded Fisher-Yates shuffle, so a failing order can be replayed. */
const shuffled = <T>(items: readonly T[], seed: number): T[] => {
  const rng = createRng(seed);
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
};

describe('round trips', () => {
  it('A→B and B→A, 200 interleaved messages, with the routing header returned', () => {
    const a = phone(1);
    const b = phone(2);
    for (let i = 0; i < 100; i++) {
      expect(mustOpen(b, a, a.seal(b.bundle, 2 * i, utf8ToBytes(`a says ${i}`)))).toBe(
        `a says ${i}`,
      );
      expect(mustOpen(a, b, b.seal(a.bundle, 2 * i + 1, utf8ToBytes(`b says ${i}`)))).toBe(
        `b says ${i}`,
      );
    }
    const r = b.open(a.bundle, a.seal(b.bundle, 999, utf8ToBytes('last')));
    expect(r.ok && r.header).toMatchObject({ from: 1, to: 2, messageId: 999, counter: 100 });
  });

  it('both phones sending first at the same time each start their own direction', () => {
    const a = phone(1);
    const b = phone(2);
    const fromA = a.seal(b.bundle, 1, utf8ToBytes('hi b'));
    const fromB = b.seal(a.bundle, 2, utf8ToBytes('hi a'));
    expect(mustOpen(a, b, fromB)).toBe('hi a');
    expect(mustOpen(b, a, fromA)).toBe('hi b');
  });

  it('handles empty and 64 KiB plaintexts', () => {
    const a = phone(1);
    const b = phone(2);
    const big = createRng(5).bytes(64 * 1024);
    const r = b.open(a.bundle, a.seal(b.bundle, 1, big));
    expect(r.ok && bytesToHex(r.plaintext) === bytesToHex(big)).toBe(true);
    expect(mustOpen(b, a, a.seal(b.bundle, 2, new Uint8Array(0)))).toBe('');
  });
});

describe('byte accounting and session acknowledgement', () => {
  it('initiator keys ride on every message until the recipient shows it holds the session', () => {
    const a = phone(1);
    const b = phone(2);
    const { header, initiatorKeys, tag } = a.overheadBytes;
    expect({ header, initiatorKeys, tag }).toEqual({ header: 22, initiatorKeys: 64, tag: 16 });
    const plain = utf8ToBytes('hello');
    const first = a.seal(b.bundle, 1, plain);
    const second = a.seal(b.bundle, 2, plain);
    expect(first).toHaveLength(header + initiatorKeys + plain.length + tag);
    expect(second).toHaveLength(first.length);
    mustOpen(b, a, second); // the first message is late: the second one establishes the session
    mustOpen(a, b, b.seal(a.bundle, 3, plain)); // b's reply carries ackSession
    const third = a.seal(b.bundle, 4, plain);
    expect(third).toHaveLength(header + plain.length + tag);
    expect(mustOpen(b, a, first)).toBe('hello');
    expect(mustOpen(b, a, third)).toBe('hello');
  });
});

describe('out-of-order delivery', () => {
  it('opens 300 messages delivered in a shuffled order, including a late first message', () => {
    const a = phone(1);
    const b = phone(2);
    const bodies = Array.from({ length: 300 }, (_, i) => ({
      i,
      body: a.seal(b.bundle, i, utf8ToBytes(`m${i}`)),
    }));
    for (const { i, body } of shuffled(bodies, 8123)) expect(mustOpen(b, a, body)).toBe(`m${i}`);
  });

  it('refuses a message more than 1000 ahead, with a clear error, and still opens the rest', () => {
    const a = phone(1);
    const b = phone(2);
    const bodies = Array.from({ length: 1002 }, (_, i) =>
      a.seal(b.bundle, 5000 + i, utf8ToBytes(`m${i}`)),
    );
    expect(b.open(a.bundle, bodies[1001]!)).toEqual({
      ok: false,
      error:
        'message 6001 from u1: counter 1001 is 1001 messages ahead of the expected 0; at most 1000 message keys may be skipped',
    });
    expect(mustOpen(b, a, bodies[1000]!)).toBe('m1000');
    expect(mustOpen(b, a, bodies[1001]!)).toBe('m1001');
    expect(mustOpen(b, a, bodies[0]!)).toBe('m0');
  });

  it('refuses a replay: a used message key is gone', () => {
    const a = phone(1);
    const b = phone(2);
    const body = a.seal(b.bundle, 12, utf8ToBytes('once'));
    mustOpen(b, a, body);
    const again = b.open(a.bundle, body);
    expect(again.ok).toBe(false);
    if (!again.ok)
      expect(again.error).toMatch(/^message 12 from u1: the key for counter 0 was already used/);
  });
});

describe('tampering', () => {
  const a = phone(1);
  const b = phone(2);
  const body = a.seal(b.bundle, 12, utf8ToBytes('transfer 10 euros'));
  const headerLength = 22 + 64;

  it('one flipped byte of ciphertext or tag gives a tag mismatch', () => {
    const expected = { ok: false, error: 'authentication tag mismatch for message 12 from u1' };
    expect(b.open(a.bundle, flip(body, headerLength))).toEqual(expected);
    expect(b.open(a.bundle, flip(body, body.length - 1))).toEqual(expected);
  });

  it('every single flipped header byte is refused with a reason, and never throws', () => {
    for (let i = 0; i < headerLength; i++) {
      const r = b.open(a.bundle, flip(body, i));
      expect(r.ok, `header byte ${i}`).toBe(false);
      if (!r.ok) expect(r.error.length).toBeGreaterThan(10);
    }
  });

  it('specific header edits get specific errors', () => {
    const flippedIdentity = b.open(a.bundle, flip(body, 22));
    expect(flippedIdentity).toEqual({
      ok: false,
      error: "identity key in message 12 does not match u1's published identity key",
    });
    const flippedMessageId = b.open(a.bundle, flip(body, 13));
    expect(flippedMessageId).toEqual({
      ok: false,
      error: 'authentication tag mismatch for message 13 from u1',
    });
    const ackForged = body.slice();
    ackForged[1] = (ackForged[1] ?? 0) ^ 0x02; // a server setting "ackSession" to strip initiator keys later
    expect(b.open(a.bundle, ackForged)).toEqual({
      ok: false,
      error: 'authentication tag mismatch for message 12 from u1',
    });
    const flippedVersion = b.open(a.bundle, flip(body, 0));
    expect(flippedVersion).toEqual({
      ok: false,
      error: 'malformed sealed message: at byte 0: unknown sealed format version 0',
    });
  });

  it('after all the forgeries, the genuine message still opens', () => {
    expect(mustOpen(b, a, body)).toBe('transfer 10 euros');
  });

  it('garbage bodies and malformed bundles give ok:false, never an exception', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (junk) => {
        expect(b.open(a.bundle, junk).ok).toBe(false);
      }),
    );
    const body2 = a.seal(b.bundle, 13, utf8ToBytes('x'));
    const broken = { ...a.bundle, identityDh: new Uint8Array(5) };
    expect(b.open(broken, body2).ok).toBe(false);
  });
});

describe('wrong recipient and wrong sender', () => {
  const a = phone(1);
  const b = phone(2);
  const c = phone(3);

  it('a third phone cannot open a message addressed to someone else', () => {
    const body = a.seal(b.bundle, 12, utf8ToBytes('for b only'));
    expect(c.open(a.bundle, body)).toEqual({
      ok: false,
      error: 'message 12 is addressed to u2, not to u3',
    });
  });

  it('rewriting the recipient in the header does not help: the keys are b’s', () => {
    const body = a.seal(b.bundle, 12, utf8ToBytes('for b only'));
    body[9] = 3; // to = u3
    expect(c.open(a.bundle, body)).toEqual({
      ok: false,
      error: 'authentication tag mismatch for message 12 from u1',
    });
  });

  it('opening with the wrong sender bundle is refused', () => {
    const body = a.seal(b.bundle, 12, utf8ToBytes('hi'));
    expect(b.open(c.bundle, body)).toEqual({
      ok: false,
      error: 'message 12 from u1 was opened as coming from u3',
    });
  });

  it('a bundle with a forged prekey signature stops seal with a clear error', () => {
    const newcomer = phone(7); // no session with b yet, so it must check b's bundle
    const forged = { ...b.bundle, signedPreKey: c.bundle.signedPreKey };
    expect(() => newcomer.seal(forged, 1, utf8ToBytes('hi'))).toThrow(
      'signed prekey signature of u2 does not verify: refusing to start a session',
    );
  });

  it('a message without initiator keys and no session explains itself', () => {
    const d = phone(4);
    const e = phone(5);
    mustOpen(d, e, e.seal(d.bundle, 1, utf8ToBytes('x')));
    mustOpen(e, d, d.seal(e.bundle, 2, utf8ToBytes('ack'))); // e learns d holds the session
    const late = e.seal(d.bundle, 3, utf8ToBytes('y'));
    const fresh = createPhoneCrypto(4, createRng(4)); // d reinstalled from the same seed: no sessions
    expect(fresh.open(e.bundle, late)).toEqual({
      ok: false,
      error: 'no session from u5 yet, and message 3 carries no initiator keys',
    });
  });

  it('after a reinstall with new keys, a new session starts and the old phone is locked out', () => {
    const oldB = phone(2, 2);
    const newB = phone(2, 222);
    mustOpen(oldB, a, a.seal(oldB.bundle, 1, utf8ToBytes('before')));
    const body = a.seal(newB.bundle, 2, utf8ToBytes('after'));
    expect(mustOpen(newB, a, body)).toBe('after');
    expect(oldB.open(a.bundle, body).ok).toBe(false);
  });
});

describe('determinism and confidentiality', () => {
  /** A short conversation, returned as the bytes on the wire. */
  const conversation = (seedA: number, seedB: number): string[] => {
    const a = phone(1, seedA);
    const b = phone(2, seedB);
    const wire = [bytesToHex(a.bundle.identityDh), bytesToHex(a.bundle.signedPreKey)];
    for (let i = 0; i < 5; i++) {
      const ab = a.seal(b.bundle, i, utf8ToBytes(`ping ${i}`));
      const ba = b.seal(a.bundle, 100 + i, utf8ToBytes(`pong ${i}`));
      mustOpen(b, a, ab);
      mustOpen(a, b, ba);
      wire.push(bytesToHex(ab), bytesToHex(ba));
    }
    return wire;
  };

  it('same seeds ⇒ identical bundles and ciphertext bytes; another seed ⇒ different', () => {
    expect(phone(1, 7).bundle).toEqual(phone(1, 7).bundle);
    const first = conversation(10, 20);
    expect(conversation(10, 20)).toEqual(first);
    // Only a’s seed changes: its keys, and therefore every ciphertext in both directions, change.
    const other = conversation(11, 20);
    other.forEach((hex, i) => expect(hex, `wire item ${i}`).not.toBe(first[i]));
  });

  it('draws no platform randomness: neither the global random function nor crypto.getRandomValues is called', () => {
    const mathRandom = vi.spyOn(Math, 'random');
    const platform = vi.spyOn(globalThis.crypto, 'getRandomValues');
    try {
      conversation(1, 2);
      expect(mathRandom).not.toHaveBeenCalled();
      expect(platform).not.toHaveBeenCalled();
    } finally {
      mathRandom.mockRestore();
      platform.mockRestore();
    }
  });

  it('the header is all the server can read, and it reads it without keys', () => {
    const a = phone(1);
    const b = phone(2);
    const body = a.seal(b.bundle, 12, utf8ToBytes('secret'));
    const seen = decodeSealedHeader(body);
    expect(seen.ok && seen.value).toMatchObject({
      from: 1,
      to: 2,
      messageId: 12,
      counter: 0,
      ciphertextBytes: 22,
    });
    expect(seen.ok && seen.length).toBe(86);
  });

  it('the wire body never contains the plaintext (property, plaintexts ≥ 8 bytes)', () => {
    const a = phone(1);
    const b = phone(2);
    let id = 0;
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 8, maxLength: 512 }), (plaintext) => {
        const body = a.seal(b.bundle, id++, plaintext);
        expect(bytesToHex(body)).not.toContain(bytesToHex(plaintext));
        // Also no 8-byte window of the plaintext survives at a byte-aligned position.
        const wire = Buffer.from(body);
        for (let i = 0; i + 8 <= plaintext.length; i += 8) {
          expect(wire.indexOf(Buffer.from(plaintext.subarray(i, i + 8)))).toBe(-1);
        }
        const r = b.open(a.bundle, body);
        expect(r.ok && bytesToHex(r.plaintext)).toBe(bytesToHex(plaintext));
      }),
      { numRuns: 300 },
    );
  });
});
