/**
 * The run's trace as the session keeps it: a bounded recorder for the inspector, and the events
 * not yet handed to the page. After a rebuild (a seek, a fork, a reopen) the page's log is
 * replaced by the recorder's, so it holds exactly the events up to now: none missing, none twice.
 */
import type { TraceEvent, TraceSink } from '../../engine/kernel/trace';
import { TraceRecorder } from '../trace-recorder';

/** Events a rebuilt run sends the page at once: the page's event log keeps no more than this. */
export const REPLAYED_LOG_EVENTS = 20_000;

export class TraceStream {
  private recorder = new TraceRecorder();
  private pending: TraceEvent[] = [];
  /** Whether events go to the page as they come (not while a replay rebuilds the past). */
  private collecting = true;
  private replaced: { dropped: number } | undefined;

  /** A new run starts: its sinks (a fresh recorder, the page's stream, then `extra`). */
  restart(fresh: boolean, extra: readonly TraceSink[]): TraceSink[] {
    this.recorder = new TraceRecorder();
    this.pending = [];
    this.collecting = fresh;
    return [
      this.recorder,
      { emit: (e) => void (this.collecting && this.pending.push(e)) },
      ...extra,
    ];
  }

  /** The page's log becomes the rebuilt run's (its newest part when it is long). */
  replaceLog(): void {
    const { events, before } = this.recorder.tail(REPLAYED_LOG_EVENTS);
    this.pending = events;
    this.replaced = { dropped: before };
    this.collecting = true;
  }

  /** What the page has not seen yet, and whether it replaces the page's log. */
  take(): { events: TraceEvent[]; replaced: { dropped: number } | undefined } {
    const out = { events: this.pending, replaced: this.replaced };
    this.pending = [];
    this.replaced = undefined;
    return out;
  }

  forMessage(msg: number): TraceEvent[] {
    return this.recorder.forMessage(msg);
  }
}
