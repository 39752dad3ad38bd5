/**
 * Two small tables the gateway keeps in memory and loses in a crash: the routing decisions
 * waiting for the session manager's answer, and which users it has ever held a session for
 * (MQTT's "session present").
 */

/** A routing decision waiting for the session manager's answer. */
export interface Lookup {
  readonly recipient: number;
  readonly key: string;
  readonly msg: number;
  readonly envelope: Uint8Array;
}

/** Lookups by request number; numbers keep counting across a crash so a late answer never matches. */
export class PendingLookups {
  private readonly byReq = new Map<number, Lookup>();
  private next = 1;

  /** Holds `l` and returns the request number to ask the session manager with. */
  add(l: Lookup): number {
    const req = this.next++;
    this.byReq.set(req, l);
    return req;
  }

  /** The lookup `req` answers, removed; undefined if none waits (answered, or lost in a crash). */
  take(req: number): Lookup | undefined {
    const l = this.byReq.get(req);
    if (l !== undefined) this.byReq.delete(req);
    return l;
  }

  /** Chat ids (not receipts) waiting here, in request order. */
  chatIds(): number[] {
    const out: number[] = [];
    for (const l of this.byReq.values()) if (l.key.startsWith('c')) out.push(l.msg);
    return out;
  }

  clear(): void {
    this.byReq.clear();
  }
}

/** Users the gateway has held a session for: one byte per user id, read without hashing on every connect. */
export class SessionMarks {
  private marks = new Uint8Array(1024);

  has(user: number): boolean {
    return user < this.marks.length && this.marks[user] === 1;
  }

  mark(user: number): void {
    if (user >= this.marks.length) {
      const grown = new Uint8Array(Math.max(user + 1, this.marks.length * 2));
      grown.set(this.marks);
      this.marks = grown;
    }
    this.marks[user] = 1;
  }

  clear(): void {
    this.marks.fill(0);
  }
}
