import type { TraceEvent, TraceKind } from '../../../bridge/playground-api';
import { phoneActor } from '../../../bridge/vocabulary';

/** The event log's filter: by kind, by phone (either end of the event) and by message id. */
export interface LogFilter {
  /** Kinds to show; empty shows every kind. */
  readonly kinds: ReadonlySet<TraceKind>;
  readonly phone?: number;
  readonly msg?: number;
}

export const EMPTY_FILTER: LogFilter = { kinds: new Set() };

export function matchesFilter(e: TraceEvent, f: LogFilter): boolean {
  if (f.kinds.size > 0 && !f.kinds.has(e.kind)) return false;
  if (f.msg !== undefined && e.msg !== f.msg) return false;
  if (f.phone !== undefined) {
    const a = phoneActor(f.phone);
    if (e.from !== a && e.to !== a) return false;
  }
  return true;
}

/** Whether the filter shows everything (then the log skips filtering entirely). */
export const isEmptyFilter = (f: LogFilter): boolean =>
  f.kinds.size === 0 && f.phone === undefined && f.msg === undefined;

/** Parses the phone box: `alice`, `u3` or `3` (names from the snapshot); undefined if empty or unknown. */
export function parsePhone(text: string, names: ReadonlyMap<number, string>): number | undefined {
  const s = text.trim().toLowerCase();
  if (s === '') return undefined;
  const m = /^u?(\d+)$/.exec(s);
  if (m) return Number(m[1]);
  for (const [user, name] of names) if (name.toLowerCase() === s) return user;
  return undefined;
}
