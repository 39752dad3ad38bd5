// Proves the same scenario and inputs give the same trace hash (and the same report) in one
// thread, over in-memory hosts, over in-thread MessageChannels and over real worker_threads.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TimedAction } from '../../src/engine/scenario/scenario';
import { buildReport } from '../../src/engine/sim/report';
import { Simulation } from '../../src/engine/sim/simulation';
import { channelSpawner } from '../../src/runtime/cluster/channel-spawner';
import { Cluster, type HostSpawner } from '../../src/runtime/cluster/cluster';
import { Coordinator } from '../../src/runtime/cluster/coordinator';
import { memorySpawner } from '../../src/runtime/cluster/memory-spawner';
import { nodeWorkerSpawner } from '../../src/runtime/node/worker-spawner';
import { capped, inProcess, loadScenario, MEMORY_STORE, scenarioFiles } from './helpers';

/** Long scenarios are cut here: past the New Year's Eve spike (60 s) and its crash, to keep the suite quick. */
const CAP_MS = 75_000;

const modes: [string, () => HostSpawner][] = [
  ['in-memory hosts', () => memorySpawner(() => undefined)],
  ['MessageChannel hosts', () => channelSpawner(() => undefined)],
  ['worker_threads hosts', () => nodeWorkerSpawner()],
];

/** A learner's session: actions given between stretches of running, each at the time reached. */
const session: { untilMs: number; then: TimedAction['action'] }[] = [
  { untilMs: 1_000, then: { do: 'send', from: 1, to: 2, text: 'before Bob is online' } },
  { untilMs: 2_500, then: { do: 'offline', user: 1 } },
  { untilMs: 2_500, then: { do: 'send', from: 2, to: 1, text: 'to Alice, offline' } },
  { untilMs: 9_000, then: { do: 'crash' } },
  { untilMs: 12_000, then: { do: 'online', user: 1 } },
  { untilMs: 12_003, then: { do: 'protocol', user: 2, protocol: 'long-poll' } },
  // Bob loses signal: a half-open connection the gateway keeps pushing into.
  { untilMs: 20_000, then: { do: 'offline', user: 2, how: 'lose-signal' } },
  { untilMs: 21_000, then: { do: 'send', from: 1, to: 2, text: 'into the half-open connection' } },
  { untilMs: 30_000, then: { do: 'online', user: 2 } },
  // Closed while its connection is set up: the phone's TCP FIN crosses to the gateway's host.
  { untilMs: 30_100, then: { do: 'offline', user: 2 } },
  { untilMs: 32_000, then: { do: 'online', user: 2 } },
];

describe.each(modes)('%s', (_mode, spawn) => {
  let cluster: Cluster;
  beforeAll(async () => {
    cluster = await Cluster.create(spawn());
  });
  afterAll(async () => {
    await cluster.dispose();
  });

  it.each(scenarioFiles())('%s: same trace hash and report as one thread', async (file) => {
    const s = capped(loadScenario(file), CAP_MS);
    const ref = inProcess(s);
    const run = await Coordinator.start(
      cluster,
      s,
      { recordWire: false, store: MEMORY_STORE },
      'fresh',
    );
    await run.runUntil(s.durationMs, true);
    expect(run.traceHash).toBe(ref.hash);
    expect(buildReport(run.reportView(await run.parts()))).toEqual(ref.report);
  });

  it('inputs given mid-run, at the time reached, replay to the same hash', async () => {
    const s = loadScenario('offline-store-and-forward.json');
    const sim = new Simulation(s);
    const run = await Coordinator.start(
      cluster,
      s,
      { recordWire: false, store: MEMORY_STORE },
      'fresh',
    );
    for (const step of session) {
      sim.runUntil(step.untilMs);
      sim.input(step.then);
      await run.runUntil(step.untilMs);
      run.input(step.then);
    }
    sim.run();
    await run.runUntil(s.durationMs, true);
    expect(run.inputLog).toEqual(sim.inputLog);
    expect(run.traceHash).toBe(sim.hasher.hex);
    expect(buildReport(run.reportView(await run.parts()))).toEqual(buildReport(sim));
    // And the log alone rebuilds it: seed + input log.
    expect(inProcess(s, run.inputLog).hash).toBe(run.traceHash);
  });

  it('single steps (inclusive windows at each next event) keep the order', async () => {
    const s = loadScenario('online-delivery.json');
    const sim = new Simulation(s);
    const run = await Coordinator.start(
      cluster,
      s,
      { recordWire: false, store: MEMORY_STORE },
      'fresh',
    );
    for (let i = 0; i < 40; i++) {
      const t = run.nextTime();
      expect(t).toBe(sim.kernel.nextTime());
      sim.runUntil(t, true);
      await run.runUntil(t, true);
    }
    sim.run();
    await run.runUntil(s.durationMs, true);
    expect(run.traceHash).toBe(sim.hasher.hex);
  });
});

describe('a store worker writing through to IndexedDB (fake-indexeddb in its worker thread)', () => {
  it('gives the same trace hash, and its durable copy matches its memory at the end', async () => {
    const cluster = await Cluster.create(nodeWorkerSpawner({ fakeIndexedDb: true }));
    try {
      const s = loadScenario('offline-store-and-forward.json');
      const run = await Coordinator.start(
        cluster,
        s,
        { recordWire: false, store: { persistence: 'indexeddb', dbName: 'equivalence' } },
        'fresh',
      );
      await run.runUntil(10_000);
      expect(await cluster.host('store').control.storeMark()).toEqual({
        ms: expect.any(Number),
        inclusive: false,
      });
      const mid = await cluster.host('store').control.storeAdopt(); // reads the durable copy back
      expect(mid).toEqual({ restored: 3, agreed: true });
      await run.runUntil(s.durationMs, true);
      expect(run.traceHash).toBe(inProcess(s).hash);
    } finally {
      await cluster.dispose();
    }
  });
});
