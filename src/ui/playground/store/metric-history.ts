import type { Snapshot } from '../../../bridge/playground-api';

/** One point of the live charts, read from a snapshot (every value is the simulation's). */
export interface MetricSample {
  readonly atMs: number;
  readonly connections: number;
  /** Gateway load as a fraction of capacity (1 = 100 %). */
  readonly load: number;
  readonly refused: number;
  readonly stored: number;
  readonly sent: number;
  readonly delivered: number;
  /** Delivery latency percentiles; null until something has been delivered. */
  readonly p50: number | null;
  readonly p95: number | null;
  readonly p99: number | null;
}

/** Points the charts keep (at ~5 per second that is the last ~minute of wall time). */
export const HISTORY_POINTS = 300;

export function sampleOf(s: Snapshot): MetricSample {
  const r = s.report;
  return {
    atMs: s.nowMs,
    connections: s.gateway.connections,
    load: s.gateway.load,
    refused: r.gateway.refusedConnections,
    stored: s.store.pending,
    sent: r.messages.sent,
    delivered: r.messages.delivered,
    p50: r.latencyMs.p50,
    p95: r.latencyMs.p95,
    p99: r.latencyMs.p99,
  };
}

/** Appends a sample, dropping any from a future that time travel undid, bounded to HISTORY_POINTS. */
export function pushSample(history: readonly MetricSample[], s: MetricSample): MetricSample[] {
  let keep = history.length;
  while (keep > 0 && history[keep - 1]!.atMs > s.atMs) keep--;
  const last = history[keep - 1];
  const base = history.slice(Math.max(0, keep - HISTORY_POINTS + 1), keep);
  if (last && last.atMs === s.atMs) base.pop();
  base.push(s);
  return base;
}
