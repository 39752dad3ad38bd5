// Proves the phones' host keeps each phone's decrypted history durable, window by window: what Bob
// decrypted is stored under Bob with its plaintext, what Alice sent under Alice, a seek back
// rewrites it to that point, and persisting it leaves the run (its trace hash) unchanged.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IdbHistory } from '../../src/adapters/idb-history';
import { IdbRunRecord } from '../../src/adapters/idb-runs';
import { IdbPersistence } from '../../src/adapters/idb-store';
import type { ScenarioFile } from '../../src/engine/scenario/scenario';
import { channelSpawner } from '../../src/runtime/cluster/channel-spawner';
import { Cluster } from '../../src/runtime/cluster/cluster';
import type { HistoryOpener } from '../../src/runtime/cluster/components';
import {
  memoryHistory,
  type HistoryPersistence,
  type HistoryRecord,
} from '../../src/runtime/cluster/history-persistence';
import { ClusterPlayground } from '../../src/runtime/playground/cluster-playground';
import { inProcess, overCluster, SCENARIO_DIR, scenarioFrom } from '../runtime/helpers';

const file = JSON.parse(
  readFileSync(join(SCENARIO_DIR, 'offline-store-and-forward.json'), 'utf8'),
) as ScenarioFile;
const ALICE = 1;
const BOB = 2;
const TEXTS = ['Dinner at 8?', 'I booked the usual place', 'Call me when you land'];

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

interface Impl {
  readonly name: string;
  readonly persistence: 'indexeddb' | 'memory';
  readonly open: HistoryOpener;
  /** A second handle on the same durable history, as a reader outside the phones' host. */
  readonly reader: (dbName: string) => HistoryPersistence;
}

const impls: Impl[] = [
  {
    name: 'IndexedDB',
    persistence: 'indexeddb',
    open: (s) => new IdbHistory(s.dbName),
    reader: (n) => new IdbHistory(n),
  },
  {
    name: 'memory',
    persistence: 'memory',
    open: (s) => memoryHistory(s.dbName ?? 'history'),
    reader: (n) => memoryHistory(n),
  },
];

const texts = (rs: readonly HistoryRecord[]): string[] => rs.map((r) => r.text);

describe.each(impls)('phone history in $name', (impl) => {
  let n = 0;
  let dbName = '';
  let pg: ClusterPlayground | undefined;
  let reader: HistoryPersistence | undefined;
  beforeEach(() => {
    dbName = `history-${impl.name}-${++n}`;
  });
  afterEach(async () => {
    await pg?.dispose();
    reader?.close();
    pg = undefined;
  });

  const make = async (): Promise<ClusterPlayground> => {
    const spawner = channelSpawner((s) => new IdbPersistence(s.dbName), undefined, impl.open);
    return new ClusterPlayground(await Cluster.create(spawner), {
      store: { persistence: 'indexeddb', dbName: `store-${dbName}` },
      history: { persistence: impl.persistence, dbName },
      records: new IdbRunRecord(`runs-${dbName}`),
      frameBudgetMs: 50,
    });
  };

  it('keeps what Bob decrypted under Bob and what Alice sent under Alice, window by window', async () => {
    pg = await make();
    reader = impl.reader(dbName);
    await pg.load(file);
    // Steps run fresh windows (no replay): each window's messages are written after it.
    while (((await pg.step()) ?? Infinity) < 10_000);
    expect(texts(await reader.forUser(ALICE))).toEqual(TEXTS);
    expect(await reader.forUser(BOB)).toEqual([]); // Bob is still offline: nothing decrypted yet
    while (((await pg.step()) ?? Infinity) < 30_000);

    const bob = await reader.forUser(BOB);
    const phone = inProcess(scenarioFrom(file)).sim.fleet.phone(BOB)!;
    const decrypted = [...phone.chats!.received.values()];
    expect(bob).toEqual(
      decrypted.map((m) => ({
        user: BOB,
        msg: m.msg,
        peer: ALICE,
        from: ALICE,
        text: m.text,
        atMs: m.atMs,
        direction: 'received',
      })),
    );
    expect(texts(bob)).toEqual(TEXTS);
    const alice = await reader.forUser(ALICE);
    expect(
      alice.every(
        (r) => r.user === ALICE && r.from === ALICE && r.peer === BOB && r.direction === 'sent',
      ),
    ).toBe(true);
    expect(await reader.all()).toEqual([...alice, ...bob]);
    // The history is searchable on the phone, and the durable copy holds the same messages.
    expect((await pg.search(BOB, 'dinner')).map((h) => h.msg)).toEqual(
      bob.filter((r) => r.text.startsWith('Dinner')).map((r) => r.msg),
    );
  });

  it('a seek back rewrites the history to match that point, and a seek forward to match the end', async () => {
    pg = await make();
    reader = impl.reader(dbName);
    await pg.load(file);
    await pg.seek(40_000);
    const end = await reader.all();
    expect(texts(end.filter((r) => r.user === BOB))).toEqual(TEXTS);
    expect((await pg.snapshot()).report.traceHash).toBe(inProcess(scenarioFrom(file)).hash);

    await pg.seek(3_000);
    expect(await reader.mark()).toEqual({ ms: 3_000, inclusive: true });
    expect(texts(await reader.forUser(ALICE))).toEqual(TEXTS.slice(0, 2));
    expect(await reader.forUser(BOB)).toEqual([]);

    // Acting at 3 s forks the run: the new message is in the history, the old future is not.
    await pg.input({ do: 'send', from: BOB, to: ALICE, text: 'Landing at 7' });
    await pg.step();
    expect(texts(await reader.forUser(BOB))).toEqual(['Landing at 7']);
    await pg.seek(40_000);
    const forked = await reader.all();
    expect(texts(forked.filter((r) => r.user === BOB && r.direction === 'received'))).toEqual(
      TEXTS,
    );
    expect(texts(forked.filter((r) => r.user === ALICE && r.direction === 'received'))).toEqual([
      'Landing at 7',
    ]);
    expect((await pg.snapshot()).report.traceHash).toBe(
      inProcess(scenarioFrom(file), await pg.inputLog()).hash,
    );
  });

  it('reopening a saved run (a page reload) rewrites the history from the replay to where it got', async () => {
    const before = await make();
    await before.load(file);
    await before.seek(20_000);
    reader = impl.reader(dbName);
    const saved = await reader.all();
    expect(texts(saved.filter((r) => r.user === BOB))).toEqual(TEXTS);
    await before.dispose();
    await reader.replace([], { ms: 0, inclusive: false }); // lost or stale: the replay is what counts

    pg = await make();
    expect(await pg.reopen()).toMatchObject({ atMs: 20_000, agreed: true });
    expect(await reader.all()).toEqual(saved);
    expect(await reader.mark()).toEqual({ ms: 20_000, inclusive: true });
  });
});

describe('persisting the phone history', () => {
  it('does not change the run: the same trace hash as one thread', async () => {
    const s = scenarioFrom(file);
    const spawner = channelSpawner(
      () => undefined,
      undefined,
      (setup) => new IdbHistory(setup.dbName),
    );
    const { hash, cluster } = await overCluster(spawner, s, [], {
      history: { persistence: 'indexeddb', dbName: 'hash-test' },
    });
    await cluster.dispose();
    expect(hash).toBe(inProcess(s).hash);
    const reader = new IdbHistory('hash-test');
    expect(texts(await reader.forUser(BOB))).toEqual(TEXTS);
    reader.close();
  });
});
