// Proves the store worker's IndexedDB holds only ciphertext: known plaintexts sent through every
// protocol to offline recipients are stored there (as the bytes the gateway handed over), and a
// scan of every record of every object store finds none of them — but finds them all when
// encryption is off, so the scan is known to see the bodies.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { IdbPersistence } from '../../src/adapters/idb-store';
import { utf8Encode } from '../../src/engine/model/bytes';
import { channelSpawner } from '../../src/runtime/cluster/channel-spawner';
import { Cluster } from '../../src/runtime/cluster/cluster';
import { ClusterPlayground } from '../../src/runtime/playground/cluster-playground';
import { canaryScenario, containsBytes } from '../engine/canaries';

const DB = 'e2e-scan';

/** Every byte string and string inside every record of every object store of a database. */
async function everythingIn(name: string): Promise<Uint8Array[]> {
  const db = await new Promise<IDBDatabase>((ok, fail) => {
    const r = indexedDB.open(name);
    r.onsuccess = () => ok(r.result);
    r.onerror = () => fail(r.error);
  });
  const out: Uint8Array[] = [];
  const walk = (v: unknown): void => {
    if (v instanceof Uint8Array) out.push(v);
    else if (typeof v === 'string') out.push(utf8Encode(v));
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  for (const storeName of Array.from(db.objectStoreNames)) {
    const all = await new Promise<unknown[]>((ok, fail) => {
      const r = db.transaction(storeName).objectStore(storeName).getAll();
      r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error);
    });
    all.forEach(walk);
  }
  db.close();
  return out;
}

async function storedWhileOffline(encryption: boolean) {
  const { file, canaries } = canaryScenario(encryption);
  const pg = new ClusterPlayground(
    await Cluster.create(channelSpawner((setup) => new IdbPersistence(setup.dbName))),
    { store: { persistence: 'indexeddb', dbName: DB } },
  );
  await pg.load(file);
  await pg.seek(9_000); // every Bob is offline: the first three messages of each pair are stored
  const pending = (await pg.snapshot()).store.pending;
  await pg.dispose();
  return {
    pending,
    held: await everythingIn(DB),
    offline: canaries.filter((c) => c.includes('offline')),
  };
}

describe("the store's IndexedDB holds ciphertext only", () => {
  beforeEach(() => {
    globalThis.indexedDB = new IDBFactory();
  });

  it('with encryption on, no stored plaintext', async () => {
    const { pending, held, offline } = await storedWhileOffline(true);
    expect(pending).toBe(12);
    expect(held.length).toBeGreaterThanOrEqual(12);
    for (const text of offline)
      expect(
        held.filter((b) => containsBytes(b, utf8Encode(text.slice(0, 24)))),
        text,
      ).toHaveLength(0);
  });

  it('with encryption off, the same scan finds every stored plaintext', async () => {
    const { held, offline } = await storedWhileOffline(false);
    for (const text of offline)
      expect(
        held.some((b) => containsBytes(b, utf8Encode(text.slice(0, 24)))),
        text,
      ).toBe(true);
  });
});
