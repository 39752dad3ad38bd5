import { EventQueue, type QueuedEvent } from './event-queue';

/** Width of the near-future ring, in ms (about 65 s: every keep-alive and latency fits). */
const RING = 1 << 16;
const MASK = RING - 1;

const before = <M>(a: QueuedEvent<M>, b: QueuedEvent<M>): boolean =>
  a.atMs < b.atMs || (a.atMs === b.atMs && (a.src < b.src || (a.src === b.src && a.seq < b.seq)));
const compare = <M>(a: QueuedEvent<M>, b: QueuedEvent<M>): number =>
  before(a, b) ? -1 : before(b, a) ? 1 : 0;

/**
 * A calendar queue: one bucket per virtual millisecond for the next ~65 s, a binary heap for
 * later events. With a million phones each holding a keep-alive timer, a heap's log n cache
 * misses dominate; here a push is an array append and a pop walks the current bucket, sorted
 * once by (time, source, sequence) — the same order the heap gives.
 */
export class CalendarQueue<M> {
  private readonly ring: (QueuedEvent<M>[] | undefined)[] = new Array(RING);
  private readonly overflow = new EventQueue<M>();
  /** No ring event is earlier than this millisecond; the ring covers [cursor, cursor + RING). */
  private cursor = 0;
  /** No ring event lies in [cursor, scan): where the search for the next one resumes. */
  private scan = 0;
  /** The bucket that is sorted and being consumed from `index` (-1: none). */
  private sortedMs = -1;
  private index = 0;
  private inRing = 0;

  get size(): number {
    return this.inRing + this.overflow.size;
  }

  push(ev: QueuedEvent<M>): void {
    const k = Math.floor(ev.atMs);
    if (k < this.cursor)
      throw new Error(`event at ${ev.atMs} ms is before the queue's clock (${this.cursor} ms)`);
    if (k >= this.cursor + RING) {
      this.overflow.push(ev);
      return;
    }
    this.inRing++;
    if (k < this.scan) this.scan = k;
    const slot = k & MASK;
    const b = this.ring[slot];
    if (b === undefined) {
      this.ring[slot] = [ev];
      return;
    }
    if (k === this.sortedMs) {
      // The bucket being consumed is sorted: insert in order among what is left of it.
      let lo = this.index;
      let hi = b.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (before(b[mid]!, ev)) lo = mid + 1;
        else hi = mid;
      }
      b.splice(lo, 0, ev);
    } else b.push(ev);
  }

  /** The millisecond of the earliest ring event (its bucket sorted), or -1 if the ring is empty. */
  private head(): number {
    if (this.inRing === 0) return -1;
    for (;;) {
      const b = this.ring[this.scan & MASK];
      if (b !== undefined && (this.scan === this.sortedMs ? this.index < b.length : b.length > 0))
        break;
      this.scan++;
    }
    if (this.sortedMs !== this.scan) {
      const b = this.ring[this.scan & MASK]!;
      if (b.length > 1) b.sort(compare);
      this.sortedMs = this.scan;
      this.index = 0;
    }
    return this.scan;
  }

  /** Moves the window's start to `ms`, bringing overflow events that now fit into the ring. */
  private advanceTo(ms: number): void {
    if (ms <= this.cursor) return;
    this.cursor = ms;
    if (this.scan < ms) this.scan = ms;
    const limit = ms + RING;
    for (
      let e = this.overflow.peek();
      e !== undefined && Math.floor(e.atMs) < limit;
      e = this.overflow.peek()
    ) {
      this.overflow.pop();
      this.push(e);
    }
  }

  peek(): QueuedEvent<M> | undefined {
    const h = this.head();
    return h < 0 ? this.overflow.peek() : this.ring[h & MASK]![this.index];
  }

  pop(): QueuedEvent<M> | undefined {
    return this.popBefore(Infinity, true);
  }

  /** Pops the earliest event if its time is before `endMs` (or equal, when `inclusive`); one lookup, not a peek and a pop. */
  popBefore(endMs: number, inclusive: boolean): QueuedEvent<M> | undefined {
    const h = this.head();
    if (h >= 0) {
      const next = this.ring[h & MASK]![this.index]!;
      if (next.atMs > endMs || (!inclusive && next.atMs === endMs)) return undefined;
    } else {
      const next = this.overflow.peek();
      if (next === undefined || next.atMs > endMs || (!inclusive && next.atMs === endMs))
        return undefined;
    }
    if (h < 0) {
      const ev = this.overflow.pop();
      if (ev !== undefined) this.advanceTo(Math.floor(ev.atMs));
      return ev;
    }
    const slot = h & MASK;
    const b = this.ring[slot]!;
    const ev = b[this.index]!;
    b[this.index++] = undefined as unknown as QueuedEvent<M>; // let it be collected
    this.inRing--;
    if (this.index >= b.length) {
      this.ring[slot] = undefined;
      this.sortedMs = -1;
    }
    this.advanceTo(h);
    return ev;
  }

  /** Removes every event for which `drop` is true. */
  removeWhere(drop: (ev: QueuedEvent<M>) => boolean): number {
    const kept = this.all().filter((ev) => !drop(ev));
    const removed = this.size - kept.length;
    this.ring.fill(undefined);
    this.inRing = 0;
    this.sortedMs = -1;
    this.scan = this.cursor;
    this.overflow.removeWhere(() => true);
    for (const ev of kept) this.push(ev);
    return removed;
  }

  /** Every pending event, in no particular order. */
  all(): QueuedEvent<M>[] {
    const out: QueuedEvent<M>[] = [];
    for (let i = 0; i < RING; i++) {
      const ms = this.cursor + i;
      const b = this.ring[ms & MASK];
      if (b === undefined) continue;
      for (let j = ms === this.sortedMs ? this.index : 0; j < b.length; j++) out.push(b[j]!);
    }
    out.push(...this.overflow.all());
    return out;
  }
}
