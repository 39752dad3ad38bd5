/**
 * The coordinator's merge of the hosts' packed traces into the one-thread order, done in slices.
 * Windows queue up in order (every event of window w sorts before every event of w + 1: its order
 * key starts with the time of the event whose handling emitted it), and the merge of one window
 * can stop after any event and carry on later. So the coordinator merges while it waits for the
 * hosts' reports, and stops to grant the next window the moment they are in: hashing the trace
 * never holds the hosts up.
 */
import type { MutableTraceEvent, TraceEvent } from '../../engine/kernel/trace';
import { before, eventAt, type PackedTrace } from './trace-codec';

export class TraceMerger {
  /** Windows not yet fully merged, oldest first; `at` is the next event of each stream of the first. */
  private readonly windows: PackedTrace[][] = [];
  private at: number[] = [];

  constructor(
    private readonly emit: (ev: TraceEvent) => void,
    /** One object refilled for every event, when every sink only borrows events. */
    private readonly borrowed?: MutableTraceEvent,
  ) {}

  /** Queues one window's streams (one per host that ran it). */
  push(streams: readonly PackedTrace[]): void {
    const live = streams.filter((s) => s.count > 0);
    if (live.length === 0) return;
    if (this.windows.length === 0) this.at = live.map(() => 0);
    this.windows.push(live);
  }

  get pending(): boolean {
    return this.windows.length > 0;
  }

  /** Emits up to `max` events in order; returns whether any are left. */
  step(max: number): boolean {
    let n = 0;
    while (n < max && this.windows.length > 0) {
      const live = this.windows[0]!;
      const at = this.at;
      let best = -1;
      for (let s = 0; s < live.length; s++) {
        if (at[s]! >= live[s]!.count) continue;
        if (best < 0 || before(live[s]!.nums, at[s]!, live[best]!.nums, at[best]!)) best = s;
      }
      if (best < 0) {
        this.windows.shift();
        const next = this.windows[0];
        this.at = next ? next.map(() => 0) : [];
        continue;
      }
      this.emit(eventAt(live[best]!, at[best]!++, this.borrowed));
      n++;
    }
    return this.windows.length > 0;
  }

  /** Emits everything queued. */
  drain(): void {
    while (this.step(Infinity));
  }
}

let yieldPort: MessagePort | undefined;
const yielded: (() => void)[] = [];

/**
 * Lets the thread's other tasks run (a port's messages among them), then resumes: `setImmediate`
 * in Node, a message to itself on one kept channel in browsers (timers would be clamped to 4 ms).
 */
export function yieldToEventLoop(): Promise<void> {
  const immediate = (globalThis as { setImmediate?: (f: () => void) => unknown }).setImmediate;
  if (immediate) return new Promise((resolve) => void immediate(resolve));
  if (!yieldPort) {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => yielded.shift()?.();
    yieldPort = port2;
  }
  const port = yieldPort;
  return new Promise((resolve) => {
    yielded.push(resolve);
    port.postMessage(0);
  });
}
