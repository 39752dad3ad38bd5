// Proves the WebSocket frame codec: RFC 6455 example bytes, round trips of every opcode and length
// form, and a precise error for each rule of §5.
import { describe, expect, it } from 'vitest';
import { RFC_MASK, WS_SAMPLES, body } from '../../../../test/protocols/samples';
import { fromHex, toHex, utf8Encode } from '../../model/bytes';
import { decodeWsFrame, encodeWsClose, encodeWsFrame, wsHeaderBytes } from './codec';

const bytesOf = (hex: string): Uint8Array => {
  const r = fromHex(hex);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};
const hello = utf8Encode('Hello');
const hexOf = (f: Parameters<typeof encodeWsFrame>[0]): string => toHex(encodeWsFrame(f), ' ');

describe('RFC 6455 §5.7 examples', () => {
  it('"Hello" unmasked is 7 B: 81 05 48 65 6c 6c 6f', () => {
    const bytes = encodeWsFrame({ opcode: 'text', payload: hello });
    expect(toHex(bytes, ' ')).toBe('81 05 48 65 6c 6c 6f');
    expect(decodeWsFrame(bytes)).toEqual({
      ok: true,
      value: { fin: true, rsv: 0, opcode: 'text', masked: false, payloadLength: 5, payload: hello },
      length: 7,
    });
  });

  it('"Hello" masked is 11 B: 81 85 37 fa 21 3d 7f 9f 4d 51 58', () => {
    const bytes = encodeWsFrame({ opcode: 'text', payload: hello, maskKey: RFC_MASK });
    expect(toHex(bytes, ' ')).toBe('81 85 37 fa 21 3d 7f 9f 4d 51 58');
    const value = { masked: true, maskKey: RFC_MASK, payload: hello };
    expect(decodeWsFrame(bytes)).toMatchObject({ ok: true, value });
  });

  it('fragments, ping and masked pong', () => {
    const first = hexOf({ opcode: 'text', fin: false, payload: utf8Encode('Hel') });
    expect(first).toBe('01 03 48 65 6c');
    expect(hexOf({ opcode: 'continuation', payload: utf8Encode('lo') })).toBe('80 02 6c 6f');
    expect(hexOf({ opcode: 'ping', payload: hello })).toBe('89 05 48 65 6c 6c 6f');
    const pong = hexOf({ opcode: 'pong', payload: hello, maskKey: RFC_MASK });
    expect(pong).toBe('8a 85 37 fa 21 3d 7f 9f 4d 51 58');
  });

  it('256 B binary starts 82 7E 01 00; 64 KiB starts 82 7F 00 00 00 00 00 01 00 00', () => {
    expect(hexOf({ opcode: 'binary', payload: body(256) }).slice(0, 11)).toBe('82 7e 01 00');
    const big = encodeWsFrame({ opcode: 'binary', payload: body(65536) });
    expect(toHex(big.subarray(0, 10), ' ')).toBe('82 7f 00 00 00 00 00 01 00 00');
    expect(big.length).toBe(65546);
  });
});

describe('round trip', () => {
  const named = WS_SAMPLES.map((f, i) => {
    const name = `${i} ${f.opcode} ${f.payload.length} B${f.maskKey ? ' masked' : ''}`;
    return [name, f] as const;
  });
  it.each(named)('%s', (_, f) => {
    const bytes = encodeWsFrame(f);
    const r = decodeWsFrame(bytes);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.length).toBe(bytes.length);
    const masked = f.maskKey !== undefined;
    expect(r.value).toMatchObject({ fin: f.fin ?? true, opcode: f.opcode, masked });
    expect(r.value.payload).toEqual(f.payload);
    expect(r.value.payloadLength).toBe(f.payload.length);
    expect(bytes.length).toBe(wsHeaderBytes(f.payload.length, !!f.maskKey) + f.payload.length);
  });

  it('header sizes: 2/4/10 B, +4 when masked (§5.2)', () => {
    const sizes = [0, 125, 126, 65535, 65536];
    expect(sizes.map((n) => wsHeaderBytes(n, false))).toEqual([2, 2, 4, 4, 10]);
    expect(sizes.map((n) => wsHeaderBytes(n, true))).toEqual([6, 6, 8, 8, 14]);
  });

  it('close frames carry a code and a UTF-8 reason', () => {
    const bytes = encodeWsClose(1000, 'bye');
    expect(toHex(bytes, ' ')).toBe('88 05 03 e8 62 79 65');
    const value = { opcode: 'close', closeCode: 1000, closeReason: 'bye' };
    expect(decodeWsFrame(bytes)).toMatchObject({ ok: true, value });
    const masked = decodeWsFrame(encodeWsClose(4001, 'ümlaut', RFC_MASK));
    const maskedValue = { masked: true, closeCode: 4001, closeReason: 'ümlaut' };
    expect(masked).toMatchObject({ ok: true, value: maskedValue });
  });

  it('decodes from an offset inside a stream', () => {
    const stream = bytesOf('81 05 48 65 6c 6c 6f 89 00');
    const value = { opcode: 'ping', payloadLength: 0 };
    expect(decodeWsFrame(stream, 7)).toMatchObject({ ok: true, value, length: 2 });
  });

  it('a first text fragment may end mid-character; continuations are not checked alone', () => {
    expect(decodeWsFrame(bytesOf('01 02 41 e2'))).toMatchObject({ ok: true });
    expect(decodeWsFrame(bytesOf('80 02 82 ac'))).toMatchObject({ ok: true });
  });
});

describe('errors', () => {
  const cases: [string, string, string, number][] = [
    ['empty', '', 'truncated: frame header', 0],
    ['header cut', '81', 'truncated: payload length', 1],
    ['reserved data opcode', '83 00', 'opcode 0x3 is reserved', 0],
    ['reserved control opcode', '8b 00', 'opcode 0xb is reserved', 0],
    ['RSV1 without extension', 'c1 00', 'RSV bits 100 set without a negotiated extension', 0],
    ['fragmented ping', '09 00', 'ping frame is fragmented', 0],
    ['control frame over 125', `89 7e 00 7e ${'00 '.repeat(126)}`, 'control frames allow 125', 1],
    ['non-minimal 16-bit', '82 7e 00 05 01 02 03 04 05', 'should have used the 7-bit form', 1],
    ['non-minimal 64-bit', '82 7f 00 00 00 00 00 00 01 00', 'should have used a shorter form', 1],
    ['64-bit MSB set', '82 7f 80 00 00 00 00 00 00 00', 'most significant bit set', 2],
    ['close of 1 byte', '88 01 03', 'close payload of 1 byte', 2],
    ['close code 1005', '88 02 03 ed', 'close code 1005 is not allowed', 2],
    ['close reason not UTF-8', '88 04 03 e8 ff fe', 'close reason: invalid UTF-8', 4],
    ['text not UTF-8', '81 02 c3 28', 'text payload: invalid UTF-8', 3],
    ['final text cut mid-character', '81 02 41 e2', 'cut off', 4],
    ['mask key cut', '81 85 37 fa', 'truncated: masking key needs 4 bytes, only 2 left', 4],
    ['payload cut', '81 05 48 65', 'truncated: payload (5 bytes) needs 5 bytes, only 2 left', 4],
  ];

  it.each(cases)('%s', (_, hex, message, offset) => {
    const r = decodeWsFrame(bytesOf(hex));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.message).toContain(message);
    expect(r.error.offset).toBe(offset);
  });

  it('the encoder refuses frames the RFC forbids', () => {
    expect(() => encodeWsFrame({ opcode: 'ping', payload: body(126) })).toThrow(RangeError);
    const fragmentedClose = { opcode: 'close', fin: false, payload: body(0) } as const;
    expect(() => encodeWsFrame(fragmentedClose)).toThrow(RangeError);
    const maskKey = Uint8Array.of(1, 2, 3);
    expect(() => encodeWsFrame({ opcode: 'text', payload: body(1), maskKey })).toThrow(RangeError);
    expect(() => encodeWsClose(1006, '')).toThrow(RangeError);
    expect(() => encodeWsClose(1000, 'x'.repeat(124))).toThrow(RangeError);
  });
});
