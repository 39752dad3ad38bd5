// Proves the byte helpers: hex with clear errors, and a strict UTF-8 codec that agrees with Node's.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ByteReader,
  ByteWriter,
  catchDecode,
  fromHex,
  span,
  toHex,
  utf8Decode,
  utf8Encode,
} from './bytes';
import { decodeOk } from './decode-result';

describe('hex', () => {
  it('round-trips and tolerates spaces, colons and upper case', () => {
    expect(toHex(Uint8Array.of(0x81, 0x05, 0xff))).toBe('8105ff');
    expect(toHex(Uint8Array.of(0x81, 0x05), ' ')).toBe('81 05');
    const r = fromHex('81 05:FF\n');
    expect(r.ok && [...r.value]).toEqual([0x81, 0x05, 0xff]);
  });

  it('names the bad character and its position, and odd digit counts', () => {
    expect(fromHex('81 0g')).toEqual({
      ok: false,
      error: { message: '"g" is not a hex digit (byte 1, character 4)', offset: 4 },
    });
    const odd = fromHex('810');
    expect(!odd.ok && odd.error.message).toBe('odd number of hex digits (3)');
  });
});

describe('utf8', () => {
  it('encodes like TextEncoder and decodes like a fatal TextDecoder', () => {
    const fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(utf8Encode(s)).toEqual(new TextEncoder().encode(s));
      }),
      { numRuns: 2000, seed: 6455 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 12 }), (b) => {
        let want: string | undefined;
        try {
          want = fatal.decode(b);
        } catch {
          want = undefined;
        }
        const got = utf8Decode(b);
        expect(got.ok ? got.value : undefined).toBe(want);
      }),
      { numRuns: 20000, seed: 3629 },
    );
  });

  it('rejects overlongs, surrogates and > U+10FFFF at the offending byte', () => {
    const errorAt = (...b: number[]): number | undefined => {
      const r = utf8Decode(Uint8Array.from(b));
      return r.ok ? undefined : r.error.offset;
    };
    expect(errorAt(0x41, 0xc0, 0x80)).toBe(1); // overlong 'NUL'
    expect(errorAt(0xed, 0xa0, 0x80)).toBe(1); // U+D800
    expect(errorAt(0xf4, 0x90, 0x80, 0x80)).toBe(1); // U+110000
    expect(errorAt(0xe2, 0x82)).toBe(2); // cut off
  });

  it('accepts a character cut off at the end only when asked', () => {
    const euroHead = Uint8Array.of(0x41, 0xe2, 0x82);
    expect(utf8Decode(euroHead, 0, 3, true)).toEqual(decodeOk('A', 3));
  });

  it('decodes long strings (chunked String.fromCharCode)', () => {
    const s = 'ü€😀'.repeat(20000);
    const r = utf8Decode(utf8Encode(s));
    expect(r.ok && r.value === s).toBe(true);
  });
});

describe('ByteWriter / ByteReader', () => {
  it('writes big-endian and grows', () => {
    const w = new ByteWriter(1);
    w.u8(1).u16(0x0203).u32(0x04050607);
    for (let i = 0; i < 100; i++) w.u8(i);
    expect(toHex(w.finish().subarray(0, 7))).toBe('01020304050607');
    expect(w.length).toBe(107);
  });

  it('reports overruns as errors, not throws', () => {
    const bytes = Uint8Array.of(1, 2, 3);
    const r = catchDecode(() => {
      const reader = new ByteReader(bytes, 1, 3);
      return decodeOk(reader.u32('a number'), 4);
    });
    expect(r).toEqual({
      ok: false,
      error: { message: 'truncated: a number needs 4 bytes, only 2 left', offset: 3 },
    });
  });

  it('a span is the bytes asked for: a copy when small, a view sharing memory when large', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.nat(), fc.nat(), (bytes, x, y) => {
        const start = bytes.length === 0 ? 0 : x % (bytes.length + 1);
        const end = start + (bytes.length === start ? 0 : y % (bytes.length - start + 1));
        const s = span(bytes, start, end);
        expect([...s]).toEqual([...bytes.subarray(start, end)]);
        // Shares memory exactly when large: a write to the input shows through a view only.
        if (end > start) {
          const before = s[0];
          bytes[start] = (bytes[start]! + 1) & 0xff;
          expect(s[0] !== before).toBe(end - start > 64);
        }
      }),
    );
    const reader = new ByteReader(new Uint8Array(200).fill(7), 0, 200);
    expect(reader.view(10, 'ten').buffer.byteLength).toBe(10);
    expect(reader.view(100, 'a hundred').buffer.byteLength).toBe(200);
    expect(reader.pos).toBe(110);
  });
});
