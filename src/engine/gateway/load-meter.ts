/** Work the gateway spends per event, in units; capacity is stated in units per second. */
export const WORK_UNITS = {
  /** Accepting a connection: TCP, TLS and authentication dominate a chat server's CPU. */
  handshake: 10,
  /**
   * Refusing one: the accept and the close, and nothing else. The kernel has already done the
   * TCP three-way handshake (one round trip, FACTS.md §3.3) before the server sees the socket; a
   * server shedding load closes it before any TLS (the full handshake's key exchange and
   * signature are the +1–2 round trips and most of the CPU a new connection costs, RFC 8446 §2)
   * and before any session is looked up or stored. Two system calls and a socket freed: about
   * what handling a small control packet costs, so the same 0.25 units, 1/40 of an accepted one.
   * Once refusals alone would take it past capacity, it stops accepting (Admission).
   */
  refusal: 0.25,
  /** Routing one chat, read or receipt. */
  message: 1,
  /** A ping, an ack, an empty poll. */
  control: 0.25,
} as const;

const BUCKET_MS = 100;
const BUCKETS = 10;

/** Work per second over the last second, in 100 ms buckets (a sliding window, O(1) memory). */
export class LoadMeter {
  private readonly buckets = new Float64Array(BUCKETS);
  private bucketStart = 0;

  private roll(nowMs: number): void {
    const start = Math.floor(nowMs / BUCKET_MS) * BUCKET_MS;
    if (start <= this.bucketStart) return;
    const steps = Math.min(BUCKETS, (start - this.bucketStart) / BUCKET_MS);
    for (let i = 1; i <= steps; i++)
      this.buckets[((this.bucketStart / BUCKET_MS + i) % BUCKETS) | 0] = 0;
    this.bucketStart = start;
  }

  add(nowMs: number, units: number): void {
    this.roll(nowMs);
    this.buckets[((this.bucketStart / BUCKET_MS) % BUCKETS) | 0]! += units;
  }

  /** Units per second over the last second. */
  rate(nowMs: number): number {
    this.roll(nowMs);
    let sum = 0;
    for (let i = 0; i < BUCKETS; i++) sum += this.buckets[i]!;
    return sum;
  }

  reset(): void {
    this.buckets.fill(0);
  }
}
