/** Work the gateway spends per event, in units; capacity is stated in units per second. */
export const WORK_UNITS = {
  /** Accepting a connection: TCP, TLS and authentication dominate a chat server's CPU. */
  handshake: 10,
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
