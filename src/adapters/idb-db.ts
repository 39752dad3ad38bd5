/**
 * The playground's IndexedDB database: a typed schema (idb's DBSchema) and a lazy open. Nothing
 * here touches `indexedDB` at import time, so Node can import it and tests can swap in
 * fake-indexeddb per test.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { RunRecord } from '../bridge/run-record';
import type { StoredItem } from '../engine/model/messages';

/** A point of virtual time: events before `ms`, or up to and including it. */
export interface StoredMark {
  readonly ms: number;
  readonly inclusive: boolean;
}

export interface DoubleTickDb extends DBSchema {
  /** The ephemeral store's items, one per recipient and delivery key. */
  pending: { key: [number, string]; value: StoredItem };
  /** `store`: the virtual time the pending items were written at. */
  meta: { key: string; value: StoredMark };
  /** `current`: the run to reopen. */
  runs: { key: string; value: RunRecord };
}

export const DEFAULT_DB_NAME = 'doubletick';
const VERSION = 1;

/** Opens (creating if needed) the database. */
export function openDoubleTickDb(name = DEFAULT_DB_NAME): Promise<IDBPDatabase<DoubleTickDb>> {
  return openDB<DoubleTickDb>(name, VERSION, {
    upgrade(db) {
      if (!db.objectStoreNames.contains('pending'))
        db.createObjectStore('pending', { keyPath: ['recipient', 'key'] });
      if (!db.objectStoreNames.contains('meta')) db.createObjectStore('meta');
      if (!db.objectStoreNames.contains('runs')) db.createObjectStore('runs');
    },
  });
}
