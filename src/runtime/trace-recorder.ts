import { LIMITS } from '../engine/kernel/limits';
import type { TraceEvent, TraceSink } from '../engine/kernel/trace';

/**
 * Keeps recent trace events for the log and the inspector. Bounded: past the limit the oldest
 * events without a message id go first, so each message's lifecycle stays inspectable longest.
 */
export class TraceRecorder implements TraceSink {
  private events: TraceEvent[] = [];
  private readonly byMessage = new Map<number, TraceEvent[]>();
  dropped = 0;

  constructor(private readonly limit = LIMITS.maxRecordedEvents) {}

  emit(ev: TraceEvent): void {
    this.events.push(ev);
    if (ev.msg > 0) {
      const list = this.byMessage.get(ev.msg);
      if (list) list.push(ev);
      else this.byMessage.set(ev.msg, [ev]);
    }
    if (this.events.length > this.limit) {
      const cut = Math.floor(this.limit / 4);
      this.dropped += cut;
      this.events = this.events.slice(cut);
    }
  }

  /** Events at or after `tMs`. */
  since(tMs: number): TraceEvent[] {
    let lo = 0;
    let hi = this.events.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.events[mid]!.atMs < tMs) lo = mid + 1;
      else hi = mid;
    }
    return this.events.slice(lo);
  }

  /** The newest `n` events (all of them when fewer), and how many events came before those. */
  tail(n: number): { events: TraceEvent[]; before: number } {
    const start = Math.max(0, this.events.length - n);
    return { events: this.events.slice(start), before: this.dropped + start };
  }

  forMessage(msg: number): TraceEvent[] {
    return [...(this.byMessage.get(msg) ?? [])];
  }

  get size(): number {
    return this.events.length;
  }
}
