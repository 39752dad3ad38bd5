// Proves the worker host of the page API answers like the one-thread LocalPlayground (load, step,
// play by frames, input, seek, fork, inspect, snapshot), and reopens a saved run after a "reload"
// with the stored messages taken from IndexedDB.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IdbRunRecord } from '../../src/adapters/idb-runs';
import { IdbPersistence } from '../../src/adapters/idb-store';
import type { ScenarioFile } from '../../src/engine/scenario/scenario';
import { channelSpawner } from '../../src/runtime/cluster/channel-spawner';
import { Cluster, type HostSpawner } from '../../src/runtime/cluster/cluster';
import { LocalPlayground } from '../../src/runtime/local-playground';
import { ClusterPlayground } from '../../src/runtime/playground/cluster-playground';
import { nodeWorkerSpawner } from '../../src/runtime/node/worker-spawner';
import { inProcess, SCENARIO_DIR, scenarioFrom } from './helpers';

const file = JSON.parse(
  readFileSync(join(SCENARIO_DIR, 'offline-store-and-forward.json'), 'utf8'),
) as ScenarioFile;

/** A wall clock moved by hand, with the frame LocalPlayground asked for. */
function manualClock() {
  const c = { wall: 0, pending: undefined as (() => void) | undefined };
  return {
    c,
    clock: {
      nowMs: () => c.wall,
      nextFrame: (fn: () => void) => ((c.pending = fn), () => (c.pending = undefined)),
    },
  };
}

describe.each([
  ['MessageChannel hosts', () => channelSpawner(() => undefined)],
  ['worker_threads hosts', () => nodeWorkerSpawner()],
] as [string, () => HostSpawner][])('ClusterPlayground over %s', (_name, spawn) => {
  let pg: ClusterPlayground | undefined;
  afterEach(async () => {
    await pg?.dispose();
  });

  it('gives the same snapshots, steps, log and inspections as LocalPlayground', async () => {
    const { c, clock } = manualClock();
    const local = new LocalPlayground(clock);
    pg = new ClusterPlayground(await Cluster.create(spawn()), {
      store: { persistence: 'none' },
      nowMs: () => c.wall,
    });
    const same = async (what: string) =>
      expect(await pg!.snapshot(), what).toEqual(await local.snapshot());

    expect(await pg.load({ ...file, seed: -1 })).toEqual(await local.load({ ...file, seed: -1 }));
    expect(await pg.load(file)).toEqual({ ok: true });
    await local.load(file);
    await same('after load');
    for (let i = 0; i < 6; i++) expect(await pg.step()).toBe(await local.step());
    await same('after steps');

    await Promise.all([pg.setSpeed(10), local.setSpeed(10)]);
    await expect(pg.setSpeed(5000)).rejects.toThrow('speed must be between 0.1 and 1000');
    await Promise.all([pg.play(), local.play()]);
    await local.snapshot(); // the one-thread host asks for its first frame once play has settled
    for (let f = 0; f < 40; f++) {
      c.wall += 16;
      c.pending?.();
      const batch = await pg.frame();
      expect(batch?.snapshot.nowMs).toBe((await local.snapshot()).nowMs);
    }
    await Promise.all([pg.pause(), local.pause()]);
    await same('after frames');

    for (const a of [
      { do: 'send', from: 1, to: 2, text: 'one more' },
      { do: 'link', user: 1, quality: 'flaky' },
    ] as const) {
      await Promise.all([pg.input(a), local.input(a)]);
      expect(await pg.step()).toBe(await local.step());
    }
    await same('after inputs');
    await Promise.all([pg.seek(3_000), local.seek(3_000)]);
    await same('after seeking back');
    await Promise.all([
      pg.input({ do: 'online', user: 2 }),
      local.input({ do: 'online', user: 2 }),
    ]);
    expect(await pg.inputLog()).toEqual(await local.inputLog());
    await Promise.all([pg.seek(30_000), local.seek(30_000)]);
    await same('after seeking ahead');
    expect(await pg.inspect(1)).toEqual(await local.inspect(1));
    // On-device search runs in the phones' host and finds what Bob decrypted there.
    expect((await pg.search(2, 'dinner')).map((h) => h.text)).toEqual(['Dinner at 8?']);
    expect(await pg.search(2, 'booked usual')).toEqual(await local.search(2, 'booked usual'));
    expect(await pg.search(2, 'booked usual')).toHaveLength(1);
    await Promise.all([pg.seek(10_000), local.seek(10_000)]);
    await Promise.all([pg.fork(), local.fork()]);
    expect(await pg.inputLog()).toEqual(await local.inputLog());
    await same('after a fork');
  });
});

describe('reopening a saved run (a page reload)', () => {
  beforeEach(() => {
    globalThis.indexedDB = new IDBFactory();
  });
  const store = { persistence: 'indexeddb', dbName: 'reopen-test' } as const;
  const make = async () =>
    new ClusterPlayground(
      await Cluster.create(channelSpawner((setup) => new IdbPersistence(setup.dbName))),
      { store, records: new IdbRunRecord('reopen-test'), frameBudgetMs: 50 },
    );

  it('replays to where the run got and takes the pending messages from IndexedDB', async () => {
    const story: ScenarioFile = {
      ...file,
      actions: (file.actions ?? []).filter((a) => a['do'] !== 'online'),
    };
    const before = await make();
    await before.load(story);
    await before.seek(9_000);
    await before.input({ do: 'send', from: 1, to: 2, text: 'one more before the reload' });
    while (((await before.step()) ?? Infinity) < 12_000);
    const stored = (await before.snapshot()).store.pending;
    expect(stored).toBe(4);
    const at = (await before.snapshot()).nowMs;
    await before.dispose(); // the page goes away; IndexedDB stays

    const after = await make();
    const reopened = await after.reopen();
    expect(reopened).toEqual({ atMs: at, restored: 4, agreed: true });
    expect((await after.snapshot()).store.pending).toBe(4);
    await after.input({ do: 'online', user: 2 });
    await after.seek(40_000);
    const snap = await after.snapshot();
    expect(snap.report.messages).toMatchObject({
      sent: 4,
      delivered: 4,
      pendingInStore: 0,
      lost: 0,
    });
    expect(snap.store.pending).toBe(0);
    // The reopened run is the run of seed + input log.
    expect(snap.report.traceHash).toBe(inProcess(scenarioFrom(story), await after.inputLog()).hash);
    await after.dispose();
  });

  it('replays a crash-button crash over workers: seek back and forth, and reopen after it, give the same run', async () => {
    const live = await make();
    await live.load(file);
    await live.seek(5_000);
    await live.crashGateway();
    await live.seek(8_000);
    const at8 = await live.snapshot();
    expect(at8.gateway).toMatchObject({ crashed: true, epoch: 2 });
    expect(at8.report.gateway.crashes).toBe(1);
    await live.seek(40_000);
    const end = (await live.snapshot()).report;
    expect(end.messages).toMatchObject({ sent: 3, delivered: 3, lost: 0 });
    // Back before the crash and forward again by frames: the worker is terminated again at 5 s.
    await live.seek(3_000);
    expect((await live.snapshot()).gateway.epoch).toBe(1);
    await live.setSpeed(1000);
    await live.play();
    while ((await live.frame())?.snapshot.running);
    expect((await live.snapshot()).report).toEqual(end);
    // Reload at 8 s (gateway still down): the reopened run is the same run.
    await live.seek(8_000);
    await live.dispose();
    const after = await make();
    expect(await after.reopen()).toEqual({ atMs: 8_000, restored: 3, agreed: true });
    expect((await after.snapshot()).gateway).toMatchObject({ crashed: true, epoch: 2 });
    await after.seek(40_000);
    expect((await after.snapshot()).report).toEqual(end);
    expect((await after.inputLog()).map((a) => a.action.do)).toEqual(['crash']);
    await after.dispose();
  });

  it('with nothing saved, reopen says so', async () => {
    const pg = await make();
    expect(await pg.reopen()).toBeUndefined();
    await pg.dispose();
  });
});
