import type { GatewayConnection } from '../protocols/server-connection';

const NONE = -1;

/**
 * The gateway's connections by user. Every packet looks its sender up, so a user's connection
 * sits in an array slot by user id (one memory access, where a Map with a million entries takes
 * a hash probe and a chained entry); the slots are threaded in insertion order, so walking them
 * visits connections in the order a Map would (a crash resets phones in that order).
 */
export class ConnectionTable {
  private readonly byUser: (GatewayConnection | undefined)[] = [];
  private readonly nextOf: number[] = [];
  private readonly prevOf: number[] = [];
  private head = NONE;
  private tail = NONE;
  private count = 0;

  get size(): number {
    return this.count;
  }

  get(user: number): GatewayConnection | undefined {
    return this.byUser[user];
  }

  /** Sets the user's connection; a user already present keeps its place in the order. */
  set(user: number, c: GatewayConnection): this {
    // Users arrive in any order: fill up to the slot, so the arrays stay dense (never sparse).
    while (this.byUser.length <= user) {
      this.byUser.push(undefined);
      this.nextOf.push(NONE);
      this.prevOf.push(NONE);
    }
    if (this.byUser[user] === undefined) {
      this.nextOf[user] = NONE;
      this.prevOf[user] = this.tail;
      if (this.tail === NONE) this.head = user;
      else this.nextOf[this.tail] = user;
      this.tail = user;
      this.count++;
    }
    this.byUser[user] = c;
    return this;
  }

  delete(user: number): boolean {
    if (this.byUser[user] === undefined) return false;
    this.byUser[user] = undefined;
    const prev = this.prevOf[user]!;
    const next = this.nextOf[user]!;
    if (prev === NONE) this.head = next;
    else this.nextOf[prev] = next;
    if (next === NONE) this.tail = prev;
    else this.prevOf[next] = prev;
    this.count--;
    return true;
  }

  /** The connections in insertion order (do not add or delete while walking). */
  *values(): IterableIterator<GatewayConnection> {
    for (let u = this.head; u !== NONE; u = this.nextOf[u]!) yield this.byUser[u]!;
  }

  clear(): void {
    for (let u = this.head; u !== NONE; u = this.nextOf[u]!) this.byUser[u] = undefined;
    this.head = this.tail = NONE;
    this.count = 0;
  }
}
