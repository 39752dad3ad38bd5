// Runs the storage contract against every implementation in Node: IndexedDB is fake-indexeddb,
// a fresh factory per test (the browser test runs the same cases against Chromium's IndexedDB).
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, it } from 'vitest';
import { CONTRACT } from './ephemeral-store.contract';
import { idbDurable, memoryDurable, memoryStore } from './store-implementations';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

describe.each([memoryStore, memoryDurable, idbDurable])('$name', (impl) => {
  for (const c of CONTRACT) {
    if (c.durableOnly && !impl.durable) continue;
    it(c.name, () => c.run(impl));
  }
});
