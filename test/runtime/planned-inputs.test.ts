// Proves inputs planned ahead (a lesson's "Do it for me") land at their exact virtual instants at
// any speed, in both hosts: at 1000× with 100 ms frames (100 virtual seconds a frame) the input
// log holds each at its planned time, the two hosts reach the same trace hash, and the log alone
// replays to it. A learner's click in between keeps the plan; a seek or a new plan cancels it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { PlannedInput } from '../../src/bridge/playground-api';
import type { ScenarioFile } from '../../src/engine/scenario/scenario';
import { channelSpawner } from '../../src/runtime/cluster/channel-spawner';
import { Cluster } from '../../src/runtime/cluster/cluster';
import { LocalPlayground } from '../../src/runtime/local-playground';
import { ClusterPlayground } from '../../src/runtime/playground/cluster-playground';
import type { RunSession } from '../../src/runtime/session/run-session';
import { inProcess, SCENARIO_DIR, scenarioFrom } from './helpers';

const file = JSON.parse(
  readFileSync(join(SCENARIO_DIR, 'offline-store-and-forward.json'), 'utf8'),
) as ScenarioFile;

const PLAN: PlannedInput[] = [
  { afterMs: 7_000, action: { do: 'online', user: 2 } },
  { afterMs: 0, action: { do: 'offline', user: 2 } },
  { afterMs: 2_500, action: { do: 'send', from: 1, to: 2, text: 'while Bob is away' } },
  { afterMs: 2_500, action: { do: 'crash' } },
];

describe('inputs planned at virtual times', () => {
  let cluster: ClusterPlayground | undefined;
  afterEach(async () => {
    await cluster?.dispose();
    cluster = undefined;
  });

  it('land at their instants at 1000×, the same in both hosts, and replay from the log', async () => {
    const c = { wall: 0 };
    const local = new LocalPlayground({ nowMs: () => c.wall, nextFrame: () => () => undefined });
    cluster = new ClusterPlayground(await Cluster.create(channelSpawner(() => undefined)), {
      store: { persistence: 'none' },
      nowMs: () => c.wall,
    });
    const hosts: RunSession[] = [local, cluster];
    for (const h of hosts) {
      await h.load(file);
      await h.seek(1_234);
      expect(await h.planInputs(PLAN)).toEqual([1_235, 3_735, 3_735, 8_235]);
      await h.setSpeed(1000);
      await h.play();
    }
    // One 100 ms frame at 1000× is 100 s of virtual time: every planned instant inside one frame.
    c.wall += 100;
    for (const h of hosts) await h.frame();
    const logs = await Promise.all(hosts.map((h) => h.inputLog()));
    expect(logs[0]).toEqual([
      { atMs: 1_235, action: PLAN[1]!.action },
      { atMs: 3_735, action: PLAN[2]!.action },
      { atMs: 3_735, action: PLAN[3]!.action },
      { atMs: 8_235, action: PLAN[0]!.action },
    ]);
    expect(logs[1]).toEqual(logs[0]);
    const [a, b] = await Promise.all(hosts.map((h) => h.snapshot()));
    expect(a!.nowMs).toBe(b!.nowMs);
    expect(b!.report.traceHash).toBe(a!.report.traceHash);
    const s = scenarioFrom(file);
    expect(inProcess({ ...s, durationMs: a!.nowMs }, logs[0]).hash).toBe(a!.report.traceHash);
  });

  it("keeps the plan across a learner's click, gives it when stepping, and a seek cancels it", async () => {
    const pg = new LocalPlayground({ nowMs: () => 0, nextFrame: () => () => undefined });
    await pg.load(file);
    await pg.seek(2_000);
    await pg.planInputs([
      { afterMs: 500, action: { do: 'offline', user: 1 } },
      { afterMs: 9_000, action: { do: 'online', user: 1 } },
    ]);
    await pg.input({ do: 'send', from: 2, to: 1, text: 'a click of my own' });
    // Step stops at the planned instant even when no event of the run falls on it.
    while (((await pg.step()) ?? Infinity) < 2_501);
    expect((await pg.inputLog()).map((i) => [i.atMs, i.action.do])).toEqual([
      [2_001, 'send'],
      [2_501, 'offline'],
    ]);
    await pg.seek(2_600);
    await pg.seek(20_000);
    expect((await pg.inputLog()).map((i) => i.action.do)).toEqual(['send', 'offline']);
    // A new plan replaces the old one; an empty one cancels.
    await pg.planInputs([{ afterMs: 100, action: { do: 'crash' } }]);
    await pg.planInputs([]);
    await pg.advanceBy(1_000);
    expect((await pg.inputLog()).map((i) => i.action.do)).toEqual(['send', 'offline']);
  });
});
