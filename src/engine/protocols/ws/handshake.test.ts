// Proves the opening handshake: RFC 6455 accept value and byte counts, base64 against Node's, and
// the §4.2.1 request checks.
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HTTP_SAMPLES } from '../../../../test/protocols/samples';
import { utf8Encode } from '../../model/bytes';
import {
  decodeHttpHead,
  encodeHttpRequest,
  encodeHttpResponse,
  toRequestHead,
} from '../http/codec';
import type { HttpRequestHead } from '../http/messages';
import {
  base64Encode,
  buildUpgradeRequest,
  buildUpgradeResponse,
  validateUpgradeRequest,
  websocketAccept,
} from './handshake';

const RFC_KEY = 'dGhlIHNhbXBsZSBub25jZQ==';
const rfcRequest = (): HttpRequestHead =>
  buildUpgradeRequest({
    host: 'server.example.com',
    path: '/chat',
    key: RFC_KEY,
    origin: 'http://example.com',
    protocol: 'chat, superchat',
  });

describe('Sec-WebSocket-Accept', () => {
  it('matches the RFC 6455 §1.3 example', () => {
    expect(websocketAccept(RFC_KEY)).toBe('s3pPLMBiTxaQ9kYGzzhZRbK+xOo=');
  });

  it('matches Node crypto for random keys, and base64 matches Buffer', () => {
    const nonces = fc.uint8Array({ minLength: 16, maxLength: 16 });
    fc.assert(
      fc.property(nonces, fc.uint8Array(), (nonce, bytes) => {
        const key = Buffer.from(nonce).toString('base64');
        const guid = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
        const want = createHash('sha1').update(`${key}${guid}`).digest('base64');
        expect(websocketAccept(key)).toBe(want);
        expect(base64Encode(bytes)).toBe(Buffer.from(bytes).toString('base64'));
      }),
      { numRuns: 500, seed: 6455 },
    );
  });
});

describe('handshake heads', () => {
  it('the RFC §1.2 request is 230 B and the response 159 B (FACTS.md §2.1)', () => {
    const req = encodeHttpRequest(rfcRequest());
    expect(Buffer.from(req).toString()).toBe(HTTP_SAMPLES[0]);
    expect(req.length).toBe(230);
    const res = encodeHttpResponse(buildUpgradeResponse(RFC_KEY, 'chat'));
    expect(Buffer.from(res).toString()).toBe(HTTP_SAMPLES[1]);
    expect(res.length).toBe(159);
  });

  it('extra headers go last', () => {
    const extraHeaders: [string, string][] = [['Cookie', 'a=1']];
    const head = buildUpgradeRequest({ host: 'h', path: '/', key: RFC_KEY, extraHeaders });
    expect(head.headers.at(-1)).toEqual(['Cookie', 'a=1']);
    expect(head.headers.map(([n]) => n)).not.toContain('Origin');
  });
});

describe('validateUpgradeRequest (§4.2.1)', () => {
  it('accepts the RFC request, also after a trip through the wire', () => {
    expect(validateUpgradeRequest(rfcRequest())).toEqual({ ok: true, key: RFC_KEY });
    const decoded = decodeHttpHead(utf8Encode(HTTP_SAMPLES[0] ?? ''));
    if (!decoded.ok) throw new Error(decoded.error.message);
    const head = toRequestHead(decoded.value);
    expect(head && validateUpgradeRequest(head)).toEqual({ ok: true, key: RFC_KEY });
  });

  it('accepts token lists and any case', () => {
    const head = rfcRequest();
    head.headers = head.headers.map(([n, v]): [string, string] => {
      if (n === 'Connection') return ['connection', 'keep-alive, UPGRADE'];
      if (n === 'Upgrade') return ['UPGRADE', 'WebSocket'];
      return [n, v];
    });
    expect(validateUpgradeRequest(head)).toMatchObject({ ok: true });
  });

  const drop = (name: string) => (h: HttpRequestHead) => {
    h.headers = h.headers.filter(([n]) => n !== name);
  };
  const set = (name: string, value: string) => (h: HttpRequestHead) => {
    h.headers = h.headers.map(([n, v]) => [n, n === name ? value : v]);
  };
  const broken: [string, (h: HttpRequestHead) => void, string][] = [
    ['POST', (h) => (h.method = 'POST'), 'must be a GET'],
    ['no Host', drop('Host'), 'missing Host'],
    ['no Upgrade', drop('Upgrade'), 'Upgrade header'],
    ['Connection: close', set('Connection', 'close'), 'Connection header'],
    ['no key', drop('Sec-WebSocket-Key'), 'missing Sec-WebSocket-Key'],
    ['short key', set('Sec-WebSocket-Key', 'abc='), 'base64 of 16 bytes'],
    ['version 8', set('Sec-WebSocket-Version', '8'), 'it must be 13'],
  ];

  it.each(broken)('%s', (_, breakIt, reason) => {
    const head = rfcRequest();
    breakIt(head);
    const r = validateUpgradeRequest(head);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toContain(reason);
  });
});
