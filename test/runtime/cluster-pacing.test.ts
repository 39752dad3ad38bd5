// The worker host's pacing under load: snapshots limited to a share of the wall clock (frames in
// between carry the last one, saying when it was taken), and a playing run that keeps going
// between frames, in slices, to the same trace as a straight run.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ScenarioFile } from '../../src/engine/scenario/scenario';
import { channelSpawner } from '../../src/runtime/cluster/channel-spawner';
import { Cluster } from '../../src/runtime/cluster/cluster';
import { LocalPlayground } from '../../src/runtime/local-playground';
import { ClusterPlayground } from '../../src/runtime/playground/cluster-playground';
import { SCENARIO_DIR } from './helpers';

const file = JSON.parse(
  readFileSync(join(SCENARIO_DIR, 'offline-store-and-forward.json'), 'utf8'),
) as ScenarioFile;

const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 5));

describe('ClusterPlayground pacing', () => {
  let pg: ClusterPlayground | undefined;
  afterEach(async () => {
    await pg?.dispose();
    pg = undefined;
  });

  it('reuses a snapshot while building one would take more than its share of the wall clock', async () => {
    // Every reading of the clock moves it 10 ms: a snapshot "costs" 10 ms, so at a share of 0.1
    // the next one is due 100 ms later.
    let wall = 0;
    pg = new ClusterPlayground(await Cluster.create(channelSpawner(() => undefined)), {
      store: { persistence: 'none' },
      nowMs: () => (wall += 10),
      snapshotShare: 0.1,
    });
    await pg.load(file);
    await pg.play();
    const first = await pg.frame();
    const second = await pg.frame();
    expect(first && second).toBeTruthy();
    expect(second!.snapshot.nowMs).toBeGreaterThan(first!.snapshot.nowMs);
    // The second frame carries the first's parts and report, and says when they were measured.
    expect(second!.snapshot.measuredAtMs).toBe(first!.snapshot.nowMs);
    expect(second!.snapshot.report).toEqual(first!.snapshot.report);
    wall += 1_000;
    const later = await pg.frame();
    expect(later!.snapshot.measuredAtMs).toBeUndefined();
    // A control call always sees the run as it is.
    await pg.pause();
    const paused = await pg.snapshot();
    expect(paused.measuredAtMs).toBeUndefined();
    const local = new LocalPlayground({ nowMs: () => 0, nextFrame: () => () => undefined });
    await local.load(file);
    await local.seek(paused.nowMs);
    expect(paused.report).toEqual((await local.snapshot()).report);
  });

  it('keeps running between frames, in slices, to the trace of a straight run', async () => {
    let wall = 0;
    pg = new ClusterPlayground(await Cluster.create(channelSpawner(() => undefined)), {
      store: { persistence: 'none' },
      nowMs: () => wall,
      frameBudgetMs: 1_000,
      betweenFramesSliceMs: 1_000,
    });
    await pg.load(file);
    await pg.setSpeed(100);
    await pg.play();
    await pg.frame();
    // 50 ms of wall time at 100× is 5 virtual seconds, reached with no frame asked for.
    wall += 50;
    let reached = (await pg.snapshot()).nowMs;
    for (let i = 0; i < 200 && reached < 5_000; i++) {
      await tick();
      reached = (await pg.snapshot()).nowMs;
    }
    expect(reached).toBe(5_000);
    // Frames and slices, then a pause: the same trace as the one-thread host run straight there.
    for (let i = 0; i < 20; i++) {
      wall += 40;
      await pg.frame();
      await tick();
    }
    await pg.pause();
    const end = await pg.snapshot();
    expect(end.nowMs).toBeGreaterThan(5_000);
    const local = new LocalPlayground({ nowMs: () => 0, nextFrame: () => () => undefined });
    await local.load(file);
    await local.seek(end.nowMs);
    expect(end.report.traceHash).toBe((await local.snapshot()).report.traceHash);
  });

  it('does not run between frames once paused', async () => {
    let wall = 0;
    pg = new ClusterPlayground(await Cluster.create(channelSpawner(() => undefined)), {
      store: { persistence: 'none' },
      nowMs: () => wall,
      betweenFramesSliceMs: 1_000,
    });
    await pg.load(file);
    await pg.play();
    await pg.frame();
    await pg.pause();
    const at = (await pg.snapshot()).nowMs;
    wall += 10_000;
    for (let i = 0; i < 5; i++) await tick();
    expect((await pg.snapshot()).nowMs).toBe(at);
  });
});
