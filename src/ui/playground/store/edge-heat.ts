/**
 * Bytes per virtual second on each diagram edge, as a decaying sum: each hop adds its bytes, and
 * the sum halves every `halfLifeMs` of virtual time. Time going back (a seek) starts afresh.
 */
export class EdgeHeat {
  private sums: Record<string, number> = {};
  private atMs = 0;

  constructor(private readonly halfLifeMs = 1000) {}

  add(edge: string, bytes: number, nowMs: number): void {
    this.decay(nowMs);
    this.sums[edge] = (this.sums[edge] ?? 0) + bytes;
  }

  /** Bytes per second per edge: a steady rate r settles at a sum of r × halfLife / ln 2. */
  rates(nowMs: number): Record<string, number> {
    this.decay(nowMs);
    const seconds = this.halfLifeMs / 1000 / Math.LN2;
    const out: Record<string, number> = {};
    for (const id in this.sums) out[id] = this.sums[id]! / seconds;
    return out;
  }

  clear(): void {
    this.sums = {};
    this.atMs = 0;
  }

  private decay(nowMs: number): void {
    if (nowMs < this.atMs) {
      this.sums = {};
      this.atMs = nowMs;
      return;
    }
    const dt = nowMs - this.atMs;
    if (dt <= 0) return;
    const k = Math.pow(0.5, dt / this.halfLifeMs);
    for (const id in this.sums) this.sums[id]! *= k;
    this.atMs = nowMs;
  }
}
