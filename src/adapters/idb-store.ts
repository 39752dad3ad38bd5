import type { IDBPDatabase } from 'idb';
import type { StoredItem } from '../engine/model/messages';
import type { PersistOp } from '../engine/store/store-actor';
import { openDoubleTickDb, type DoubleTickDb, type StoredMark } from './idb-db';

const META_KEY = 'store';

/**
 * The ephemeral store's durable copy in IndexedDB. Each window's writes go in one transaction
 * with the window's end time, so the copy always matches one point of virtual time.
 */
export class IdbPersistence {
  private db: Promise<IDBPDatabase<DoubleTickDb>> | undefined;

  constructor(private readonly name?: string) {}

  private open(): Promise<IDBPDatabase<DoubleTickDb>> {
    return (this.db ??= openDoubleTickDb(this.name));
  }

  async load(): Promise<{ items: StoredItem[]; mark: StoredMark | undefined }> {
    const db = await this.open();
    const tx = db.transaction(['pending', 'meta'], 'readonly');
    const [items, mark] = await Promise.all([
      tx.objectStore('pending').getAll(),
      tx.objectStore('meta').get(META_KEY),
      tx.done,
    ]);
    return { items: items.sort((a, b) => a.seq - b.seq), mark };
  }

  async apply(ops: readonly PersistOp[], mark: StoredMark): Promise<void> {
    const db = await this.open();
    const tx = db.transaction(['pending', 'meta'], 'readwrite');
    const pending = tx.objectStore('pending');
    // Requests in one transaction run in order; only the commit is awaited.
    for (const op of ops)
      void (op.op === 'put' ? pending.put(op.item) : pending.delete([op.user, op.key]));
    void tx.objectStore('meta').put(mark, META_KEY);
    await tx.done;
  }

  async replace(items: readonly StoredItem[], mark: StoredMark): Promise<void> {
    const db = await this.open();
    const tx = db.transaction(['pending', 'meta'], 'readwrite');
    const pending = tx.objectStore('pending');
    void pending.clear();
    for (const it of items) void pending.put(it);
    void tx.objectStore('meta').put(mark, META_KEY);
    await tx.done;
  }

  close(): void {
    const db = this.db;
    this.db = undefined;
    void db?.then((d) => d.close());
  }
}

/** The store's IndexedDB persistence (opened on first use). */
export const openIdbPersistence = (name?: string): IdbPersistence => new IdbPersistence(name);
