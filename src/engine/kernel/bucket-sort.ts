import type { QueuedEvent } from './event-queue';

/** Runs this short are sorted by insertion before merging. */
const RUN = 16;

/**
 * Sorts a calendar bucket by (time, source, sequence). The three keys are copied once into typed
 * arrays and an index permutation is sorted over them, so each event object is read once: with a
 * million events pending those reads are cache misses, while the key arrays stay in cache. One
 * sorter per queue; its arrays grow to the largest bucket seen.
 */
export class BucketSorter {
  private t = new Float64Array(RUN);
  private src = new Float64Array(RUN);
  private seq = new Float64Array(RUN);
  private idx = new Int32Array(RUN);
  private spare = new Int32Array(RUN);
  private readonly moved: unknown[] = [];

  /** Sorts `b` in place. Buckets mostly fill in order (a wave of keep-alives is scheduled in the order the previous one ran): then one pass finds nothing to do. */
  sort<M>(b: QueuedEvent<M>[]): void {
    const n = b.length;
    if (n < 2) return;
    if (this.idx.length < n) this.grow(n);
    const t = this.t;
    const src = this.src;
    const seq = this.seq;
    const idx = this.idx;
    let inOrder = true;
    for (let i = 0; i < n; i++) {
      const e = b[i]!;
      t[i] = e.t;
      src[i] = e.src;
      seq[i] = e.seq;
      idx[i] = i;
      if (inOrder && i > 0 && this.less(i, i - 1)) inOrder = false;
    }
    if (inOrder) return;
    this.mergeSort(0, n);
    const moved = this.moved as QueuedEvent<M>[];
    for (let i = 0; i < n; i++) moved[i] = b[idx[i]!]!;
    for (let i = 0; i < n; i++) {
      b[i] = moved[i]!;
      moved[i] = undefined as unknown as QueuedEvent<M>; // hold no event
    }
  }

  private grow(n: number): void {
    let size = this.idx.length;
    while (size < n) size *= 2;
    this.t = new Float64Array(size);
    this.src = new Float64Array(size);
    this.seq = new Float64Array(size);
    this.idx = new Int32Array(size);
    this.spare = new Int32Array(size);
  }

  /** Whether the event at position a comes before the one at position b. */
  private less(a: number, b: number): boolean {
    const ta = this.t[a]!;
    const tb = this.t[b]!;
    if (ta !== tb) return ta < tb;
    const sa = this.src[a]!;
    const sb = this.src[b]!;
    return sa !== sb ? sa < sb : this.seq[a]! < this.seq[b]!;
  }

  /** Sorts idx[lo, hi) by the keys they point at. */
  private mergeSort(lo: number, hi: number): void {
    const idx = this.idx;
    if (hi - lo <= RUN) {
      for (let i = lo + 1; i < hi; i++) {
        const v = idx[i]!;
        let j = i;
        for (; j > lo && this.less(v, idx[j - 1]!); j--) idx[j] = idx[j - 1]!;
        idx[j] = v;
      }
      return;
    }
    const mid = (lo + hi) >> 1;
    this.mergeSort(lo, mid);
    this.mergeSort(mid, hi);
    if (!this.less(idx[mid]!, idx[mid - 1]!)) return; // the halves are already in order
    const spare = this.spare;
    for (let i = lo; i < mid; i++) spare[i] = idx[i]!;
    let i = lo;
    let j = mid;
    let k = lo;
    while (i < mid && j < hi) idx[k++] = this.less(idx[j]!, spare[i]!) ? idx[j++]! : spare[i++]!;
    while (i < mid) idx[k++] = spare[i++]!;
  }
}
