/** The WebSocket opening handshake (RFC 6455 §1.3, §4.1, §4.2) built on the HTTP/1.1 heads. */
import { sha1 } from '@noble/hashes/legacy.js';
import { utf8Encode } from '../../model/bytes';
import { headerValue } from '../http/codec';
import type { HttpHeaders, HttpRequestHead, HttpResponseHead } from '../http/messages';

/** §1.3: the fixed GUID appended to the client's key before hashing. */
const WS_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
/** §4.1: the key is a base64-encoded 16-byte nonce, hence 22 characters and "==". */
const KEY_PATTERN = /^[A-Za-z0-9+/]{22}==$/;

/** Standard padded base64 (RFC 4648 §4); btoa is not available in the engine. */
export function base64Encode(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] ?? 0;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += BASE64_ALPHABET[n >> 18] ?? '';
    out += BASE64_ALPHABET[(n >> 12) & 63] ?? '';
    out += b === undefined ? '=' : (BASE64_ALPHABET[(n >> 6) & 63] ?? '');
    out += c === undefined ? '=' : (BASE64_ALPHABET[n & 63] ?? '');
  }
  return out;
}

/** Sec-WebSocket-Accept for a key: base64(SHA-1(key + GUID)) (§1.3, §4.2.2 item 5.4). */
export function websocketAccept(key: string): string {
  return base64Encode(sha1(utf8Encode(key + WS_GUID)));
}

/** The client's opening GET, in the header order of the §1.2 example. */
export function buildUpgradeRequest(o: {
  host: string;
  path: string;
  key: string;
  origin?: string;
  protocol?: string;
  extraHeaders?: [string, string][];
}): HttpRequestHead {
  const headers: HttpHeaders = [
    ['Host', o.host],
    ['Upgrade', 'websocket'],
    ['Connection', 'Upgrade'],
    ['Sec-WebSocket-Key', o.key],
  ];
  if (o.origin !== undefined) headers.push(['Origin', o.origin]);
  if (o.protocol !== undefined) headers.push(['Sec-WebSocket-Protocol', o.protocol]);
  headers.push(['Sec-WebSocket-Version', '13'], ...(o.extraHeaders ?? []));
  return { method: 'GET', target: o.path, version: 'HTTP/1.1', headers };
}

/** The server's 101 answer accepting a key, optionally choosing one subprotocol (§4.2.2). */
export function buildUpgradeResponse(key: string, protocol?: string): HttpResponseHead {
  const headers: HttpHeaders = [
    ['Upgrade', 'websocket'],
    ['Connection', 'Upgrade'],
    ['Sec-WebSocket-Accept', websocketAccept(key)],
  ];
  if (protocol !== undefined) headers.push(['Sec-WebSocket-Protocol', protocol]);
  return { version: 'HTTP/1.1', status: 101, reason: 'Switching Protocols', headers };
}

/** Whether a comma-separated header holds a token, ignoring case (RFC 9110 §5.6.1, §7.6.1). */
function hasToken(headers: HttpHeaders, name: string, token: string): boolean {
  const value = headerValue(headers, name) ?? '';
  return value.split(',').some((t) => t.trim().toLowerCase() === token);
}

/** Checks a client's opening handshake as a server must (§4.2.1 items 1–6). */
export function validateUpgradeRequest(
  head: HttpRequestHead,
): { ok: true; key: string } | { ok: false; reason: string } {
  const fail = (reason: string): { ok: false; reason: string } => ({ ok: false, reason });
  if (head.method !== 'GET') {
    return fail(`method is ${head.method}; the handshake must be a GET (§4.2.1 item 1)`);
  }
  if (head.version !== 'HTTP/1.1') return fail('the handshake must be HTTP/1.1 (§4.2.1 item 1)');
  if (headerValue(head.headers, 'host') === undefined) {
    return fail('missing Host header (§4.2.1 item 2)');
  }
  if (!hasToken(head.headers, 'upgrade', 'websocket')) {
    return fail('Upgrade header must include "websocket" (§4.2.1 item 3)');
  }
  if (!hasToken(head.headers, 'connection', 'upgrade')) {
    return fail('Connection header must include "Upgrade" (§4.2.1 item 4)');
  }
  const key = headerValue(head.headers, 'sec-websocket-key')?.trim();
  if (key === undefined) return fail('missing Sec-WebSocket-Key (§4.2.1 item 5)');
  if (!KEY_PATTERN.test(key)) {
    return fail('Sec-WebSocket-Key must be base64 of 16 bytes (§4.2.1 item 5)');
  }
  const version = headerValue(head.headers, 'sec-websocket-version')?.trim();
  // §4.2.2 item 4: any other version is answered with 426 and the versions we speak.
  if (version !== '13') {
    return fail(`Sec-WebSocket-Version is ${version ?? 'missing'}; it must be 13 (§4.2.1 item 6)`);
  }
  return { ok: true, key };
}
