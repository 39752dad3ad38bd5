/** HTTP/1.x message bodies: which framing RFC 9112 §6.3 gives, and the chunked coding (§7.1). */
import { ByteReader, badOffset, catchDecode, failAt, utf8Encode } from '../../model/bytes';
import { decodeOk, type DecodeResult } from '../../model/decode-result';
import { decodeHttpHead, headerValue } from './codec';
import type { DecodedHttpHead, DecodedHttpMessage, HttpBodyFraming } from './messages';

/** Hex digits a chunk size may have here: 15 keeps it an exact integer (2^60 bytes). */
const MAX_CHUNK_SIZE_DIGITS = 15;

/** What the caller may leave out: a capture often holds a head whose body never arrived. */
export interface HttpDecodeOptions {
  /** Accept a head with nothing after it even when a body should follow (default false). */
  headAlone?: boolean;
}

/**
 * Decodes a head and its body as RFC 9112 §6.3 frames it: no body, Content-Length, chunked, or
 * (a response with neither) everything up to the connection's close, i.e. the rest of `bytes`.
 * A truncated body is an error; with `headAlone`, a head followed by nothing is accepted.
 */
export function decodeHttpMessage(
  bytes: Uint8Array,
  offset = 0,
  options: HttpDecodeOptions = {},
): DecodeResult<DecodedHttpMessage> {
  const bad = badOffset<DecodedHttpMessage>(bytes, offset);
  if (bad) return bad;
  const head = decodeHttpHead(bytes, offset);
  if (!head.ok) return head;
  const bodyAt = offset + head.value.headBytes;
  return catchDecode(() => {
    const framing = bodyFraming(head.value, bodyAt);
    const msg = { head: head.value, framing, body: new Uint8Array(0), bodyArrived: true };
    const used = (end: number): number => end - offset;
    if (framing.kind === 'none') return decodeOk(msg, used(bodyAt));
    if (bodyAt === bytes.length && options.headAlone && framing.kind !== 'close-delimited') {
      return decodeOk({ ...msg, bodyArrived: false }, used(bodyAt));
    }
    if (framing.kind === 'close-delimited') {
      return decodeOk({ ...msg, body: bytes.subarray(bodyAt) }, used(bytes.length));
    }
    if (framing.kind === 'content-length') {
      const r = new ByteReader(bytes, bodyAt, bytes.length);
      const body = r.take(framing.bodyBytes, `body (Content-Length ${framing.bodyBytes})`);
      return decodeOk({ ...msg, body }, used(r.pos));
    }
    const c = decodeChunkedBody(bytes, bodyAt);
    const { body, end, ...chunked } = c;
    return decodeOk({ ...msg, body, chunked }, used(end));
  });
}

/** The framing in words, for the inspector: `Content-Length: 51 B`, `chunked: 7 + 9 + 0 B`. */
export function describeFraming(m: DecodedHttpMessage): string {
  const f = m.framing;
  const pending = m.bodyArrived ? '' : ' (not arrived yet)';
  if (f.kind === 'none') return `no body: ${f.why}`;
  if (f.kind === 'content-length') return `Content-Length: ${f.bodyBytes} B${pending}`;
  if (f.kind === 'close-delimited') return 'until the connection closes (RFC 9112 §6.3 rule 8)';
  const sizes = m.chunked ? `: ${m.chunked.chunkSizes.join(' + ')} B` : pending;
  return `${f.codings.join(', ')}${sizes}`;
}

/** RFC 9112 §6.3, rules 1–8 in order (rule 2, a tunnel after CONNECT, needs the request). */
export function bodyFraming(head: DecodedHttpHead, at: number): HttpBodyFraming {
  const s = head.status;
  if (s !== undefined && (s < 200 || s === 204 || s === 304)) {
    return { kind: 'none', why: `a ${s} response has no body (RFC 9112 §6.3 rule 1)` };
  }
  const te = headerValue(head.headers, 'transfer-encoding');
  const cl = headerValue(head.headers, 'content-length');
  if (te !== undefined) {
    if (head.startLine.includes('HTTP/1.0')) {
      failAt('Transfer-Encoding in an HTTP/1.0 message: framing is faulty (RFC 9112 §6.1)', at);
    }
    if (cl !== undefined) {
      failAt('both Transfer-Encoding and Content-Length: a smuggling risk (RFC 9112 §6.1)', at);
    }
    const codings = te.split(',').map((c) => c.trim().toLowerCase());
    if (codings.some((c) => c === '')) failAt('empty Transfer-Encoding coding (RFC 9112 §6.1)', at);
    if (codings.filter((c) => c === 'chunked').length > 1) {
      failAt('chunked applied more than once (RFC 9112 §7)', at);
    }
    if (codings[codings.length - 1] === 'chunked') return { kind: 'chunked', codings };
    if (head.kind === 'request') {
      failAt(
        'a request whose Transfer-Encoding does not end in chunked (RFC 9112 §6.3 rule 4)',
        at,
      );
    }
    return { kind: 'close-delimited' };
  }
  if (cl !== undefined) {
    // RFC 9110 §8.6: 1*DIGIT; a list of identical values may be treated as one.
    const values = new Set(cl.split(',').map((v) => v.trim()));
    const [only] = values;
    if (values.size !== 1 || only === undefined || !/^[0-9]{1,15}$/.test(only)) {
      failAt(`invalid Content-Length ${JSON.stringify(cl)} (RFC 9112 §6.3 rule 5)`, at);
    }
    return { kind: 'content-length', bodyBytes: Number(only) };
  }
  if (head.kind === 'request') {
    return { kind: 'none', why: 'a request without a length has no body (RFC 9112 §6.3 rule 7)' };
  }
  return { kind: 'close-delimited' };
}

/** One line ending in CRLF starting at `at`; returns its text (one char per byte) and its end. */
function crlfLine(bytes: Uint8Array, at: number, what: string): { text: string; next: number } {
  const lf = bytes.indexOf(0x0a, at);
  if (lf < 0) failAt(`truncated: ${what} has no CRLF yet (RFC 9112 §7.1)`, bytes.length);
  if (lf === at || bytes[lf - 1] !== 0x0d) failAt(`${what} ends in a bare LF (RFC 9112 §7.1)`, lf);
  let text = '';
  for (let i = at; i < lf - 1; i++) text += String.fromCharCode(bytes[i] ?? 0);
  return { text, next: lf + 1 };
}

/** RFC 9112 §7.1: chunk-size [chunk-ext] CRLF data CRLF …, last-chunk, trailer fields, CRLF. */
function decodeChunkedBody(bytes: Uint8Array, at: number) {
  const chunkSizes: number[] = [];
  const parts: Uint8Array[] = [];
  let pos = at;
  for (;;) {
    const line = crlfLine(bytes, pos, 'chunk-size line');
    const size = /^[0-9A-Fa-f]+/.exec(line.text)?.[0] ?? '';
    const ext = line.text.slice(size.length);
    if (size === '' || size.length > MAX_CHUNK_SIZE_DIGITS || !/^([ \t]*;.*)?$/.test(ext)) {
      failAt(
        `bad chunk size ${JSON.stringify(line.text)}: hex digits expected (RFC 9112 §7.1)`,
        pos,
      );
    }
    const n = parseInt(size, 16);
    chunkSizes.push(n);
    pos = line.next;
    if (n === 0) break;
    const r = new ByteReader(bytes, pos, bytes.length);
    parts.push(r.take(n, `chunk data (${n} B)`));
    if (bytes[r.pos] !== 0x0d || bytes[r.pos + 1] !== 0x0a) {
      if (r.pos + 2 > bytes.length) failAt('truncated: chunk data needs its CRLF', bytes.length);
      failAt(`chunk data is longer than its size ${n} (RFC 9112 §7.1)`, r.pos);
    }
    pos = r.pos + 2;
  }
  // The trailer section is field lines then an empty line, parsed with the head's own rules.
  const trailerHead = utf8Encode('HTTP/1.1 200 T\r\n');
  const tail = new Uint8Array(trailerHead.length + bytes.length - pos);
  tail.set(trailerHead);
  tail.set(bytes.subarray(pos), trailerHead.length);
  const t = decodeHttpHead(tail);
  if (!t.ok)
    failAt(`trailer section: ${t.error.message}`, pos + t.error.offset - trailerHead.length);
  const end = pos + t.length - trailerHead.length;
  const body = new Uint8Array(parts.reduce((a, p) => a + p.length, 0));
  parts.reduce((o, p) => (body.set(p, o), o + p.length), 0);
  return { chunkSizes, trailers: t.value.headers, body, end };
}
