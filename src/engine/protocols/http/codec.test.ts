// Proves the HTTP/1.1 codec: exact CRLF layout, round trips, Content-Length bodies and a precise
// error for each RFC 9112 rule.
import { decodeHttpMessage } from './body';
import { describe, expect, it } from 'vitest';
import { HTTP_SAMPLES } from '../../../../test/protocols/samples';
import { utf8Encode } from '../../model/bytes';
import { decodeHttpHead, encodeHttpRequest, encodeHttpResponse, headerValue } from './codec';
import type { HttpRequestHead, HttpResponseHead } from './messages';

const text = (b: Uint8Array): string => Buffer.from(b).toString('latin1');

describe('encode', () => {
  it('writes CRLF lines, an empty line, then the body', () => {
    const headers: [string, string][] = [
      ['Host', 'a'],
      ['X-N', '1'],
    ];
    const head: HttpRequestHead = { method: 'GET', target: '/poll', version: 'HTTP/1.1', headers };
    expect(text(encodeHttpRequest(head))).toBe('GET /poll HTTP/1.1\r\nHost: a\r\nX-N: 1\r\n\r\n');
    const res: HttpResponseHead = { version: 'HTTP/1.1', status: 200, reason: 'OK', headers: [] };
    res.headers.push(['Content-Length', '2']);
    const wire = text(encodeHttpResponse(res, utf8Encode('ok')));
    expect(wire).toBe('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok');
  });

  it('refuses header injection and bad tokens', () => {
    const headers: [string, string][] = [['X', 'a\r\nEvil: 1']];
    const head: HttpRequestHead = { method: 'GET', target: '/', version: 'HTTP/1.1', headers };
    expect(() => encodeHttpRequest(head)).toThrow(RangeError);
    expect(() => encodeHttpRequest({ ...head, headers: [['Bad Name', 'v']] })).toThrow(RangeError);
    expect(() => encodeHttpRequest({ ...head, headers: [], method: 'G T' })).toThrow(RangeError);
    const status42: HttpResponseHead = { version: 'HTTP/1.1', status: 42, reason: '', headers: [] };
    expect(() => encodeHttpResponse(status42)).toThrow(RangeError);
  });
});

describe('decode', () => {
  it('splits a request head', () => {
    const bytes = utf8Encode(HTTP_SAMPLES[0] ?? '');
    expect(decodeHttpHead(bytes)).toEqual({
      ok: true,
      length: 230,
      value: {
        kind: 'request',
        startLine: 'GET /chat HTTP/1.1',
        method: 'GET',
        target: '/chat',
        headBytes: 230,
        headers: [
          ['Host', 'server.example.com'],
          ['Upgrade', 'websocket'],
          ['Connection', 'Upgrade'],
          ['Sec-WebSocket-Key', 'dGhlIHNhbXBsZSBub25jZQ=='],
          ['Origin', 'http://example.com'],
          ['Sec-WebSocket-Protocol', 'chat, superchat'],
          ['Sec-WebSocket-Version', '13'],
        ],
      },
    });
  });

  it('splits a response head and trims optional whitespace', () => {
    const wire = 'HTTP/1.1 404 Not Found\r\nA:  x y \t\r\nB:\r\nC: ü\r\n\r\n';
    const r = decodeHttpHead(utf8Encode(wire));
    const headers = [
      ['A', 'x y'],
      ['B', ''],
      ['C', 'ü'],
    ];
    const value = { kind: 'response', status: 404, reason: 'Not Found', headers };
    expect(r).toMatchObject({ ok: true, value });
  });

  it('accepts an empty reason phrase, with or without its space', () => {
    const value = { status: 204, reason: '' };
    expect(decodeHttpHead(utf8Encode('HTTP/1.1 204 \r\n\r\n'))).toMatchObject({ ok: true, value });
    expect(decodeHttpHead(utf8Encode('HTTP/1.1 204\r\n\r\n'))).toMatchObject({ ok: true, value });
  });

  it('round-trips every sample message, back to back', () => {
    const all = utf8Encode(HTTP_SAMPLES.join(''));
    let at = 0;
    for (const sample of HTTP_SAMPLES) {
      const r = decodeHttpMessage(all, at);
      if (!r.ok) throw new Error(r.error.message);
      expect(r.length).toBe(utf8Encode(sample).length);
      const { kind, method = '', target = '', status = 0, reason = '', headers } = r.value.head;
      const version = 'HTTP/1.1';
      const head =
        kind === 'request'
          ? encodeHttpRequest({ method, target, version, headers }, r.value.body)
          : encodeHttpResponse({ version, status, reason, headers }, r.value.body);
      expect(text(head)).toBe(sample.replace('X-Empty:', 'X-Empty: '));
      at += r.length;
    }
    expect(at).toBe(all.length);
  });

  it('frames bodies by Content-Length', () => {
    const msg = (h: string, b = ''): Uint8Array => utf8Encode(`${h}\r\n\r\n${b}`);
    const length = (h: string, b = ''): number | string => {
      const r = decodeHttpMessage(msg(h, b));
      return r.ok ? r.length : r.error.message;
    };
    expect(length('POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3', 'abcdef')).toBe(50);
    expect(length('GET / HTTP/1.1\r\nHost: a', 'extra')).toBe(27);
    expect(length('HTTP/1.1 304 Not Modified\r\nContent-Length: 9')).toBe(48);
    expect(length('HTTP/1.1 200 OK\r\nContent-Length: 2, 2', 'ok')).toBe(43);
  });

  it('headerValue ignores case and joins repeats', () => {
    const h: [string, string][] = [
      ['Accept', 'a'],
      ['X', '1'],
      ['accept', 'b'],
    ];
    expect(headerValue(h, 'ACCEPT')).toBe('a, b');
    expect(headerValue(h, 'missing')).toBeUndefined();
  });
});

describe('errors', () => {
  const GET = 'GET / HTTP/1.1\r\n';
  const cases: [string, string, string, number][] = [
    ['no empty line yet', 'GET / HTTP/1.1\r\nHost: a\r\n', 'truncated: no empty line', 25],
    ['bare LF', 'GET / HTTP/1.1\nHost: a\r\n\r\n', 'bare LF', 14],
    ['empty start line', '\r\nGET / HTTP/1.1\r\n\r\n', 'empty start line', 0],
    ['request line without version', 'GET /\r\n\r\n', 'no HTTP version', 5],
    ['bad char in method', 'GE@T / HTTP/1.1\r\n\r\n', 'method contains a forbidden byte 0x40', 2],
    ['control in target', 'GET /a\x01 HTTP/1.1\r\n\r\n', 'contains a forbidden byte 0x01', 6],
    ['HTTP/2.0', 'GET / HTTP/2.0\r\n\r\n', 'unsupported HTTP version', 6],
    ['garbage version', 'GET / HTTX/1.1\r\n\r\n', 'malformed HTTP version', 6],
    ['status 99', 'HTTP/1.1 099 Nope\r\n\r\n', 'status code "099"', 9],
    ['header without colon', 'GET / HTTP/1.1\r\nHost a\r\n\r\n', 'has no colon', 16],
    ['space inside a name', 'GET / HTTP/1.1\r\nHo st: a\r\n\r\n', 'non-token byte 0x20', 18],
    ['header name only', 'GET / HTTP/1.1\r\nHost\r\n\r\n', 'has no colon', 16],
    ['space before colon', `${GET}Host : a\r\n\r\n`, 'whitespace between header name', 20],
    ['obs-fold', 'GET / HTTP/1.1\r\nA: b\r\n  c\r\n\r\n', 'obsolete line folding', 22],
    ['empty name', 'GET / HTTP/1.1\r\n: b\r\n\r\n', 'empty name', 16],
    ['NUL in value', `${GET}A: b\x00c\r\n\r\n`, 'value contains a forbidden byte 0x00', 20],
    ['bare CR in value', 'GET / HTTP/1.1\r\nA: b\rc\r\n\r\n', 'forbidden byte 0x0d', 20],
  ];

  it.each(cases)('%s', (_, msg, message, offset) => {
    const r = decodeHttpHead(new Uint8Array(Buffer.from(msg, 'latin1')));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.message).toContain(message);
    expect(r.error.offset).toBe(offset);
  });

  it('a head over 64 KiB without an empty line is refused, not buffered', () => {
    const big = utf8Encode(`GET / HTTP/1.1\r\nX: ${'a'.repeat(70000)}\r\n\r\n`);
    const r = decodeHttpHead(big);
    const message = 'head exceeds 64 KiB without an empty line';
    expect(!r.ok && r.error).toEqual({ message, offset: 65536 });
  });

  const POST = 'POST / HTTP/1.1\r\nHost: a\r\n';
  const bodyCases: [string, string, string][] = [
    ['truncated body', `${POST}Content-Length: 10\r\n\r\nabc`, 'truncated: body (Content-Le'],
    ['bad Content-Length', `${POST}Content-Length: 1x\r\n\r\n`, 'invalid Content-Length "1x"'],
    ['conflicting', `${POST}Content-Length: 1\r\nContent-Length: 2\r\n\r\nab`, 'Length "1, 2"'],
    ['TE and CL', `${POST}Transfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n`, '§6.1'],
  ];

  it.each(bodyCases)('%s', (_, msg, message) => {
    const r = decodeHttpMessage(utf8Encode(msg));
    expect(!r.ok && r.error.message).toContain(message);
  });
});
