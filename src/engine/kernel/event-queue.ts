/**
 * The kernel's pending events, ordered by (time, source actor, source sequence). The source
 * sequence is numbered by each actor on its own, so the order does not depend on which host
 * (one thread or several workers) scheduled the event.
 */
export interface QueuedEvent<M> {
  readonly atMs: number;
  readonly src: number;
  readonly seq: number;
  readonly to: number;
  readonly msg: M;
}

const before = <M>(a: QueuedEvent<M>, b: QueuedEvent<M>): boolean =>
  a.atMs < b.atMs || (a.atMs === b.atMs && (a.src < b.src || (a.src === b.src && a.seq < b.seq)));

/** A binary min-heap; plain arrays beat anything cleverer at the sizes we run (≤ a few million). */
export class EventQueue<M> {
  private readonly heap: QueuedEvent<M>[] = [];

  get size(): number {
    return this.heap.length;
  }

  peek(): QueuedEvent<M> | undefined {
    return this.heap[0];
  }

  push(ev: QueuedEvent<M>): void {
    const h = this.heap;
    let i = h.length;
    h.push(ev);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = h[parent]!;
      if (!before(ev, p)) break;
      h[i] = p;
      i = parent;
    }
    h[i] = ev;
  }

  pop(): QueuedEvent<M> | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (top === undefined || last === undefined || h.length === 0) return top;
    const n = h.length;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const c = r < n && before(h[r]!, h[l]!) ? r : l;
      if (!before(h[c]!, last)) break;
      h[i] = h[c]!;
      i = c;
    }
    h[i] = last;
    return top;
  }

  /** Removes every event for which `drop` is true (used when a crashed component loses its timers). */
  removeWhere(drop: (ev: QueuedEvent<M>) => boolean): number {
    const kept = this.heap.filter((ev) => !drop(ev));
    const removed = this.heap.length - kept.length;
    this.heap.length = 0;
    for (const ev of kept) this.push(ev);
    return removed;
  }

  /** Every pending event, in no particular order (for accounting what is still in flight). */
  all(): readonly QueuedEvent<M>[] {
    return this.heap;
  }
}
