// Proves the `decode` subcommand: one JSON line per packet, exit 2 with one stderr line on bad
// input, and the stdin mode.
import { describe, expect, it } from 'vitest';
import { runDecode } from '../../src/cli/decode';

async function run(argv: string[], stdinLines: string[] = []) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runDecode(argv, {
    stdout: (l) => out.push(l),
    stderr: (l) => err.push(l),
    readStdinLines: async function* () {
      yield* stdinLines;
    },
  });
  return { code, out, err, json: out.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe('decode <protocol> <hex>', () => {
  it('MQTT: type, fields, payload as hex + utf8, total bytes', async () => {
    const r = await run(['mqtt', '32 0d 00 07 63 68 61 74 2f 75 31 00 2a 68 69']);
    expect(r.code).toBe(0);
    expect(r.err).toEqual([]);
    expect(r.out).toHaveLength(1);
    expect(r.json[0]).toEqual({
      type: 'PUBLISH',
      dup: false,
      qos: 1,
      retain: false,
      topic: 'chat/u1',
      packetId: 42,
      payload: { hex: '6869', utf8: 'hi' },
      bytes: 15,
    });
  });

  it('MQTT CONNECT and CONNACK fields', async () => {
    const connect = await run(['mqtt', '100f00044d5154540402003c0003616263']);
    expect(connect.json[0]).toMatchObject({
      type: 'CONNECT',
      clientId: 'abc',
      keepAlive: 60,
      cleanSession: true,
      bytes: 17,
    });
    const connack = await run(['mqtt', '20:02:01:00']);
    const want = { type: 'CONNACK', sessionPresent: true, returnCode: 0, bytes: 4 };
    expect(connack.json[0]).toEqual(want);
  });

  it('binary payloads get hex only', async () => {
    const r = await run(['ws', '82 02 ff fe']);
    expect(r.json[0]).toEqual({
      fin: true,
      rsv: 0,
      opcode: 'binary',
      masked: false,
      payloadLength: 2,
      payload: { hex: 'fffe' },
      bytes: 4,
    });
  });

  it('WebSocket: the RFC masked "Hello" is shown unmasked', async () => {
    const r = await run(['ws', '81 85 37 fa 21 3d 7f 9f 4d 51 58']);
    expect(r.json[0]).toMatchObject({
      fin: true,
      opcode: 'text',
      masked: true,
      maskKey: { hex: '37fa213d' },
      payloadLength: 5,
      payload: { hex: '48656c6c6f', utf8: 'Hello' },
      bytes: 11,
    });
  });

  it('HTTP: start line, headers, head size and body', async () => {
    const hex = Buffer.from('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok').toString('hex');
    const r = await run(['http', hex]);
    expect(r.json[0]).toEqual({
      kind: 'response',
      startLine: 'HTTP/1.1 200 OK',
      headers: [['Content-Length', '2']],
      headBytes: 38,
      status: 200,
      reason: 'OK',
      framing: { kind: 'content-length', bodyBytes: 2 },
      body: { hex: '6f6b', utf8: 'ok' },
      bytes: 40,
    });
  });

  it('HTTP: a head alone says how many body bytes are still to come', async () => {
    const hex = Buffer.from('HTTP/1.1 200 OK\r\nContent-Length: 51\r\n\r\n').toString('hex');
    const r = await run(['http', hex]);
    expect(r.json[0]).toMatchObject({
      framing: { kind: 'content-length', bodyBytes: 51 },
      bodyArrived: false,
      bytes: 39,
    });
  });

  it('HTTP: a chunked response lists its chunk sizes', async () => {
    const wire = 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nok\r\n0\r\n\r\n';
    const r = await run(['http', Buffer.from(wire).toString('hex')]);
    expect(r.json[0]).toMatchObject({
      framing: { kind: 'chunked', codings: ['chunked'] },
      chunkSizes: [2, 0],
      trailers: [],
      body: { utf8: 'ok' },
    });
  });

  it('HTTP: a request with no Host is refused with its clause', async () => {
    const r = await run(['http', Buffer.from('GET / HTTP/1.1\r\n\r\n').toString('hex')]);
    expect(r.code).toBe(2);
    expect(r.err).toEqual([
      'decode http: at byte 0: HTTP/1.1 request has no Host field (RFC 9112 §3.2)',
    ]);
  });

  it('a malformed packet: exit 2, one stderr line naming the byte', async () => {
    const r = await run(['mqtt', '30 ff ff ff ff 01']);
    expect(r).toMatchObject({ code: 2, out: [] });
    const line =
      'decode mqtt: at byte 4: remaining length uses more than 4 bytes (max 268,435,455)';
    expect(r.err).toEqual([line]);
  });

  it('bad hex: exit 2 with the character position', async () => {
    const r = await run(['ws', '81 0x']);
    expect(r.code).toBe(2);
    expect(r.err).toEqual(['decode ws: bad hex at char 4: "x" is not a hex digit (position 4)']);
  });

  it('bytes after the packet are an error', async () => {
    const r = await run(['mqtt', 'c0 00 c0']);
    expect(r.code).toBe(2);
    expect(r.err[0]).toBe(
      'decode mqtt: at byte 2: 1 byte(s) left after the first packet (give one packet per line)',
    );
  });

  const badArgs: string[][] = [[], ['mqtt'], ['smtp', '00'], ['ws', '00', 'extra']];
  it.each(badArgs.map((a) => [a]))('usage error for %j', async (argv) => {
    const r = await run(argv);
    expect(r.code).toBe(2);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toMatch(/^usage: decode <mqtt\|ws\|http>/);
  });
});

describe('decode <protocol> -', () => {
  it('one JSON line per packet, errors inline with line numbers, blank lines skipped', async () => {
    const r = await run(['mqtt', '-'], ['c0 00', '', '   ', '30 ff ff ff ff 01', 'zz', 'd0 00']);
    expect(r.code).toBe(0);
    expect(r.err).toEqual([]);
    expect(r.json).toEqual([
      { type: 'PINGREQ', bytes: 2, line: 1 },
      { error: 'at byte 4: remaining length uses more than 4 bytes (max 268,435,455)', line: 4 },
      { error: 'bad hex at char 0: "z" is not a hex digit (position 0)', line: 5 },
      { type: 'PINGRESP', bytes: 2, line: 6 },
    ]);
  });

  it('empty stdin prints nothing and exits 0', async () => {
    expect(await run(['ws', '-'], [])).toMatchObject({ code: 0, out: [], err: [] });
  });
});
