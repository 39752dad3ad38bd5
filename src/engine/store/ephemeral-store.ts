import type { StoredItem } from '../model/messages';

/**
 * Temporary storage for deliveries whose recipient is offline: per-recipient FIFO, deleted
 * once the recipient acks. In steady state it is empty: a buffer, not an archive.
 */
export interface EphemeralStore {
  /** Stores an item unless the same key is already held for that recipient; returns whether it was added. */
  put(item: Omit<StoredItem, 'seq'>): StoredItem | undefined;
  /** Up to `limit` items for `user` after store sequence `afterSeq`, oldest first. */
  fetch(user: number, afterSeq: number, limit: number): { items: StoredItem[]; more: boolean };
  /** Deletes one item; returns whether it was there. */
  delete(user: number, key: string): boolean;
  /** Items held, in all. */
  readonly size: number;
  /** Items held for one user. */
  countFor(user: number): number;
  /** Every item held, per recipient in FIFO order (for inspection and the server view). */
  all(): StoredItem[];
}

/** The in-memory store. A JavaScript Map keeps insertion order, which is the FIFO order. */
export class MemoryStore implements EphemeralStore {
  private readonly queues = new Map<number, Map<string, StoredItem>>();
  private nextSeq = 1;
  size = 0;

  /** Restores items (with their sequence numbers) from a persisted copy. */
  static from(items: readonly StoredItem[]): MemoryStore {
    const s = new MemoryStore();
    for (const it of [...items].sort((a, b) => a.seq - b.seq)) {
      const q = s.queue(it.recipient);
      if (q.has(it.key)) continue;
      q.set(it.key, it);
      s.size++;
      s.nextSeq = Math.max(s.nextSeq, it.seq + 1);
    }
    return s;
  }

  private queue(user: number): Map<string, StoredItem> {
    let q = this.queues.get(user);
    if (!q) {
      q = new Map();
      this.queues.set(user, q);
    }
    return q;
  }

  put(item: Omit<StoredItem, 'seq'>): StoredItem | undefined {
    const q = this.queue(item.recipient);
    if (q.has(item.key)) return undefined; // a resend of something already held keeps its place
    const stored: StoredItem = { ...item, seq: this.nextSeq++ };
    q.set(item.key, stored);
    this.size++;
    return stored;
  }

  fetch(user: number, afterSeq: number, limit: number): { items: StoredItem[]; more: boolean } {
    const items: StoredItem[] = [];
    const q = this.queues.get(user);
    if (!q) return { items, more: false };
    for (const it of q.values()) {
      if (it.seq <= afterSeq) continue;
      if (items.length === limit) return { items, more: true };
      items.push(it);
    }
    return { items, more: false };
  }

  delete(user: number, key: string): boolean {
    const q = this.queues.get(user);
    if (!q?.delete(key)) return false;
    this.size--;
    if (q.size === 0) this.queues.delete(user);
    return true;
  }

  countFor(user: number): number {
    return this.queues.get(user)?.size ?? 0;
  }

  all(): StoredItem[] {
    const out: StoredItem[] = [];
    for (const q of this.queues.values()) out.push(...q.values());
    return out;
  }
}
