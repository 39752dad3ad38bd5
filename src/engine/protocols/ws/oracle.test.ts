// Proves byte-for-byte agreement with the `ws` library: Sender.frame = encodeWsFrame, and each side
// parses the other's frames.
import * as wsModule from 'ws';
import { describe, expect, it } from 'vitest';
import { body } from '../../../../test/protocols/samples';
import { decodeWsFrame, encodeWsClose, encodeWsFrame } from './codec';
import { WS_OPCODES, type WsOpcode } from './messages';

// @types/ws does not declare these two; ws's ESM wrapper does export them.
interface FrameOptions {
  fin: boolean;
  opcode: number;
  mask: boolean;
  readOnly: boolean;
  rsv1: boolean;
  maskBuffer?: Buffer;
  generateMask?: (mask: Buffer) => void;
}
interface ReceiverLike {
  on(event: string, listener: (...args: unknown[]) => void): void;
  write(chunk: Buffer): boolean;
}
const { Sender, Receiver } = wsModule as unknown as {
  Sender: { frame(data: Buffer, options: FrameOptions): Buffer[] };
  Receiver: new (options: { isServer: boolean; maxPayload?: number }) => ReceiverLike;
};

const KEY = Uint8Array.of(0xa1, 0x00, 0x5e, 0xff);

function theirFrame(opcode: WsOpcode, payload: Uint8Array, masked: boolean): Uint8Array {
  const parts = Sender.frame(Buffer.from(payload), {
    fin: true,
    opcode: WS_OPCODES[opcode],
    mask: masked,
    readOnly: true,
    rsv1: false,
    maskBuffer: Buffer.alloc(4),
    generateMask: (m) => m.set(KEY),
  });
  return new Uint8Array(Buffer.concat(parts));
}

interface Seen {
  event: string;
  data: Uint8Array;
  code?: number;
}

/** The first thing ws's Receiver reports: an event and its data. Masked frames need isServer. */
async function theirParse(bytes: Uint8Array, masked: boolean): Promise<Seen> {
  const r = new Receiver({ isServer: masked });
  const seen: Seen[] = [];
  r.on('message', (data) => seen.push({ event: 'message', data: new Uint8Array(data as Buffer) }));
  r.on('ping', (data) => seen.push({ event: 'ping', data: new Uint8Array(data as Buffer) }));
  r.on('pong', (data) => seen.push({ event: 'pong', data: new Uint8Array(data as Buffer) }));
  r.on('conclude', (code, reason) => {
    seen.push({ event: 'close', data: new Uint8Array(reason as Buffer), code: code as number });
  });
  r.on('error', (e) => seen.push({ event: `error ${String(e)}`, data: new Uint8Array(0) }));
  r.write(Buffer.from(bytes));
  // Some ws errors are reported on a later tick.
  await new Promise((resolve) => setImmediate(resolve));
  expect(seen.length).toBeGreaterThanOrEqual(1);
  return seen[0] as Seen;
}

const textOf = (n: number): Uint8Array => Uint8Array.from({ length: n }, (_, i) => 0x61 + (i % 26));
const EVENT: Record<WsOpcode, string> = {
  text: 'message',
  binary: 'message',
  ping: 'ping',
  pong: 'pong',
  close: 'close',
  continuation: '-',
};

const cases: [WsOpcode, number, boolean][] = [];
for (const masked of [false, true]) {
  for (const n of [0, 125, 126, 65535, 65536]) {
    cases.push(['text', n, masked], ['binary', n, masked]);
  }
  for (const n of [0, 125]) cases.push(['ping', n, masked], ['pong', n, masked]);
}

describe('ws oracle: data and ping/pong frames', () => {
  it.each(cases)('%s %i B masked=%s', async (opcode, n, masked) => {
    const payload = opcode === 'text' ? textOf(n) : body(n);
    const ours = encodeWsFrame(masked ? { opcode, payload, maskKey: KEY } : { opcode, payload });
    const theirs = theirFrame(opcode, payload, masked);
    expect(Buffer.from(ours).equals(Buffer.from(theirs))).toBe(true);
    const parsed = await theirParse(ours, masked);
    expect(parsed.event).toBe(EVENT[opcode]);
    expect(Buffer.from(parsed.data).equals(Buffer.from(payload))).toBe(true);
    const decoded = decodeWsFrame(theirs);
    if (!decoded.ok) throw new Error(decoded.error.message);
    expect(decoded.value.opcode).toBe(opcode);
    expect(decoded.value.masked).toBe(masked);
    expect(decoded.value.payloadLength).toBe(n);
    expect(Buffer.from(decoded.value.payload).equals(Buffer.from(payload))).toBe(true);
  });
});

describe('ws oracle: close frames', () => {
  const closes: [number, string, boolean][] = [
    [1000, '', false],
    [1001, 'going away', true],
    [4000, 'x'.repeat(123), false],
    [1011, 'ünïcödé', true],
  ];

  it.each(closes)('code %i reason %j masked=%s', async (code, reason, masked) => {
    const ours = encodeWsClose(code, reason, masked ? KEY : undefined);
    const payload = Buffer.concat([Buffer.from([code >> 8, code & 255]), Buffer.from(reason)]);
    const theirs = theirFrame('close', payload, masked);
    expect(Buffer.from(ours).equals(Buffer.from(theirs))).toBe(true);
    const parsed = await theirParse(ours, masked);
    expect(parsed).toMatchObject({ event: 'close', code });
    expect(Buffer.from(parsed.data).toString()).toBe(reason);
    const value = { closeCode: code, closeReason: reason };
    expect(decodeWsFrame(theirs)).toMatchObject({ ok: true, value });
  });

  it('an empty close frame means "no status" (1005) to ws and has no code for us', async () => {
    const ours = encodeWsFrame({ opcode: 'close', payload: new Uint8Array(0) });
    expect(await theirParse(ours, false)).toMatchObject({ event: 'close', code: 1005 });
    const value = { opcode: 'close', payloadLength: 0 };
    expect(decodeWsFrame(ours)).toMatchObject({ ok: true, value });
  });

  it('frames both sides reject: ws and we agree they are errors', async () => {
    const bad = ['88 01 03', '89 7e 00 7e', '83 00', 'c1 00', '81 02 c3 28', '09 00', '88 02 03ed'];
    for (const hex of bad) {
      const bytes = new Uint8Array(Buffer.from(hex.replaceAll(' ', ''), 'hex'));
      const padded = new Uint8Array([...bytes, ...new Uint8Array(126)]);
      expect((await theirParse(padded, false)).event).toMatch(/^error/);
      expect(decodeWsFrame(bytes).ok).toBe(false);
    }
  });

  // §5.2: "the minimal number of bytes MUST be used to encode the length".
  it('a non-minimal length: ws accepts it, we refuse it', async () => {
    const bytes = new Uint8Array(Buffer.from('827e000501020304 05'.replaceAll(' ', ''), 'hex'));
    expect(await theirParse(bytes, false)).toMatchObject({ event: 'message' });
    const r = decodeWsFrame(bytes);
    expect(!r.ok && r.error.message).toContain('7-bit form');
  });
});
