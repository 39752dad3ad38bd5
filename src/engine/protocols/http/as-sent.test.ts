// Proves the decoder reads HTTP as servers send it (written byte for byte from RFC 9112's examples
// and from real captures) and refuses what RFC 9112 forbids, naming the clause.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toHex } from '../../model/bytes';
import { decodeHttpMessage, describeFraming } from './body';
import { encodeHttpRequest, encodeHttpResponse } from './codec';
import { clientRequestHead, gatewayResponseHead } from './realistic-headers';

const bytes = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'latin1'));
const decode = (s: string) => decodeHttpMessage(bytes(s), 0, { headAlone: true });

describe('real responses', () => {
  it('RFC 9112 §7.1 style chunked body with a trailer, as nginx sends it', () => {
    const wire =
      'HTTP/1.1 200 OK\r\nServer: nginx/1.24.0\r\nDate: Tue, 01 Oct 2024 10:00:00 GMT\r\n' +
      'Content-Type: text/plain\r\nTransfer-Encoding: chunked\r\nConnection: keep-alive\r\n\r\n' +
      '7\r\nMozilla\r\n11;note=x\r\nDeveloper Network\r\n0\r\nExpires: Wed, 21 Oct 2015 07:28:00 GMT\r\n\r\n';
    const r = decode(wire);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.length).toBe(wire.length);
    expect(Buffer.from(r.value.body).toString()).toBe('MozillaDeveloper Network');
    expect(r.value.chunked).toEqual({
      chunkSizes: [7, 17, 0],
      trailers: [['Expires', 'Wed, 21 Oct 2015 07:28:00 GMT']],
    });
    expect(describeFraming(r.value)).toBe('chunked: 7 + 17 + 0 B');
  });

  it('a head whose body has not arrived says how many bytes follow', () => {
    const r = decode('HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 51\r\n\r\n');
    expect(r).toMatchObject({ ok: true, length: 64 });
    if (!r.ok) return;
    expect(r.value.framing).toEqual({ kind: 'content-length', bodyBytes: 51 });
    expect(r.value.bodyArrived).toBe(false);
    // Without headAlone (the engine's own use) the missing body is a truncation.
    const strict = decodeHttpMessage(bytes('HTTP/1.1 200 OK\r\nContent-Length: 51\r\n\r\n'));
    expect(!strict.ok && strict.error.message).toContain('truncated');
  });

  it('an HTTP/1.0 response runs until the close', () => {
    const wire = 'HTTP/1.0 200 OK\r\nServer: SimpleHTTP/0.6 Python/3.12.3\r\n\r\n<html>hi</html>\n';
    const r = decode(wire);
    expect(r).toMatchObject({
      ok: true,
      length: wire.length,
      value: { framing: { kind: 'close-delimited' } },
    });
    expect(r.ok && Buffer.from(r.value.body).toString()).toBe('<html>hi</html>\n');
  });

  it('a 304 has no body even with a Content-Length (§6.3 rule 1)', () => {
    const wire = 'HTTP/1.1 304 Not Modified\r\nETag: "5f1a"\r\nContent-Length: 1234\r\n\r\n';
    const r = decode(wire);
    expect(r).toMatchObject({
      ok: true,
      length: wire.length,
      value: { framing: { kind: 'none' } },
    });
  });

  it('a HEAD response: Content-Length and no body', () => {
    const r = decode('HTTP/1.1 200 OK\r\nContent-Length: 12345\r\nAccept-Ranges: bytes\r\n\r\n');
    expect(r).toMatchObject({ ok: true, value: { bodyArrived: false } });
  });

  it('OPTIONS *, CONNECT host:port and absolute-form are valid targets (§3.2)', () => {
    for (const line of ['OPTIONS *', 'CONNECT www.example.com:80', 'GET http://a/b']) {
      expect(decode(`${line} HTTP/1.1\r\nHost: a\r\n\r\n`).ok).toBe(true);
    }
    expect(decode('GET / HTTP/1.0\r\n\r\n').ok).toBe(true);
  });
});

describe('what RFC 9112 forbids', () => {
  const cases: [string, string, string][] = [
    ['no Host', 'GET / HTTP/1.1\r\n\r\n', 'no Host field (RFC 9112 §3.2)'],
    ['two Hosts', 'GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n', '2 Host fields'],
    ['GET :', 'GET : HTTP/1.1\r\nHost: a\r\n\r\n', '(RFC 9112 §3.2)'],
    ['GET *', 'GET * HTTP/1.1\r\nHost: a\r\n\r\n', '§3.2.4'],
    [
      'TE and CL',
      'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n',
      '§6.1',
    ],
    ['TE in 1.0', 'HTTP/1.0 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n', '§6.1'],
    ['chunked twice', 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked, chunked\r\n\r\n', '§7'],
    [
      'gzip-only request',
      'POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip\r\n\r\n',
      'rule 4',
    ],
    [
      'hex size 0x',
      'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0x2\r\nok\r\n0\r\n\r\n',
      'bad chunk size "0x2"',
    ],
    ['negative size', 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n-1\r\n\r\n', '§7.1'],
    [
      'size too small',
      'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nok\r\n0\r\n\r\n',
      'longer than its size',
    ],
    ['obs-fold', 'HTTP/1.1 200 OK\r\nA: b\r\n c\r\n\r\n', '§5.2'],
    ['space before colon', 'HTTP/1.1 200 OK\r\nA : b\r\n\r\n', '§5.1'],
    ['bad Content-Length', 'HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n', 'rule 5'],
  ];
  it.each(cases)('%s', (_, wire, clause) => {
    const r = decode(wire);
    expect(!r.ok && r.error.message).toContain(clause);
  });
});

describe('properties', () => {
  it('any bytes: a value or a clear error, never a throw', () => {
    const prefix = fc.constantFrom('', 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n');
    fc.assert(
      fc.property(prefix, fc.uint8Array({ maxLength: 200 }), fc.boolean(), (p, tail, headAlone) => {
        const input = new Uint8Array([...bytes(p), ...tail]);
        const r = decodeHttpMessage(input, 0, { headAlone });
        if (r.ok) expect(r.length).toBeLessThanOrEqual(input.length);
        else expect(r.error.message.length).toBeGreaterThan(0);
      }),
      { numRuns: 2000, seed: 9112 },
    );
  });

  it('what the engine sends decodes to what it encoded', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 300 }),
        fc.nat(99_999_999),
        fc.constantFrom(200, 400, 429, 503),
        fc.nat(2 ** 40),
        (body, user, status, nowMs) => {
          const req = clientRequestHead('POST', '/v1/messages', user, body.length);
          const res = gatewayResponseHead(status, 'X', nowMs, 3, body.length);
          for (const [head, wire] of [
            [req, encodeHttpRequest(req, body)],
            [res, encodeHttpResponse(res, body)],
          ] as const) {
            const r = decodeHttpMessage(wire);
            if (!r.ok) throw new Error(r.error.message);
            expect(r.length).toBe(wire.length);
            expect(r.value.head.headers).toEqual(head.headers);
            expect(toHex(r.value.body)).toBe(toHex(body));
            expect(r.value.framing).toEqual({ kind: 'content-length', bodyBytes: body.length });
          }
        },
      ),
      { numRuns: 300, seed: 9113 },
    );
  });
});
