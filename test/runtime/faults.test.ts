// Proves the worker faults keep the engine's invariants: a terminated gateway worker (the crash
// button) loses nothing — phones see the reset, retry, and reconnect to a fresh gateway — and a
// terminated store worker restarts from its durable copy.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IdbPersistence } from '../../src/adapters/idb-store';
import type { TraceEvent } from '../../src/engine/kernel/trace';
import { buildReport } from '../../src/engine/sim/report';
import { channelSpawner } from '../../src/runtime/cluster/channel-spawner';
import { Cluster, type HostSpawner } from '../../src/runtime/cluster/cluster';
import { Coordinator } from '../../src/runtime/cluster/coordinator';
import { nodeWorkerSpawner } from '../../src/runtime/node/worker-spawner';
import { inProcess, loadScenario, MEMORY_STORE, scenarioFrom } from './helpers';
import { drainedViolations, recordAll, violations } from '../invariants';

const CHATTY = scenarioFrom({
  name: 'Chatty, all protocols',
  seed: 11,
  durationSec: 150,
  encryption: false,
  phones: [
    { count: 3, protocol: 'mqtt' },
    { count: 3, protocol: 'websocket' },
    { count: 2, protocol: 'long-poll' },
    { count: 2, protocol: 'short-poll' },
  ],
  traffic: { messagesPerMinute: 120, untilSec: 60 },
});

const CRASH_AT_MS = 20_000;

async function crashRun(spawner: HostSpawner): Promise<{
  events: TraceEvent[];
  hash: string;
  report: ReturnType<typeof buildReport>;
  storeItems: number;
}> {
  const cluster = await Cluster.create(spawner);
  try {
    const rec = recordAll();
    const run = await Coordinator.start(
      cluster,
      CHATTY,
      { recordWire: false, store: MEMORY_STORE, sinks: [rec.sink] },
      'fresh',
    );
    await run.runUntil(CRASH_AT_MS);
    const before = buildReport(run.reportView(await run.parts()));
    expect(before.gateway.connectionsNow).toBe(10);
    await run.crashGateway();
    const just = buildReport(run.reportView(await run.parts()));
    expect(violations(just, rec.events)).toEqual([]);
    await run.runUntil(CHATTY.durationMs, true);
    const parts = await run.parts();
    const report = buildReport(run.reportView(parts));
    const store = parts.get('store');
    return {
      events: rec.events,
      hash: run.traceHash,
      report,
      storeItems: store?.host === 'store' ? store.store.pending : -1,
    };
  } finally {
    await cluster.dispose();
  }
}

describe('terminating the gateway worker mid-run', () => {
  it.each([
    ['worker_threads', () => nodeWorkerSpawner()],
    ['MessageChannel', () => channelSpawner(() => undefined)],
  ] as const)(
    'over %s: phones reconnect to a fresh gateway and nothing is lost',
    async (_name, spawn) => {
      const { events, report, storeItems } = await crashRun(spawn());
      const crash = events.filter((e) => e.kind === 'crash');
      expect(crash).toEqual([
        expect.objectContaining({ atMs: CRASH_AT_MS, note: 'gateway worker terminated' }),
      ]);
      expect(events.find((e) => e.kind === 'restart')).toMatchObject({
        atMs: CRASH_AT_MS + CHATTY.gateway.restartMs,
      });
      const resets = events.filter((e) => e.kind === 'disconnect' && e.note === 'gateway crashed');
      expect(resets).toHaveLength(10);
      const reconnected = new Set(
        events
          .filter((e) => e.kind === 'connect' && e.atMs > CRASH_AT_MS + CHATTY.gateway.restartMs)
          .map((e) => (e.from === 1 ? e.to : e.from)),
      );
      expect(reconnected.size).toBe(10);
      expect(report.gateway.crashes).toBe(1);
      expect(report.gateway.connectionsNow).toBe(10);
      expect(violations(report, events)).toEqual([]);
      expect(drainedViolations(report, storeItems)).toEqual([]);
      expect(report.messages.sent).toBeGreaterThan(50);
    },
  );

  it('is itself deterministic: the same crash over workers and over MessageChannels gives one hash', async () => {
    const a = await crashRun(nodeWorkerSpawner());
    const b = await crashRun(channelSpawner(() => undefined));
    expect(a.hash).toBe(b.hash);
  });
});

describe('terminating the store worker mid-run', () => {
  beforeEach(() => {
    globalThis.indexedDB = new IDBFactory();
  });
  let cluster: Cluster | undefined;
  afterEach(async () => {
    await cluster?.dispose();
  });

  it('restarts from IndexedDB with the stored messages, which are delivered when Bob connects', async () => {
    const s = loadScenario('offline-store-and-forward.json');
    cluster = await Cluster.create(channelSpawner((setup) => new IdbPersistence(setup.dbName)));
    const run = await Coordinator.start(
      cluster,
      s,
      { recordWire: false, store: { persistence: 'indexeddb', dbName: 'restart-test' } },
      'fresh',
    );
    await run.runUntil(10_000);
    const durable = await new IdbPersistence('restart-test').load();
    expect(durable.items.map((i) => i.key)).toEqual(['c1', 'c2', 'c3']);
    await run.restartStore();
    const parts = await run.parts();
    expect(parts.get('store')).toMatchObject({ store: { pending: 3 } });
    await run.runUntil(s.durationMs, true);
    const report = buildReport(run.reportView(await run.parts()));
    expect(report.messages).toMatchObject({ sent: 3, delivered: 3, pendingInStore: 0, lost: 0 });
    // Nothing in flight was lost on the way either: the run is the one-thread run.
    expect(run.traceHash).toBe(inProcess(s).hash);
    expect((await new IdbPersistence('restart-test').load()).items).toEqual([]);
  });
});
