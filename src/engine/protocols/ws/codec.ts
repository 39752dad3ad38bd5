/** WebSocket frame codec (RFC 6455 §5); section numbers refer to that RFC. */
import {
  ByteReader,
  ByteWriter,
  badOffset,
  catchDecode,
  failAt,
  utf8Decode,
  utf8Encode,
} from '../../model/bytes';
import { decodeOk, type DecodeResult } from '../../model/decode-result';
import { WS_MAX_CONTROL_PAYLOAD_BYTES, WS_OPCODES, type WsFrame, type WsOpcode } from './messages';

const OPCODE_NAMES = new Map<number, WsOpcode>(
  Object.entries(WS_OPCODES).map(([name, code]) => [code, name as WsOpcode]),
);
const isControl = (opcode: WsOpcode): boolean => WS_OPCODES[opcode] >= 0x8;
const TWO_32 = 0x1_0000_0000;

/** Header size in bytes for a payload: 2, 4 or 10, plus 4 for a mask key (§5.2). */
export function wsHeaderBytes(payloadLength: number, masked: boolean): number {
  const base = payloadLength <= 125 ? 2 : payloadLength <= 0xffff ? 4 : 10;
  return base + (masked ? 4 : 0);
}

/**
 * Encodes one frame with the minimal length form (§5.2); masked iff `maskKey` (4 bytes) is given.
 * Throws RangeError for a control frame over 125 bytes or fragmented (§5.5).
 */
export function encodeWsFrame(f: {
  fin?: boolean;
  opcode: WsOpcode;
  payload: Uint8Array;
  maskKey?: Uint8Array;
}): Uint8Array {
  const fin = f.fin ?? true;
  const n = f.payload.length;
  if (isControl(f.opcode) && (n > WS_MAX_CONTROL_PAYLOAD_BYTES || !fin)) {
    throw new RangeError(`${f.opcode} frame must be unfragmented with at most 125 bytes (§5.5)`);
  }
  const key = f.maskKey;
  if (key && key.length !== 4) throw new RangeError('mask key must be 4 bytes (§5.3)');
  // One allocation: the header, the key and the (masked) payload written straight into the frame.
  const at = wsHeaderBytes(n, key !== undefined);
  const out = new Uint8Array(at + n);
  out[0] = (fin ? 0x80 : 0) | WS_OPCODES[f.opcode];
  const maskBit = key ? 0x80 : 0;
  let o = 2;
  if (n <= 125) out[1] = maskBit | n;
  else if (n <= 0xffff) {
    out[1] = maskBit | 126;
    out[2] = n >>> 8;
    out[3] = n & 0xff;
    o = 4;
  } else {
    out[1] = maskBit | 127;
    const hi = Math.floor(n / TWO_32);
    for (let i = 0; i < 4; i++) out[2 + i] = (hi >>> (24 - 8 * i)) & 0xff;
    for (let i = 0; i < 4; i++) out[6 + i] = (n >>> (24 - 8 * i)) & 0xff;
    o = 10;
  }
  if (!key) {
    out.set(f.payload, o);
    return out;
  }
  out.set(key, o);
  const p = f.payload;
  for (let i = 0; i < n; i++) out[at + i] = p[i]! ^ key[i & 3]!;
  return out;
}

/** Encodes a close frame: 2-byte status code then a UTF-8 reason (§5.5.1). */
export function encodeWsClose(code: number, reason: string, maskKey?: Uint8Array): Uint8Array {
  if (!isSendableCloseCode(code)) throw new RangeError(`close code ${code} may not be sent (§7.4)`);
  const reasonBytes = utf8Encode(reason);
  const payload = new ByteWriter(2 + reasonBytes.length).u16(code).bytes(reasonBytes).finish();
  return encodeWsFrame({ opcode: 'close', payload, ...(maskKey ? { maskKey } : {}) });
}

/**
 * §7.4.1/§7.4.2: 1000–1003 and 1007–1014 are defined or registered; 1004 is reserved; 1005, 1006
 * and 1015 must never appear on the wire; 3000–4999 belong to libraries and applications.
 */
function isSendableCloseCode(code: number): boolean {
  if (!Number.isInteger(code)) return false;
  if (code >= 3000 && code <= 4999) return true;
  return code >= 1000 && code <= 1014 && code !== 1004 && code !== 1005 && code !== 1006;
}

/** XORs the payload with the 4-byte key (§5.3); the same call masks and unmasks. */
export function applyMask(payload: Uint8Array, maskKey: Uint8Array): Uint8Array {
  const out = new Uint8Array(payload.length);
  for (let i = 0; i < payload.length; i++) out[i] = (payload[i] ?? 0) ^ (maskKey[i & 3] ?? 0);
  return out;
}

/**
 * Decodes one frame at `offset`; `length` is the bytes consumed. Text frames are checked for
 * UTF-8 as far as one frame allows: a final frame must be complete, a first fragment may end
 * mid-character, and continuation frames need the whole message (the reassembler's job, §8.1).
 */
export function decodeWsFrame(bytes: Uint8Array, offset = 0): DecodeResult<WsFrame> {
  const bad = badOffset<WsFrame>(bytes, offset);
  if (bad) return bad;
  return catchDecode(() => {
    const r = new ByteReader(bytes, offset, bytes.length);
    const b0 = r.u8('frame header');
    const fin = (b0 & 0x80) !== 0;
    const rsv = (b0 >> 4) & 7;
    const opcode = OPCODE_NAMES.get(b0 & 0x0f);
    if (opcode === undefined) {
      failAt(`opcode 0x${(b0 & 15).toString(16)} is reserved (§5.2)`, offset);
    }
    // §5.2: RSV bits must be 0 unless an extension that defines them was negotiated; none is.
    if (rsv !== 0) {
      const bits = rsv.toString(2).padStart(3, '0');
      failAt(`RSV bits ${bits} set without a negotiated extension (§5.2)`, offset);
    }
    if (isControl(opcode) && !fin) {
      failAt(`${opcode} frame is fragmented (FIN=0); control frames cannot be (§5.5)`, offset);
    }
    const lenAt = r.pos;
    const b1 = r.u8('payload length');
    const masked = (b1 & 0x80) !== 0;
    const payloadLength = readPayloadLength(r, b1 & 0x7f, lenAt);
    if (isControl(opcode) && payloadLength > WS_MAX_CONTROL_PAYLOAD_BYTES) {
      const message = `${opcode} frame payload is ${payloadLength} bytes; control frames allow 125`;
      failAt(`${message} (§5.5)`, lenAt);
    }
    // Read through `span` (decoders never write to their input): a masked payload is then
    // unmasked into a fresh array.
    const maskKey = masked ? r.view(4, 'masking key') : undefined;
    const payloadAt = r.pos;
    const raw = r.view(payloadLength, `payload (${payloadLength} bytes)`);
    const payload = maskKey ? applyMask(raw, maskKey) : raw;
    const frame: WsFrame = { fin, rsv, opcode, masked, payloadLength, payload };
    if (maskKey) frame.maskKey = maskKey;
    if (opcode === 'text') checkUtf8(payload, payloadAt, !fin, 'text payload');
    if (opcode === 'close') readClose(frame, payloadAt);
    return decodeOk(frame, r.pos - offset);
  });
}

/** §5.2: 126 → 16-bit length, 127 → 64-bit length with MSB 0; the minimal form is required. */
function readPayloadLength(r: ByteReader, len7: number, lenAt: number): number {
  if (len7 < 126) return len7;
  if (len7 === 126) {
    const n = r.u16('16-bit payload length');
    if (n < 126) failAt(`16-bit length ${n} should have used the 7-bit form (§5.2)`, lenAt);
    return n;
  }
  const hi = r.u32('64-bit payload length');
  const lo = r.u32('64-bit payload length');
  if (hi >= 0x8000_0000) failAt('64-bit length has its most significant bit set (§5.2)', lenAt + 1);
  // Lengths of 2^53 bytes or more cannot be held exactly in a number (nor in memory).
  if (hi >= 0x20_0000) failAt('64-bit payload length is 2^53 bytes or more', lenAt + 1);
  const n = hi * TWO_32 + lo;
  if (n <= 0xffff) failAt(`64-bit length ${n} should have used a shorter form (§5.2)`, lenAt);
  return n;
}

function checkUtf8(payload: Uint8Array, payloadAt: number, partial: boolean, what: string): void {
  const s = utf8Decode(payload, 0, payload.length, partial);
  // §8.1: invalid UTF-8 in text data fails the connection (close code 1007).
  if (!s.ok) failAt(`${what}: ${s.error.message} (§8.1)`, payloadAt + s.error.offset);
}

function readClose(frame: WsFrame, payloadAt: number): void {
  const p = frame.payload;
  if (p.length === 0) return;
  // §5.5.1: a close body starts with a 2-byte status code, so 1 byte is malformed.
  if (p.length === 1) failAt('close payload of 1 byte: a status code needs 2 (§5.5.1)', payloadAt);
  const code = ((p[0] ?? 0) << 8) | (p[1] ?? 0);
  if (!isSendableCloseCode(code)) failAt(`close code ${code} is not allowed (§7.4)`, payloadAt);
  const reason = utf8Decode(p, 2, p.length);
  if (!reason.ok) {
    failAt(`close reason: ${reason.error.message} (§5.5.1)`, payloadAt + reason.error.offset);
  }
  frame.closeCode = code;
  frame.closeReason = reason.value;
}
