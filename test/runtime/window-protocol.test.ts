// Proves the window protocol: idle stretches are skipped, a host idle in a window is not called,
// each host sends at most one batch per peer per window, and batches that arrive late (after the
// coordinator's next grant) are waited for — the run still gives the one-thread trace hash.
import { describe, expect, it } from 'vitest';
import { Cluster, type HostSpawner } from '../../src/runtime/cluster/cluster';
import { Coordinator } from '../../src/runtime/cluster/coordinator';
import { memorySpawner } from '../../src/runtime/cluster/memory-spawner';
import { LOOKAHEAD_MS } from '../../src/runtime/cluster/partition';
import type { DataBatch } from '../../src/runtime/cluster/host-messages';
import { packedEventCount } from '../../src/runtime/cluster/event-codec';
import { capped, inProcess, loadScenario, MEMORY_STORE } from './helpers';

/** A memory spawner that counts what crosses the data ports. */
function counting(base: HostSpawner): HostSpawner & { messages: number; events: number } {
  const c = {
    messages: 0,
    events: 0,
    spawn: (n: Parameters<HostSpawner['spawn']>[0]) => base.spawn(n),
    channel: () => {
      const pair = base.channel();
      for (const p of [pair.port1, pair.port2]) {
        const post = p.postMessage.bind(p);
        p.postMessage = (m: unknown) => {
          c.messages++;
          c.events += packedEventCount((m as DataBatch).events);
          post(m);
        };
      }
      return pair;
    },
  };
  return c;
}

async function runOver(spawner: HostSpawner, file: string, capMs: number, targets?: number[]) {
  const s = capped(loadScenario(file), capMs);
  const cluster = await Cluster.create(spawner);
  try {
    const run = await Coordinator.start(
      cluster,
      s,
      { recordWire: false, store: MEMORY_STORE },
      'fresh',
    );
    for (const t of targets ?? []) await run.runUntil(t);
    await run.runUntil(s.durationMs, true);
    return { run, ref: inProcess(s) };
  } finally {
    await cluster.dispose();
  }
}

describe('windows of virtual time', () => {
  it('skip idle stretches: a window starts at the next event anywhere', async () => {
    const { run, ref } = await runOver(
      memorySpawner(() => undefined),
      'online-delivery.json',
      20_000,
    );
    expect(run.traceHash).toBe(ref.hash);
    const everyWindow = 20_000 / LOOKAHEAD_MS;
    expect(run.windows).toBeLessThan(everyWindow / 20);
    expect(run.windows).toBeLessThanOrEqual(ref.sim.kernel.eventsProcessed);
  });

  it('call only the hosts with something to do', async () => {
    const { run } = await runOver(
      memorySpawner(() => undefined),
      'four-protocols.json',
      60_000,
    );
    expect(run.hostRuns).toBeLessThan(run.windows * 2);
  });

  it('carry one batch per peer per window at most, many events each', async () => {
    const spawner = counting(memorySpawner(() => undefined));
    const { run, ref } = await runOver(spawner, 'new-years-eve-jitter.json', 75_000);
    expect(run.traceHash).toBe(ref.hash);
    expect(spawner.messages).toBeLessThanOrEqual(run.windows * 6);
    expect(spawner.events / spawner.messages).toBeGreaterThan(3);
  });

  it('wait for batches that arrive after the next grant (slow ports), keeping the order', async () => {
    let n = 0;
    const slow = memorySpawner(
      () => undefined,
      undefined,
      () => (n++ % 7) % 3,
    ); // 0–2 ms per message, in order
    const { run, ref } = await runOver(slow, 'offline-store-and-forward.json', 40_000);
    expect(run.traceHash).toBe(ref.hash);
  });

  it('may stop anywhere (frames, pauses) without changing the run', async () => {
    const targets = [
      1, 2, 3, 1_999, 2_000, 2_001, 2_003, 2_047, 2_050, 4_444, 15_000, 15_004, 15_005, 15_006,
      25_000,
    ];
    const { run, ref } = await runOver(
      memorySpawner(() => undefined),
      'offline-store-and-forward.json',
      40_000,
      targets,
    );
    expect(run.traceHash).toBe(ref.hash);
  });
});
