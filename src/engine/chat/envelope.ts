import { decodeFail, decodeOk, type DecodeResult } from '../model/decode-result';
import { span } from '../model/bytes';

/**
 * The application envelope every transport carries: one compact binary layout for all four
 * protocols, so a comparison between them measures the transports and nothing else.
 *
 * Layout: kind (1 B) then fields, integers big-endian u32.
 *   CHAT      0x01 msg from to chatSeq bodyLen(u32) body   — body is ciphertext when E2E is on
 *   ACCEPTED  0x02 msg                                       — gateway → sender: ✓
 *   ACK       0x03 msg what(1 B: 1 chat, 2 ✓✓ receipt, 3 read receipt) — recipient → gateway: I have it
 *   RECEIPT   0x04 msg status(1 B: 2 delivered, 3 read) by   — gateway → sender: ✓✓ / read
 *   READ      0x05 msg from                                  — recipient → gateway: I opened it
 */
export type Envelope =
  | { kind: 'chat'; msg: number; from: number; to: number; chatSeq: number; body: Uint8Array }
  | { kind: 'accepted'; msg: number }
  | { kind: 'ack'; msg: number; what: DeliveryWhat }
  | { kind: 'receipt'; msg: number; status: 'delivered' | 'read'; by: number; to: number }
  | { kind: 'read'; msg: number; from: number };

/** What a delivery carries, so one message id can name the chat and its two receipts apart. */
export type DeliveryWhat = 'chat' | 'delivered' | 'read';
const WHAT_CODE: Record<DeliveryWhat, number> = { chat: 1, delivered: 2, read: 3 };
const WHAT_OF = ['', 'chat', 'delivered', 'read'] as const;

const KIND_CODE = { chat: 1, accepted: 2, ack: 3, receipt: 4, read: 5 } as const;

/** Fixed bytes of a CHAT envelope before its body (kind + 4 × u32 + length). */
export const CHAT_ENVELOPE_HEADER_BYTES = 1 + 4 * 4 + 4;

const u32 = (out: Uint8Array, at: number, n: number): void => {
  out[at] = (n >>> 24) & 0xff;
  out[at + 1] = (n >>> 16) & 0xff;
  out[at + 2] = (n >>> 8) & 0xff;
  out[at + 3] = n & 0xff;
};
const readU32 = (b: Uint8Array, at: number): number =>
  ((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0;

/** Encodes an envelope to its wire bytes. */
export function encodeEnvelope(e: Envelope): Uint8Array {
  switch (e.kind) {
    case 'chat': {
      const out = new Uint8Array(CHAT_ENVELOPE_HEADER_BYTES + e.body.length);
      out[0] = KIND_CODE.chat;
      u32(out, 1, e.msg);
      u32(out, 5, e.from);
      u32(out, 9, e.to);
      u32(out, 13, e.chatSeq);
      u32(out, 17, e.body.length);
      out.set(e.body, CHAT_ENVELOPE_HEADER_BYTES);
      return out;
    }
    case 'accepted': {
      const out = new Uint8Array(5);
      out[0] = KIND_CODE.accepted;
      u32(out, 1, e.msg);
      return out;
    }
    case 'ack': {
      const out = new Uint8Array(6);
      out[0] = KIND_CODE.ack;
      u32(out, 1, e.msg);
      out[5] = WHAT_CODE[e.what];
      return out;
    }
    case 'receipt': {
      const out = new Uint8Array(14);
      out[0] = KIND_CODE.receipt;
      u32(out, 1, e.msg);
      out[5] = e.status === 'delivered' ? 2 : 3;
      u32(out, 6, e.by);
      u32(out, 10, e.to);
      return out;
    }
    case 'read': {
      const out = new Uint8Array(9);
      out[0] = KIND_CODE.read;
      u32(out, 1, e.msg);
      u32(out, 5, e.from);
      return out;
    }
  }
}

const need = (
  b: Uint8Array,
  at: number,
  n: number,
  what: string,
): DecodeResult<never> | undefined =>
  b.length < at + n
    ? decodeFail(
        `truncated ${what}: needs ${n} bytes, ${Math.max(0, b.length - at)} left`,
        b.length,
      )
    : undefined;

/** Decodes one envelope occupying all of `b`; a malformed one gets an error naming the byte. */
export function decodeEnvelope(b: Uint8Array): DecodeResult<Envelope> {
  if (b.length === 0) return decodeFail('empty envelope', 0);
  const kind = b[0]!;
  switch (kind) {
    case KIND_CODE.chat: {
      const short = need(b, 1, CHAT_ENVELOPE_HEADER_BYTES - 1, 'chat header');
      if (short) return short;
      const len = readU32(b, 17);
      if (b.length !== CHAT_ENVELOPE_HEADER_BYTES + len)
        return decodeFail(
          `chat body length ${len} does not match the ${b.length - CHAT_ENVELOPE_HEADER_BYTES} bytes present`,
          17,
        );
      const value: Envelope = {
        kind: 'chat',
        msg: readU32(b, 1),
        from: readU32(b, 5),
        to: readU32(b, 9),
        chatSeq: readU32(b, 13),
        body: span(b, CHAT_ENVELOPE_HEADER_BYTES, b.length),
      };
      return decodeOk(value, b.length);
    }
    case KIND_CODE.accepted: {
      if (b.length !== 5)
        return decodeFail(
          `accepted envelope must be 5 bytes, got ${b.length}`,
          Math.min(b.length, 5),
        );
      return decodeOk({ kind: 'accepted', msg: readU32(b, 1) }, 5);
    }
    case KIND_CODE.ack: {
      if (b.length !== 6)
        return decodeFail(`ack envelope must be 6 bytes, got ${b.length}`, Math.min(b.length, 6));
      const what = WHAT_OF[b[5]!];
      if (what === undefined || what === '')
        return decodeFail(`ack kind ${b[5]} is not 1 (chat), 2 (delivered) or 3 (read)`, 5);
      return decodeOk({ kind: 'ack', msg: readU32(b, 1), what }, 6);
    }
    case KIND_CODE.receipt: {
      if (b.length !== 14)
        return decodeFail(
          `receipt envelope must be 14 bytes, got ${b.length}`,
          Math.min(b.length, 14),
        );
      const s = b[5]!;
      if (s !== 2 && s !== 3)
        return decodeFail(`receipt status ${s} is neither 2 (delivered) nor 3 (read)`, 5);
      return decodeOk(
        {
          kind: 'receipt',
          msg: readU32(b, 1),
          status: s === 2 ? 'delivered' : 'read',
          by: readU32(b, 6),
          to: readU32(b, 10),
        },
        14,
      );
    }
    case KIND_CODE.read: {
      if (b.length !== 9)
        return decodeFail(`read envelope must be 9 bytes, got ${b.length}`, Math.min(b.length, 9));
      return decodeOk({ kind: 'read', msg: readU32(b, 1), from: readU32(b, 5) }, 9);
    }
    default:
      return decodeFail(`unknown envelope kind 0x${kind.toString(16).padStart(2, '0')}`, 0);
  }
}

/**
 * What the trace needs of an envelope about to be pushed (its message id and its chat body's
 * bytes) without building it: read in place for the two that are pushed (chats and receipts),
 * by a full decode otherwise. Undefined when `b` is not a valid envelope.
 */
export function envelopeGist(
  b: Uint8Array,
): { readonly msg: number; readonly bodyBytes: number } | undefined {
  const kind = b[0];
  if (isChatEnvelope(b))
    return { msg: readU32(b, 1), bodyBytes: b.length - CHAT_ENVELOPE_HEADER_BYTES };
  if (kind === KIND_CODE.receipt && b.length === 14 && (b[5] === 2 || b[5] === 3))
    return { msg: readU32(b, 1), bodyBytes: 0 };
  const e = decodeEnvelope(b);
  return e.ok
    ? { msg: e.value.msg, bodyBytes: e.value.kind === 'chat' ? e.value.body.length : 0 }
    : undefined;
}

/** Whether `b` is a well-formed CHAT envelope (exactly what `decodeEnvelope` accepts as one). */
const isChatEnvelope = (b: Uint8Array): boolean =>
  b[0] === KIND_CODE.chat &&
  b.length >= CHAT_ENVELOPE_HEADER_BYTES &&
  b.length === CHAT_ENVELOPE_HEADER_BYTES + readU32(b, 17);

/** The sender of a CHAT envelope, read in place; undefined when `b` is not one. */
export function chatSender(b: Uint8Array): number | undefined {
  return isChatEnvelope(b) ? readU32(b, 5) : undefined;
}

/** The key that names one delivery to one recipient: the chat itself or one of its receipts. */
export function deliveryKey(e: Envelope): string | undefined {
  if (e.kind === 'chat') return `c${e.msg}`;
  if (e.kind === 'receipt') return `${e.status === 'delivered' ? 'd' : 'r'}${e.msg}`;
  return undefined;
}

/** The key an ack refers to. */
export const ackKey = (msg: number, what: DeliveryWhat): string =>
  `${what === 'chat' ? 'c' : what === 'delivered' ? 'd' : 'r'}${msg}`;

/** What an envelope delivery is, for the recipient's ack. */
export const deliveryWhat = (e: Envelope): DeliveryWhat =>
  e.kind === 'receipt' ? e.status : 'chat';
