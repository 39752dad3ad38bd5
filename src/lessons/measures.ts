/** The numbers a lesson can ask about, read from the run's tally (or its end-of-run report). */
import type { Report } from '../engine/sim/report';
import type { Measure } from './model';
import type { Counters, RunTally } from './run-tally';

/** Where a step's measures count from: its start time and the counters at that moment. */
export interface StepWindow {
  readonly startMs: number;
  readonly base: Counters;
}

const PERCENTILE_NAME = (p: number): string => `p${p}`;

/** "bytes on short-poll links", "p99 delivery latency": the words for a measure. */
export function describeMeasure(m: Measure): string {
  const on = m.protocol ? ` on ${m.protocol} links` : '';
  switch (m.kind) {
    case 'bytes':
      return `bytes${on}`;
    case 'header-bytes':
      return `header bytes${on}`;
    case 'payload-bytes':
      return `payload bytes${on}`;
    case 'requests':
      return `requests sent${m.protocol ? ` by ${m.protocol} phones` : ''}`;
    case 'bytes-per-message':
      return `bytes per delivered message${on}`;
    case 'latency-ms':
      return `${PERCENTILE_NAME(m.percentile ?? 50)} delivery latency (ms)`;
    case 'sent':
      return 'messages sent';
    case 'delivered':
      return 'messages delivered';
    case 'stored':
      return 'messages that went through the store';
    case 'refusals':
      return 'connections refused';
    case 'connections':
      return 'connections accepted';
    case 'retries':
      return 'reconnect attempts';
    case 'crashes':
      return 'gateway crashes';
    case 'duplicates-dropped':
      return 'duplicate copies dropped by message id';
    case 'readable-bodies':
      return 'message bodies the server could read';
    case 'all-connected-sec':
      return 'seconds until every phone that wanted a connection held one';
    case 'radio-joules-per-hour':
      return `radio energy per phone-hour (J)${m.protocol ? ` of ${m.protocol} phones` : ''}`;
  }
}

/**
 * The measure's value since the step started (counts), or over the messages created in the step
 * and delivered by `untilMs` (latency). Null when there is nothing to measure yet (no message
 * delivered, phones still waiting) or when it needs the end-of-run report and none is given.
 */
export function measureValue(
  t: RunTally,
  m: Measure,
  w: StepWindow,
  untilMs: number = t.nowMs,
  report?: Report,
): number | null {
  const c = t.counters;
  const b = w.base;
  const p = m.protocol ?? 'all';
  switch (m.kind) {
    case 'bytes':
      return c.bytes[p] - b.bytes[p];
    case 'header-bytes':
      return c.headerBytes[p] - b.headerBytes[p];
    case 'payload-bytes':
      return c.payloadBytes[p] - b.payloadBytes[p];
    case 'requests':
      return c.requests[p] - b.requests[p];
    case 'bytes-per-message': {
      const n = c.deliveredOn[p] - b.deliveredOn[p];
      return n > 0 ? Math.round((c.bytes[p] - b.bytes[p]) / n) : null;
    }
    case 'latency-ms': {
      const lat = t.latencies
        .filter(([created, ms]) => created >= w.startMs && created + ms <= untilMs)
        .map(([, ms]) => ms)
        .sort((x, y) => x - y);
      if (lat.length === 0) return null;
      const rank = Math.max(1, Math.ceil(((m.percentile ?? 50) / 100) * lat.length));
      return lat[Math.min(lat.length, rank) - 1]!;
    }
    case 'sent':
      return c.sent - b.sent;
    case 'delivered':
      return c.delivered - b.delivered;
    case 'stored':
      return c.stored - b.stored;
    case 'refusals':
      return c.refusals - b.refusals;
    case 'connections':
      return c.connections - b.connections;
    case 'retries':
      return c.retries - b.retries;
    case 'crashes':
      return c.crashes - b.crashes;
    case 'duplicates-dropped':
      return c.duplicatesDropped - b.duplicatesDropped;
    case 'readable-bodies':
      return c.readableBodies - b.readableBodies;
    case 'all-connected-sec':
      if (t.waiting.size > 0) return null;
      return Math.max(0, t.lastConnectAtMs - w.startMs) / 1000;
    case 'radio-joules-per-hour':
      return m.protocol ? (report?.energy[m.protocol]?.joulesPerPhoneHour ?? null) : null;
  }
}

/** A figure as the learner reads it: whole numbers grouped, small ones to three digits. */
export function formatNumber(n: number): string {
  if (Number.isInteger(n) || Math.abs(n) >= 100)
    return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return Number(n.toPrecision(3)).toString();
}
