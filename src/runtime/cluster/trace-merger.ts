/**
 * The coordinator's merge of the hosts' packed traces into the one-thread order, done in slices.
 * Each host's streams queue up in its own order; hosts run windows of different lengths (each to
 * its own lookahead bound), so an event may be emitted only once every host is known to have
 * nothing before it: either that host's next queued event sorts after it, or the host has run
 * past its time (`done`) and has nothing queued. The merge can stop after any event and carry on
 * later, so the coordinator merges while it waits for the hosts' reports, and stops to grant the
 * next window the moment they are in: hashing the trace never holds the hosts up.
 */
import type { MutableTraceEvent, TraceEvent } from '../../engine/kernel/trace';
import type { TimeMark } from './host-messages';
import { before, eventAt, orderTime, type PackedTrace } from './trace-codec';

interface Queue {
  readonly streams: PackedTrace[];
  /** The next event of `streams[0]`. */
  at: number;
  /** How far the host has run: it will never emit an event whose order time is before this. */
  done: TimeMark;
}

/** Whether an event whose handled event was at `t` is before everything still to come from a host done to `m`. */
const settled = (t: number, m: TimeMark): boolean => t < m.ms || (m.inclusive && t === m.ms);

export class TraceMerger {
  private readonly queues = new Map<string, Queue>();

  constructor(
    private readonly emit: (ev: TraceEvent) => void,
    /** One object refilled for every event, when every sink only borrows events. */
    private readonly borrowed?: MutableTraceEvent,
  ) {}

  /** Queues one round's streams (one per host that ran), and how far every host has now run. */
  push(
    streams: readonly (readonly [host: string, trace: PackedTrace])[],
    done: ReadonlyMap<string, TimeMark>,
  ): void {
    for (const [host, mark] of done) {
      const q = this.queues.get(host);
      if (q) q.done = mark;
      else this.queues.set(host, { streams: [], at: 0, done: mark });
    }
    for (const [host, trace] of streams) {
      if (trace.count === 0) continue;
      const q = this.queues.get(host);
      if (!q) throw new Error(`trace from ${host}, which has no done mark`);
      q.streams.push(trace);
    }
  }

  get pending(): boolean {
    for (const q of this.queues.values()) if (q.streams.length > 0) return true;
    return false;
  }

  /** Emits up to `max` events in order; returns whether more could be emitted now. */
  step(max: number): boolean {
    const queues = [...this.queues.values()];
    let n = 0;
    for (;;) {
      let best: Queue | undefined;
      for (const q of queues) {
        const s = q.streams[0];
        if (!s) continue;
        if (!best || before(s.nums, q.at, best.streams[0]!.nums, best.at)) best = q;
      }
      if (!best) return false;
      const head = best.streams[0]!;
      const t = orderTime(head, best.at);
      for (const q of queues)
        if (q !== best && q.streams.length === 0 && !settled(t, q.done)) return false;
      if (n >= max) return true;
      this.emit(eventAt(head, best.at++, this.borrowed));
      n++;
      if (best.at >= head.count) {
        best.streams.shift();
        best.at = 0;
      }
    }
  }

  /** Emits everything that can be emitted now (everything, once every host has run to the same point). */
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
