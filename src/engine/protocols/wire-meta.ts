import type { Envelope } from '../chat/envelope';
import type { TraceKind } from '../kernel/trace';
import type { WireMeta } from './transport';

/** Bytes in a list of chunks. */
export const byteLength = (chunks: readonly Uint8Array[]): number => {
  let n = 0;
  for (const c of chunks) n += c.length;
  return n;
};

/** The application payload in some envelopes: chat bodies; everything else is overhead. */
export const payloadBytes = (envs: readonly Envelope[]): number => {
  let n = 0;
  for (const e of envs) if (e.kind === 'chat') n += e.body.length;
  return n;
};

/** Trace metadata for chunks carrying `envs`: the kind follows the first envelope. */
export function envelopeMeta(chunks: readonly Uint8Array[], envs: readonly Envelope[], fallback: TraceKind, note?: string): WireMeta {
  const first = envs[0];
  const kind: TraceKind =
    first === undefined ? fallback : first.kind === 'read' ? 'read' : fallback;
  const meta: { kind: TraceKind; headerBytes: number; msg?: number; note?: string } = {
    kind,
    headerBytes: byteLength(chunks) - payloadBytes(envs),
  };
  if (first !== undefined) meta.msg = first.msg;
  if (note !== undefined) meta.note = note;
  return meta;
}

/** Trace metadata for chunks with no application payload (handshakes, pings, acks). */
export const controlMeta = (chunks: readonly Uint8Array[], kind: TraceKind, note?: string, msg?: number): WireMeta => {
  const meta: { kind: TraceKind; headerBytes: number; msg?: number; note?: string } = { kind, headerBytes: byteLength(chunks) };
  if (note !== undefined) meta.note = note;
  if (msg !== undefined) meta.msg = msg;
  return meta;
};

/** Trace metadata for the gateway pushing deliveries (chats or receipts) down to a phone. */
export const pushMeta = (chunks: readonly Uint8Array[], envs: readonly Envelope[], note: string): WireMeta => ({
  kind: 'pushed',
  note,
  headerBytes: byteLength(chunks) - payloadBytes(envs),
  ...(envs[0] !== undefined ? { msg: envs[0].msg } : {}),
});
