import type { TraceEvent } from '../../../bridge/playground-api';

/** Trace events the page keeps for the log; the host keeps more for the inspector. */
export const LOG_CAPACITY = 20_000;

/**
 * The event log's memory: append-only in virtual-time order, bounded, and cut back when time
 * travel replays from an earlier moment (the replay sends those events again, identically).
 */
export class EventLog {
  private buf: TraceEvent[] = [];
  /** Events dropped off the front since the last clear (so row numbers stay honest). */
  dropped = 0;

  constructor(private readonly capacity = LOG_CAPACITY) {}

  get items(): readonly TraceEvent[] {
    return this.buf;
  }

  get lastT(): number {
    return this.buf.length ? this.buf[this.buf.length - 1]!.atMs : -Infinity;
  }

  append(events: readonly TraceEvent[]): void {
    if (events.length === 0) return;
    const first = events[0]!.atMs;
    // A batch that starts before what we hold is a replay (a seek): drop what it re-sends.
    if (first < this.lastT) this.truncateFrom(first);
    for (const e of events) this.buf.push(e);
    if (this.buf.length > this.capacity * 1.25) {
      const cut = this.buf.length - this.capacity;
      this.dropped += cut;
      this.buf = this.buf.slice(cut);
    }
  }

  /** Drops events at or after `tMs`. */
  truncateFrom(tMs: number): void {
    let lo = 0;
    let hi = this.buf.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.buf[mid]!.atMs < tMs) lo = mid + 1;
      else hi = mid;
    }
    this.buf.length = lo;
  }

  /** Drops events after `tMs` (time went back to `tMs`). */
  truncateAfter(tMs: number): void {
    this.truncateFrom(tMs + 1e-9);
  }

  /** The run was rebuilt: its log (`dropped` older events not sent) replaces what is held. */
  replace(events: readonly TraceEvent[], dropped: number): void {
    this.buf = [...events];
    this.dropped = dropped;
  }

  /** The newest chat message the log saw sent, if any (what "Follow" follows). */
  latestSentMessage(): number | undefined {
    for (let i = this.buf.length - 1; i >= 0; i--) {
      const e = this.buf[i]!;
      if (e.kind === 'sent' && e.msg > 0) return e.msg;
    }
    return undefined;
  }

  clear(): void {
    this.buf = [];
    this.dropped = 0;
  }
}
