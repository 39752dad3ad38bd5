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

/**
 * Trace metadata for chunks carrying `envs`: the kind follows the first envelope. Every builder
 * here makes the same four fields (absent ones undefined): one object shape on the hot path.
 */
export function envelopeMeta(
  chunks: readonly Uint8Array[],
  envs: readonly Envelope[],
  fallback: TraceKind,
  note?: string,
): WireMeta {
  const first = envs[0];
  const kind: TraceKind = first !== undefined && first.kind === 'read' ? 'read' : fallback;
  return { kind, headerBytes: byteLength(chunks) - payloadBytes(envs), msg: first?.msg, note };
}

/** Trace metadata for chunks with no application payload (handshakes, pings, acks). */
export const controlMeta = (
  chunks: readonly Uint8Array[],
  kind: TraceKind,
  note?: string,
  msg?: number,
): WireMeta => ({ kind, headerBytes: byteLength(chunks), msg, note });

/** Trace metadata for the gateway pushing deliveries (chats or receipts) down to a phone. */
export const pushMeta = (
  chunks: readonly Uint8Array[],
  envs: readonly Envelope[],
  note: string,
): WireMeta => ({
  kind: 'pushed',
  headerBytes: byteLength(chunks) - payloadBytes(envs),
  msg: envs[0]?.msg,
  note,
});

/** `pushMeta` for one envelope known by its gist (`envelopeGist`): no envelope is built. */
export const pushGistMeta = (
  chunks: readonly Uint8Array[],
  gist: { readonly msg: number; readonly bodyBytes: number } | undefined,
  note: string,
): WireMeta => ({
  kind: 'pushed',
  headerBytes: byteLength(chunks) - (gist?.bodyBytes ?? 0),
  msg: gist?.msg,
  note,
});
