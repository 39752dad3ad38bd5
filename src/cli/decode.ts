/**
 * `decode <mqtt|ws|http> <hex|->`: turns hex bytes into one JSON line per packet.
 *
 * Output format: every Uint8Array (payloads, passwords, mask keys, HTTP bodies) is rendered as
 * `{ "hex": "…" }`, plus `"utf8": "…"` when the bytes are valid UTF-8. Each line ends with
 * `bytes`, the number of bytes the packet used; in stdin mode it also carries `line` (1-based).
 */
import { fromHex, toHex, utf8Decode } from '../engine/model/bytes';
import { formatDecodeError, type DecodeResult } from '../engine/model/decode-result';
import { decodeHttpMessage } from '../engine/protocols/http/body';
import { decodeMqtt } from '../engine/protocols/mqtt/codec';
import { decodeWsFrame } from '../engine/protocols/ws/codec';

/** Where the decode command writes and reads; main.ts passes the process streams. */
export interface DecodeIo {
  stdout: (line: string) => void;
  stderr: (line: string) => void;
  readStdinLines: () => AsyncIterable<string>;
}

const USAGE =
  'usage: decode <mqtt|ws|http> <hex|->   ' +
  '(hex may contain spaces or colons; - reads one hex packet per line from stdin)';
const PROTOCOLS = ['mqtt', 'ws', 'http'] as const;
type Protocol = (typeof PROTOCOLS)[number];

/** One decoded packet as a JSON-ready object, or an error line. */
type Outcome = { ok: true; json: Record<string, unknown> } | { ok: false; error: string };

function bytesJson(b: Uint8Array): { hex: string; utf8?: string } {
  const s = utf8Decode(b);
  return s.ok ? { hex: toHex(b), utf8: s.value } : { hex: toHex(b) };
}

/** Replaces every Uint8Array inside a decoded value by its `{ hex, utf8? }` rendering. */
function jsonReady(v: unknown): unknown {
  if (v instanceof Uint8Array) return bytesJson(v);
  if (Array.isArray(v)) return v.map(jsonReady);
  if (v !== null && typeof v === 'object') {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, jsonReady(x)]));
  }
  return v;
}

function decodeWith(protocol: Protocol, bytes: Uint8Array): DecodeResult<object> {
  switch (protocol) {
    case 'mqtt':
      return decodeMqtt(bytes);
    case 'ws':
      return decodeWsFrame(bytes);
    case 'http': {
      // A capture may end after the head: say how the body is framed and what is still to come.
      const m = decodeHttpMessage(bytes, 0, { headAlone: true });
      if (!m.ok) return m;
      const { head, framing, body, bodyArrived, chunked } = m.value;
      const tail = bodyArrived ? { body, ...chunked } : { bodyArrived };
      return { ok: true, value: { ...head, framing, ...tail }, length: m.length };
    }
  }
}

function decodeHex(protocol: Protocol, hex: string): Outcome {
  const parsed = fromHex(hex);
  if (!parsed.ok) {
    return { ok: false, error: `bad hex at char ${parsed.error.offset}: ${parsed.error.message}` };
  }
  const bytes = parsed.value;
  if (bytes.length === 0) return { ok: false, error: 'no bytes to decode' };
  const r = decodeWith(protocol, bytes);
  if (!r.ok) return { ok: false, error: formatDecodeError(r.error) };
  if (r.length < bytes.length) {
    const extra = bytes.length - r.length;
    const message = `${extra} byte(s) left after the first packet (give one packet per line)`;
    return { ok: false, error: formatDecodeError({ offset: r.length, message }) };
  }
  const fields = jsonReady(r.value) as Record<string, unknown>;
  return { ok: true, json: { ...fields, bytes: r.length } };
}

/** Runs `decode` with the arguments after the subcommand; resolves to the exit code. */
export async function runDecode(argv: string[], io: DecodeIo): Promise<number> {
  const [protocol, input, ...rest] = argv;
  if (!PROTOCOLS.includes(protocol as Protocol) || input === undefined || rest.length > 0) {
    io.stderr(USAGE);
    return 2;
  }
  const p = protocol as Protocol;
  if (input !== '-') {
    const out = decodeHex(p, input);
    if (!out.ok) {
      io.stderr(`decode ${p}: ${out.error}`);
      return 2;
    }
    io.stdout(JSON.stringify(out.json));
    return 0;
  }
  let line = 0;
  for await (const text of io.readStdinLines()) {
    line++;
    if (text.trim() === '') continue;
    const out = decodeHex(p, text);
    io.stdout(JSON.stringify(out.ok ? { ...out.json, line } : { error: out.error, line }));
  }
  return 0;
}
