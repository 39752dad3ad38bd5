import { actorName } from '../bridge/actors';
import type { TraceEvent } from '../bridge/playground-api';

/**
 * The event log as data for other tools: one record per trace event with the fields README's
 * "Command line" documents for `sim run --trace` (the same line format, from the same function).
 */
export const TRACE_FIELDS = [
  'atMs',
  'kind',
  'from',
  'to',
  'msg',
  'bytes',
  'arriveAtMs',
  'proto',
  'note',
] as const;

export type TraceRecord = {
  readonly [K in (typeof TRACE_FIELDS)[number]]: string | number | undefined;
};

/** One event as a record: actors by their engine names (`gateway`, `u12`). */
export function traceRecord(e: TraceEvent): TraceRecord {
  return {
    atMs: e.atMs,
    kind: e.kind,
    from: actorName(e.from),
    to: actorName(e.to),
    msg: e.msg,
    bytes: e.bytes,
    arriveAtMs: e.arriveAtMs,
    proto: e.proto,
    note: e.note,
  };
}

/** One JSON Lines line (no newline). Absent fields are left out, as `JSON.stringify` does. */
export const toJsonLine = (e: TraceEvent): string => JSON.stringify(traceRecord(e));

/** The whole log as JSON Lines: one line per event, each ending in a newline. */
export const toJsonLines = (events: readonly TraceEvent[]): string =>
  events.map((e) => `${toJsonLine(e)}\n`).join('');

/**
 * A CSV cell (RFC 4180 quoting). A cell that a spreadsheet would run as a formula (`=`, `+`, `-`,
 * `@` first) is prefixed with `'`; numbers are written as numbers.
 */
function csvCell(v: string | number | undefined): string {
  if (v === undefined) return '';
  if (typeof v === 'number') return String(v);
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The log as CSV rows: a header row, then one row per event. */
export function csvRows(events: readonly TraceEvent[]): string[] {
  const rows = [TRACE_FIELDS.join(',')];
  for (const e of events) {
    const r = traceRecord(e);
    rows.push(TRACE_FIELDS.map((f) => csvCell(r[f])).join(','));
  }
  return rows;
}

/** The whole log as a CSV file, CRLF line ends (RFC 4180). */
export const toCsv = (events: readonly TraceEvent[]): string =>
  `${csvRows(events).join('\r\n')}\r\n`;
