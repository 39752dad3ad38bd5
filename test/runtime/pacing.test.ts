// Proves how a playing run keeps pace with the wall clock: a run that falls behind (a busy frame
// cut short by its budget) owes the time it lost and makes it up as soon as it can, up to the
// backlog bound; beyond the bound it plays on from where it is. The time a learner's action takes
// (a worker restarted, a run rebuilt) is not owed: the run does not jump ahead after it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ScenarioFile } from '../../src/engine/scenario/scenario';
import { LocalPlayground } from '../../src/runtime/local-playground';
import { MAX_BACKLOG_WALL_MS } from '../../src/runtime/session/pacing';
import { SCENARIO_DIR } from './helpers';

const file = JSON.parse(
  readFileSync(join(SCENARIO_DIR, 'offline-store-and-forward.json'), 'utf8'),
) as ScenarioFile;

/**
 * A one-thread host whose wall clock the test moves. While `busy`, every reading of the clock
 * moves it 20 ms (or `tick` ms): the engine is slow, so a frame stops after its first slice, past
 * its budget.
 */
async function pacedHost() {
  const clock = { wall: 0, busy: false, tick: 20 };
  const pg = new LocalPlayground(
    {
      nowMs: () => (clock.busy ? (clock.wall += clock.tick) : clock.wall),
      nextFrame: () => () => {},
    },
    { frameBudgetMs: 5 },
  );
  await pg.load(file);
  await pg.play();
  await pg.frame();
  return { pg, clock };
}

const reached = async (pg: LocalPlayground): Promise<number> => (await pg.snapshot()).nowMs;

describe('pacing a playing run', () => {
  it('makes up the time a busy frame could not run, once the engine is quick again', async () => {
    const { pg, clock } = await pacedHost();
    clock.wall += 600;
    clock.busy = true;
    await pg.frame();
    clock.busy = false;
    const behind = await reached(pg);
    expect(behind).toBeLessThan(300);
    // One quick frame 1 ms later runs the whole 0.6 s it owed, not just the 1 ms since.
    clock.wall += 1;
    await pg.frame();
    expect(await reached(pg)).toBeGreaterThanOrEqual(600);
    await pg.pause();
  });

  it('owes at most the backlog bound, however long it stays behind', async () => {
    const { pg, clock } = await pacedHost();
    clock.busy = true;
    for (let i = 0; i < 6; i++) {
      clock.wall += 1_000;
      await pg.frame();
    }
    clock.busy = false;
    const behind = await reached(pg);
    clock.wall += 1;
    await pg.frame();
    const caughtUp = (await reached(pg)) - behind;
    // About the bound (plus the busy clock's last few readings), not the 6 s it fell behind.
    expect(caughtUp).toBeGreaterThan(MAX_BACKLOG_WALL_MS / 2);
    expect(caughtUp).toBeLessThan(MAX_BACKLOG_WALL_MS * 1.5);
    await pg.pause();
  });

  it('does not owe the wall time a learner’s action took', async () => {
    const { pg, clock } = await pacedHost();
    const before = await reached(pg);
    // Every reading of the clock during the action moves it 300 ms: a slow action. Its first
    // reading stands for the moment it began, so those first 300 ms are the run's to play.
    clock.tick = 300;
    clock.busy = true;
    await pg.input({ do: 'offline', user: 2 });
    clock.busy = false;
    clock.wall += 1;
    await pg.frame();
    // Not the second or more the action took (owed, the run would jump ahead by it).
    expect((await reached(pg)) - before).toBeLessThanOrEqual(301);
    await pg.pause();
  });
});
