/** HTTP/1.1 heads: encoding, and decoding with RFC 9112's rules (bodies: body.ts). */
import { badOffset, catchDecode, failAt, utf8Decode, utf8Encode } from '../../model/bytes';
import { decodeOk, type DecodeResult } from '../../model/decode-result';
import {
  HTTP_MAX_HEAD_BYTES,
  type DecodedHttpHead,
  type HttpHeaders,
  type HttpRequestHead,
  type HttpResponseHead,
} from './messages';

const CR = 0x0d;
const LF = 0x0a;
const SP = 0x20;
const HTAB = 0x09;
const TCHAR_SYMBOLS = "!#$%&'*+-.^_`|~";

/** RFC 9110 §5.6.2: token characters. */
function isTchar(c: number): boolean {
  const isAlnum = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  return isAlnum || (c < 0x80 && TCHAR_SYMBOLS.includes(String.fromCharCode(c)));
}
const isVchar = (c: number): boolean => c >= 0x21 && c <= 0x7e;
/** RFC 9110 §5.5: field values (and reason phrases) are VCHAR, SP, HTAB and obs-text. */
const isFieldChar = (c: number): boolean => isVchar(c) || c === SP || c === HTAB || c >= 0x80;
const isToken = (s: string): boolean =>
  s.length > 0 && [...s].every((ch) => isTchar(ch.charCodeAt(0)));
const hex2 = (c: number): string => `0x${c.toString(16).padStart(2, '0')}`;

/** Encodes a request head and optional body; headers are written exactly as given. */
export function encodeHttpRequest(head: HttpRequestHead, body?: Uint8Array): Uint8Array {
  if (!isToken(head.method)) {
    throw new RangeError(`method ${JSON.stringify(head.method)} is not a token`);
  }
  if (![...head.target].every((ch) => isVchar(ch.charCodeAt(0))) || head.target.length === 0) {
    throw new RangeError(`request target ${JSON.stringify(head.target)} must be visible ASCII`);
  }
  return encodeHead(`${head.method} ${head.target} ${head.version}`, head.headers, body);
}

/** Encodes a response head and optional body; headers are written exactly as given. */
export function encodeHttpResponse(head: HttpResponseHead, body?: Uint8Array): Uint8Array {
  if (!Number.isInteger(head.status) || head.status < 100 || head.status > 599) {
    throw new RangeError(`status ${head.status} is not 100–599 (RFC 9110 §15)`);
  }
  if (/[\r\n\0]/.test(head.reason)) throw new RangeError('reason phrase contains CR, LF or NUL');
  return encodeHead(`${head.version} ${head.status} ${head.reason}`, head.headers, body);
}

function encodeHead(startLine: string, headers: HttpHeaders, body?: Uint8Array): Uint8Array {
  let text = `${startLine}\r\n`;
  for (const [name, value] of headers) {
    if (!isToken(name)) throw new RangeError(`header name ${JSON.stringify(name)} is not a token`);
    // Refuse CR/LF in a value: that is how header injection happens.
    if (/[\r\n\0]/.test(value)) throw new RangeError(`header ${name} value contains CR, LF or NUL`);
    text += `${name}: ${value}\r\n`;
  }
  const head = utf8Encode(`${text}\r\n`);
  const out = new Uint8Array(head.length + (body?.length ?? 0));
  out.set(head);
  if (body) out.set(body, head.length);
  return out;
}

/** Case-insensitive lookup; repeated fields are joined with ", " (RFC 9110 §5.3). */
export function headerValue(headers: HttpHeaders, name: string): string | undefined {
  const want = name.toLowerCase();
  const values = headers.filter(([n]) => n.toLowerCase() === want).map(([, v]) => v);
  return values.length === 0 ? undefined : values.join(', ');
}

/** The request head of a decoded HTTP/1.1 request, or undefined for responses and HTTP/1.0. */
export function toRequestHead(d: DecodedHttpHead): HttpRequestHead | undefined {
  if (d.kind !== 'request' || d.method === undefined || d.target === undefined) return undefined;
  if (!d.startLine.endsWith(' HTTP/1.1')) return undefined;
  return { method: d.method, target: d.target, version: 'HTTP/1.1', headers: d.headers };
}

/** Bytes as a string, one char per byte, so string indexes equal byte offsets. */
function latin1(bytes: Uint8Array, start: number, end: number): string {
  let s = '';
  for (let i = start; i < end; i++) s += String.fromCharCode(bytes[i] ?? 0);
  return s;
}

/** Field text as UTF-8 when it is valid UTF-8, else byte by byte (obs-text, RFC 9110 §5.5). */
function fieldText(bytes: Uint8Array, start: number, end: number): string {
  const s = utf8Decode(bytes, start, end);
  return s.ok ? s.value : latin1(bytes, start, end);
}

/**
 * Decodes a head at `offset` up to and including its empty line; `length` = `headBytes`. Lines must
 * end in CRLF; obs-fold, bad tokens and control characters are errors, not repaired.
 */
export function decodeHttpHead(bytes: Uint8Array, offset = 0): DecodeResult<DecodedHttpHead> {
  const bad = badOffset<DecodedHttpHead>(bytes, offset);
  if (bad) return bad;
  return catchDecode(() => {
    const limit = offset + HTTP_MAX_HEAD_BYTES;
    let head: DecodedHttpHead | undefined;
    let pos = offset;
    for (;;) {
      const lf = bytes.subarray(pos, Math.min(bytes.length, limit)).indexOf(LF);
      if (lf < 0) {
        if (bytes.length >= limit) failAt('head exceeds 64 KiB without an empty line', limit);
        failAt(
          'truncated: no empty line (CRLF CRLF) ends the head yet (RFC 9112 §2.1)',
          bytes.length,
        );
      }
      const lineEnd = pos + lf - 1;
      // RFC 9112 §2.2: lines end in CRLF; a bare LF is not accepted here.
      if (lf === 0 || bytes[lineEnd] !== CR) {
        failAt('line ends in a bare LF; HTTP/1.1 needs CRLF (RFC 9112 §2.2)', pos + lf);
      }
      if (lineEnd === pos) {
        if (!head) failAt('empty start line (RFC 9112 §2.1)', pos);
        if (head.kind === 'request') checkHost(head, offset);
        head.headBytes = lineEnd + 2 - offset;
        return decodeOk(head, head.headBytes);
      }
      if (!head) head = parseStartLine(bytes, pos, lineEnd);
      else head.headers.push(parseFieldLine(bytes, pos, lineEnd));
      pos = lineEnd + 2;
    }
  });
}

function parseStartLine(bytes: Uint8Array, start: number, end: number): DecodedHttpHead {
  const line = latin1(bytes, start, end);
  const base = { startLine: line, headers: [], headBytes: 0 };
  if (line.startsWith('HTTP/')) {
    // RFC 9112 §4: status-line = HTTP-version SP status-code SP [ reason-phrase ].
    checkVersion(line.slice(0, 8), start);
    if (line.charCodeAt(8) !== SP)
      failAt('status line needs a space after the version (RFC 9112 §4)', start + 8);
    const code = line.slice(9, 12);
    if (!/^[1-5][0-9][0-9]$/.test(code)) {
      failAt(`status code ${JSON.stringify(code)} is not 100–599 (RFC 9110 §15)`, start + 9);
    }
    if (line.length > 12 && line.charCodeAt(12) !== SP) {
      failAt('status code must be 3 digits then a space (RFC 9112 §4)', start + 12);
    }
    checkChars(bytes, start + 13, end, isFieldChar, 'reason phrase');
    const reason = line.length > 13 ? fieldText(bytes, start + 13, end) : '';
    return { kind: 'response', ...base, status: Number(code), reason };
  }
  // RFC 9112 §3: request-line = method SP request-target SP HTTP-version.
  const sp1 = line.indexOf(' ');
  if (sp1 <= 0) failAt('request line needs "METHOD target HTTP/1.1" (RFC 9112 §3)', start);
  checkChars(bytes, start, start + sp1, isTchar, 'method');
  const sp2 = line.indexOf(' ', sp1 + 1);
  if (sp2 < 0) failAt('request line has no HTTP version after the target (RFC 9112 §3)', end);
  if (sp2 === sp1 + 1) failAt('request target is empty (RFC 9112 §3.2)', start + sp2);
  checkChars(bytes, start + sp1 + 1, start + sp2, isVchar, 'request target');
  checkVersion(line.slice(sp2 + 1), start + sp2 + 1);
  const method = line.slice(0, sp1);
  const target = line.slice(sp1 + 1, sp2);
  checkTargetForm(method, target, start + sp1 + 1);
  return { kind: 'request', ...base, method, target };
}

/** RFC 9112 §3.2: origin-form, absolute-form, authority-form (CONNECT) or asterisk-form (OPTIONS). */
function checkTargetForm(method: string, target: string, at: number): void {
  const t = JSON.stringify(target);
  if (method === 'CONNECT') {
    if (!/^[^/?#@\s]+:[0-9]+$/.test(target)) {
      failAt(`CONNECT needs host:port as its target, not ${t} (RFC 9112 §3.2.3)`, at);
    }
    return;
  }
  if (target === '*') {
    if (method !== 'OPTIONS') failAt('the "*" target is only for OPTIONS (RFC 9112 §3.2.4)', at);
    return;
  }
  if (target.includes('#')) failAt(`request target ${t} has a fragment (RFC 9112 §3.2)`, at);
  if (target.startsWith('/') || /^[A-Za-z][A-Za-z0-9+.-]*:./.test(target)) return;
  failAt(`request target ${t} is neither a path nor an absolute URI (RFC 9112 §3.2)`, at);
}

/** RFC 9112 §3.2: an HTTP/1.1 request has exactly one Host field; no request has two. */
function checkHost(head: DecodedHttpHead, at: number): void {
  const hosts = head.headers.filter(([n]) => n.toLowerCase() === 'host').length;
  if (hosts > 1) failAt(`request has ${hosts} Host fields; one is allowed (RFC 9112 §3.2)`, at);
  if (hosts === 0 && head.startLine.endsWith(' HTTP/1.1')) {
    failAt('HTTP/1.1 request has no Host field (RFC 9112 §3.2)', at);
  }
}

/** RFC 9112 §2.3: HTTP-version = "HTTP/" DIGIT "." DIGIT; only 1.0 and 1.1 are HTTP/1.x. */
function checkVersion(v: string, at: number): void {
  if (!/^HTTP\/[0-9]\.[0-9]$/.test(v)) {
    failAt(`malformed HTTP version ${JSON.stringify(v)} (RFC 9112 §2.3)`, at);
  }
  if (v !== 'HTTP/1.1' && v !== 'HTTP/1.0') {
    failAt(
      `unsupported HTTP version ${v}: this decoder reads HTTP/1.0 and 1.1 (RFC 9112 §2.3)`,
      at,
    );
  }
}

/** Where each checked part's allowed bytes are defined. */
const RULE_OF: Record<string, string> = {
  method: 'RFC 9112 §3.1',
  'request target': 'RFC 9112 §3.2',
  'reason phrase': 'RFC 9112 §4',
  'header value': 'RFC 9112 §5',
};

function checkChars(
  bytes: Uint8Array,
  start: number,
  end: number,
  ok: (c: number) => boolean,
  what: string,
): void {
  for (let i = start; i < end; i++) {
    const c = bytes[i] ?? 0;
    if (!ok(c)) failAt(`${what} contains a forbidden byte ${hex2(c)} (${RULE_OF[what]})`, i);
  }
}

function parseFieldLine(bytes: Uint8Array, start: number, end: number): [string, string] {
  const first = bytes[start] ?? 0;
  // RFC 9112 §5.2: obs-fold (a line starting with SP/HTAB) is rejected rather than unfolded.
  if (first === SP || first === HTAB) {
    failAt('obsolete line folding: the line starts with whitespace (RFC 9112 §5.2)', start);
  }
  const colon = bytes.subarray(start, end).indexOf(0x3a);
  if (colon < 0) failAt('header line has no colon (RFC 9112 §5)', start);
  const i = start + colon;
  if (i === start) failAt('header line has an empty name (RFC 9110 §5.1)', start);
  for (let k = start; k < i; k++) {
    const c = bytes[k] ?? 0;
    if (isTchar(c)) continue;
    // RFC 9112 §5.1: no whitespace is allowed between the field name and the colon.
    const onlyBlanksLeft = bytes.subarray(k, i).every((b) => b === SP || b === HTAB);
    if (onlyBlanksLeft) failAt('whitespace between header name and colon (RFC 9112 §5.1)', k);
    failAt(`header name contains a non-token byte ${hex2(c)} (RFC 9110 §5.1)`, k);
  }
  let vs = i + 1;
  let ve = end;
  while (vs < ve && (bytes[vs] === SP || bytes[vs] === HTAB)) vs++;
  while (ve > vs && (bytes[ve - 1] === SP || bytes[ve - 1] === HTAB)) ve--;
  checkChars(bytes, vs, ve, isFieldChar, 'header value');
  return [latin1(bytes, start, i), fieldText(bytes, vs, ve)];
}
