import { CalendarQueue } from './calendar-queue';
import type { QueuedEvent } from './event-queue';
import { LIMITS } from './limits';
import {
  borrowedEvent,
  traceEventInto,
  type MutableTraceEvent,
  type TraceEvent,
  type TraceKind,
  type TraceSink,
} from './trace';
import { type ProtocolName } from '../model/protocols';

/** A component of the simulation: it reacts to one message at a virtual time. */
export interface Actor<M> {
  handle(msg: M, ctx: ActorContext<M>): void;
}

/** What an actor may do while it handles a message; the kernel applies it, in call order. */
export interface ActorContext<M> {
  /** Virtual time now, in ms. */
  readonly now: number;
  /** The actor being run. */
  readonly self: number;
  /** Delivers `msg` to `to` at `atMs` (≥ now). Timers are messages to oneself. */
  sendAt(to: number, msg: M, atMs: number): void;
  trace(ev: TraceEvent): void;
  /** Emits a trace event given field by field (as `traceEvent` takes them): no object is built when no sink keeps one. */
  emit(
    atMs: number,
    kind: TraceKind,
    from: number,
    to: number,
    msg: number,
    bytes: number,
    headerBytes: number,
    arriveAtMs: number,
    proto?: ProtocolName,
    note?: string,
    wire?: readonly Uint8Array[],
  ): void;
}

/**
 * An event the kernel made and queued itself. Nothing outside the kernel keeps one once it is
 * handled, so it goes back to a free list and carries a later event: a million phones' 60 s
 * keep-alive timers then cost no allocation, and no garbage left for the old generation.
 */
class KernelEvent<M> implements QueuedEvent<M> {
  constructor(
    public atMs: number,
    public src: number,
    public seq: number,
    public to: number,
    public msg: M,
    /**
     * The target actor, looked up when the event was made: dispatch follows this pointer instead
     * of indexing the actor table again (with a million phones, a cache miss per event saved).
     */
    public actor: Actor<M> | undefined,
    /** The kernel's `rebinds` then: if an actor was replaced or removed since, look it up again. */
    public bound: number,
  ) {}
}

/** Handled events kept for reuse, at most (the rest are left to the collector): ~1.3 MB. */
const FREE_EVENTS_MAX = 1 << 14;

/** Where an event goes when its target actor lives on another host (another worker). */
export type RemoteRoute<M> = (ev: QueuedEvent<M>) => void;

/**
 * The discrete-event kernel: a clock, a queue and the actors it runs. It is the only place
 * that applies effects, so one thread, a MessageChannel or a set of workers all see the same
 * order of events.
 */
export class Kernel<M> {
  private readonly queue = new CalendarQueue<M>();
  private readonly actors: (Actor<M> | undefined)[] = [];
  /** The last sequence number stamped on an event from each source. */
  private readonly seqs: number[] = [];
  /** Counts actors replaced or removed (a cached target is good while this is unchanged). */
  private rebinds = 0;
  private readonly free: KernelEvent<M>[] = [];
  private readonly sinks: TraceSink[] = [];
  /** The one event lent to sinks when every sink only borrows (see `TraceSink.borrows`). */
  private scratch: MutableTraceEvent | undefined;
  private nowMs = 0;
  private current = 0;
  /** While an event is handled: its actor's sequence counter, read when the event began. */
  private running = false;
  private runningSeq = 0;
  /** Order key of the event being handled: hosts tag trace events with it to merge streams. */
  currentSrc = 0;
  currentSeq = 0;
  private processed = 0;
  remote: RemoteRoute<M> | undefined;

  private readonly ctx: ActorContext<M>;

  constructor() {
    // One context object serves every dispatch; its getters read the kernel's current state (an
    // object literal's getters have their own `this`, hence the alias).
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- see above
    const kernel = this;
    this.ctx = {
      get now() {
        return kernel.nowMs;
      },
      get self() {
        return kernel.current;
      },
      sendAt: (to, msg, atMs) => kernel.enqueue(kernel.current, to, msg, atMs),
      trace: (ev) => {
        for (const s of kernel.sinks) s.emit(ev);
      },
      emit: (atMs, kind, from, to, msg, bytes, headerBytes, arriveAtMs, proto, note, wire) => {
        const ev = traceEventInto(
          kernel.scratch,
          atMs,
          kind,
          from,
          to,
          msg,
          bytes,
          headerBytes,
          arriveAtMs,
          proto,
          note,
          wire,
        );
        for (const s of kernel.sinks) s.emit(ev);
      },
    };
  }

  get now(): number {
    return this.nowMs;
  }

  get eventsProcessed(): number {
    return this.processed;
  }

  get pending(): number {
    return this.queue.size;
  }

  register(id: number, actor: Actor<M>): void {
    const old = this.actors[id];
    if (old !== undefined && old !== actor) this.rebinds++;
    this.actors[id] = actor;
    this.seqs[id] ??= 0;
  }

  unregister(id: number): void {
    if (this.actors[id] !== undefined) this.rebinds++;
    this.actors[id] = undefined;
  }

  actor(id: number): Actor<M> | undefined {
    return this.actors[id];
  }

  addSink(sink: TraceSink): void {
    this.sinks.push(sink);
    this.scratch = borrowedEvent(this.sinks);
  }

  /** Schedules a message from `src` (an actor, or the input log) at `atMs`. */
  enqueue(src: number, to: number, msg: M, atMs: number): void {
    if (!(atMs >= this.nowMs))
      throw new Error(`event for actor ${to} at ${atMs} ms is in the past (now ${this.nowMs} ms)`);
    // The running actor's counter was read when its event began (the table line is then hot).
    const seq =
      this.running && src === this.current ? ++this.runningSeq : (this.seqs[src] ?? 0) + 1;
    this.seqs[src] = seq;
    const target = this.actors[to];
    if (target === undefined && this.remote) {
      this.remote({ atMs: atMs, src, seq, to, msg }); // it leaves this kernel: never reused
      return;
    }
    const ev = this.free.pop();
    if (ev === undefined) {
      this.queue.push(new KernelEvent(atMs, src, seq, to, msg, target, this.rebinds));
      return;
    }
    ev.atMs = atMs;
    ev.src = src;
    ev.seq = seq;
    ev.to = to;
    ev.msg = msg;
    ev.actor = target;
    ev.bound = this.rebinds;
    this.queue.push(ev);
  }

  /** Sets the clock and the order key to the event's, and returns the actor to run it (if any). */
  private begin(head: QueuedEvent<M>): Actor<M> | undefined {
    this.nowMs = head.atMs;
    this.current = head.to;
    this.currentSrc = head.src;
    this.currentSeq = head.seq;
    // Read the actor's counter now, alongside the actor, rather than when it first sends.
    this.runningSeq = this.seqs[head.to] ?? 0;
    this.running = true;
    if (head instanceof KernelEvent) {
      const own = head as KernelEvent<M>;
      if (own.actor !== undefined && own.bound === this.rebinds) return own.actor;
    }
    return this.actors[head.to];
  }

  private end(): void {
    this.running = false;
  }

  /** Takes back a handled event for reuse, if the kernel made it. */
  private recycle(ev: QueuedEvent<M>): void {
    if (!(ev instanceof KernelEvent) || this.free.length >= FREE_EVENTS_MAX) return;
    const own = ev as KernelEvent<M>;
    own.msg = undefined as M; // let the message be collected
    own.actor = undefined;
    this.free.push(own);
  }

  /** Accepts an event stamped elsewhere (another host), keeping its original order key. */
  accept(ev: QueuedEvent<M>): void {
    this.queue.push(ev);
  }

  /** The time of the next event, or Infinity when nothing is pending. */
  nextTime(): number {
    return this.queue.peek()?.atMs ?? Infinity;
  }

  /** Runs every event with t < endMs (or ≤ when `inclusive`), then sets the clock to endMs. */
  runUntil(endMs: number, inclusive = false): void {
    const q = this.queue;
    const ctx = this.ctx;
    for (
      let head = q.popBefore(endMs, inclusive);
      head !== undefined;
      head = q.popBefore(endMs, inclusive)
    ) {
      const actor = this.begin(head);
      if (actor !== undefined) actor.handle(head.msg, ctx);
      this.end();
      this.recycle(head);
      if (++this.processed > LIMITS.maxEventsPerRun)
        throw new Error('event limit reached; the run is stopped');
    }
    if (endMs > this.nowMs && endMs !== Infinity) this.nowMs = endMs;
  }

  /** Runs exactly one event, if any; returns its time. */
  step(): number | undefined {
    const head = this.queue.pop();
    if (head === undefined) return undefined;
    this.begin(head)?.handle(head.msg, this.ctx);
    this.end();
    this.recycle(head);
    this.processed++;
    return head.atMs;
  }

  /** Drops pending events addressed to `id` (a crashed component loses its timers). */
  dropEventsFor(id: number, keep?: (msg: M) => boolean): number {
    return this.queue.removeWhere((ev) => ev.to === id && !(keep?.(ev.msg) ?? false));
  }

  /** Every pending event as plain data (they may be cloned to another host; an actor must not go along). */
  pendingEvents(): readonly QueuedEvent<M>[] {
    return this.queue
      .all()
      .map((ev) =>
        ev instanceof KernelEvent
          ? { atMs: ev.atMs, src: ev.src, seq: ev.seq, to: ev.to, msg: ev.msg }
          : ev,
      );
  }
}
