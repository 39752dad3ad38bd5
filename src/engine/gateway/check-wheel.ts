import type { GatewayConnection } from './connection';

/**
 * When each connection next needs the gateway's attention (a keep-alive deadline, a ping due, a
 * held poll to answer), in one bucket per sweep tick. A sweep visits only the connections due,
 * so a million idle MQTT connections cost one visit per keep-alive, not one per second each.
 */
export class CheckWheel {
  private readonly buckets = new Map<number, GatewayConnection[]>();

  constructor(private readonly tickMs: number) {}

  /** The tick a time falls due in. */
  tickOf(atMs: number): number {
    return Math.ceil(atMs / this.tickMs);
  }

  /** Asks for a check of `c` at or soon after `atMs` (never before the next tick). */
  schedule(c: GatewayConnection, atMs: number, currentTick: number): void {
    if (!(atMs < Infinity)) return;
    const tick = Math.max(currentTick + 1, this.tickOf(atMs));
    // Already due no later than that: nothing to do. A later entry left behind is skipped as stale.
    if (c.checkTick > currentTick && c.checkTick <= tick) return;
    c.checkTick = tick;
    const b = this.buckets.get(tick);
    if (b) b.push(c);
    else this.buckets.set(tick, [c]);
  }

  /** Removes and returns the connections due at `tick` (stale entries filtered out). */
  take(tick: number): GatewayConnection[] {
    const b = this.buckets.get(tick);
    if (!b) return [];
    this.buckets.delete(tick);
    const due: GatewayConnection[] = [];
    for (const c of b)
      if (c.checkTick === tick) {
        c.checkTick = 0;
        due.push(c);
      }
    return due;
  }

  clear(): void {
    this.buckets.clear();
  }
}
