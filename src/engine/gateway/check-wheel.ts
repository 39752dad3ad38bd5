import type { GatewayConnection } from '../protocols/server-connection';

const NONE_DUE: readonly GatewayConnection[] = [];

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

  /** Removes and returns the connections due at `tick` (stale entries filtered out, in place). */
  take(tick: number): readonly GatewayConnection[] {
    const b = this.buckets.get(tick);
    if (!b) return NONE_DUE;
    this.buckets.delete(tick);
    let due = 0;
    for (let i = 0; i < b.length; i++) {
      const c = b[i]!;
      if (c.checkTick !== tick) continue;
      c.checkTick = 0;
      b[due++] = c;
    }
    b.length = due;
    return b;
  }

  clear(): void {
    this.buckets.clear();
  }
}
