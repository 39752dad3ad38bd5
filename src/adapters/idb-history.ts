/**
 * Each phone's decrypted history in IndexedDB: what the phones' worker keeps on the device, so the
 * server never needs a copy. A database of its own (not a new version of the store's), because
 * the phones' worker and the store's worker open them independently. Nothing here touches
 * `indexedDB` at import time, so Node can import it and tests can swap in fake-indexeddb.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { HistoryRecord } from '../engine/phone/chat-book';
import type { StoredMark } from './idb-db';

/** One message a phone holds in plaintext (the engine's record, stored as is). */
export type StoredHistoryRecord = HistoryRecord;

export interface HistoryDb extends DBSchema {
  /** Decrypted messages, one per phone and message id. */
  messages: { key: [number, number]; value: StoredHistoryRecord; indexes: { byUser: number } };
  /** `history`: the virtual time the messages were written at. */
  meta: { key: string; value: StoredMark };
}

export const DEFAULT_HISTORY_DB_NAME = 'doubletick-history';
const VERSION = 1;
const META_KEY = 'history';

/** Opens (creating if needed) the history database. */
export function openHistoryDb(name = DEFAULT_HISTORY_DB_NAME): Promise<IDBPDatabase<HistoryDb>> {
  return openDB<HistoryDb>(name, VERSION, {
    upgrade(db) {
      if (!db.objectStoreNames.contains('messages')) {
        const messages = db.createObjectStore('messages', { keyPath: ['user', 'msg'] });
        messages.createIndex('byUser', 'user');
      }
      if (!db.objectStoreNames.contains('meta')) db.createObjectStore('meta');
    },
  });
}

/** The phones' decrypted history in IndexedDB; each window's new messages go in one transaction with its end time. */
export class IdbHistory {
  private db: Promise<IDBPDatabase<HistoryDb>> | undefined;

  constructor(private readonly name?: string) {}

  private open(): Promise<IDBPDatabase<HistoryDb>> {
    return (this.db ??= openHistoryDb(this.name));
  }

  /** Writes `records` (replacing any with the same key) and the mark, in one transaction. */
  async putMany(records: readonly StoredHistoryRecord[], mark: StoredMark): Promise<void> {
    const db = await this.open();
    const tx = db.transaction(['messages', 'meta'], 'readwrite');
    const messages = tx.objectStore('messages');
    // Requests in one transaction run in order; only the commit is awaited.
    for (const r of records) void messages.put(r);
    void tx.objectStore('meta').put(mark, META_KEY);
    await tx.done;
  }

  /** Replaces everything kept with `records`, in one transaction (a replayed run's history). */
  async replace(records: readonly StoredHistoryRecord[], mark: StoredMark): Promise<void> {
    const db = await this.open();
    const tx = db.transaction(['messages', 'meta'], 'readwrite');
    const messages = tx.objectStore('messages');
    void messages.clear();
    for (const r of records) void messages.put(r);
    void tx.objectStore('meta').put(mark, META_KEY);
    await tx.done;
  }

  /** One phone's history, in message id order. */
  async forUser(user: number): Promise<StoredHistoryRecord[]> {
    return (await this.open()).getAllFromIndex('messages', 'byUser', user);
  }

  /** Every phone's history, by user then message id. */
  async all(): Promise<StoredHistoryRecord[]> {
    return (await this.open()).getAll('messages');
  }

  /** The point of virtual time the history was written at. */
  async mark(): Promise<StoredMark | undefined> {
    return (await this.open()).get('meta', META_KEY);
  }

  async clear(): Promise<void> {
    const db = await this.open();
    const tx = db.transaction(['messages', 'meta'], 'readwrite');
    void tx.objectStore('messages').clear();
    void tx.objectStore('meta').clear();
    await tx.done;
  }

  close(): void {
    const db = this.db;
    this.db = undefined;
    void db?.then((d) => d.close());
  }
}

/** The phones' history in IndexedDB (opened on first use). */
export const openIdbHistory = (name?: string): IdbHistory => new IdbHistory(name);
