// Proves the run session is exact in time: after any seek (back or forward) or fork the page's log
// is the log of a straight run to that time, row by row; seeking and forking from random points
// replays to the same trace hash; and a run exported as a scenario file replays in the command
// line's way (the scenario's own actions) to the same trace hash.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FrameBatch, InputAction } from '../../src/bridge/playground-api';
import { recordAsScenario } from '../../src/bridge/record-scenario';
import type { TraceEvent } from '../../src/engine/kernel/trace';
import type { ScenarioFile } from '../../src/engine/scenario/scenario';
import { parseScenario } from '../../src/engine/scenario/validate-scenario';
import { Simulation } from '../../src/engine/sim/simulation';
import { LocalPlayground } from '../../src/runtime/local-playground';
import { SCENARIO_DIR } from './helpers';

const file = JSON.parse(
  readFileSync(join(SCENARIO_DIR, 'offline-store-and-forward.json'), 'utf8'),
) as ScenarioFile;

/** A one-thread host with frames driven by hand, and the page's log as the page keeps it. */
function host() {
  const pg = new LocalPlayground({ nowMs: () => 0, nextFrame: () => () => undefined });
  const log: TraceEvent[] = [];
  pg.subscribe((b: FrameBatch) => {
    if (b.replaceLog) log.splice(0, log.length, ...b.events);
    else log.push(...b.events);
  });
  return { pg, log };
}

/** A straight run: the same inputs, run once to `ms`, with its trace. */
function straight(
  f: ScenarioFile,
  inputs: readonly { atMs: number; action: InputAction }[],
  ms: number,
) {
  const parsed = parseScenario(JSON.stringify(f));
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  const events: TraceEvent[] = [];
  const sim = new Simulation(parsed.scenario, { sinks: [{ emit: (e) => events.push(e) }] });
  for (const i of inputs) sim.input(i.action, i.atMs);
  sim.runUntil(ms, true);
  return { events, hash: sim.hasher.hex };
}

const ACTIONS: InputAction[] = [
  { do: 'send', from: 1, to: 2, text: 'are you there?' },
  { do: 'offline', user: 1 },
  { do: 'online', user: 2 },
  { do: 'link', user: 1, quality: 'flaky' },
  { do: 'crash' },
  { do: 'protocol', user: 2, protocol: 'long-poll' },
];

/** Events compared as rows of the log (the page shows these fields). */
const rows = (events: readonly TraceEvent[]) =>
  events.map((e) => `${e.atMs} ${e.kind} ${e.from}>${e.to} #${e.msg} ${e.note ?? ''}`);

describe('run session', () => {
  it('after seeking back and forth, the log equals a straight run to that time, row by row', async () => {
    const { pg, log } = host();
    await pg.load(file);
    await pg.seek(4_000);
    await pg.input({ do: 'send', from: 1, to: 2, text: 'hello' });
    for (const t of [9_000, 2_000, 15_000, 15_000, 6_500, 30_000]) {
      await pg.seek(t);
      const hash = (await pg.snapshot()).report.traceHash; // the seek's batch has reached the page
      const ref = straight(file, await pg.inputLog(), t);
      expect(rows(log), `at ${t} ms`).toEqual(rows(ref.events));
      expect(hash).toBe(ref.hash);
    }
  });

  it('Step runs to the next event; an input given while paused is pending until then', async () => {
    const { pg } = host();
    await pg.load(file);
    await pg.seek(7_209);
    await pg.input({ do: 'offline', user: 2 });
    const before = await pg.snapshot();
    expect(before.pendingInputs).toEqual([{ atMs: 7_210, action: { do: 'offline', user: 2 } }]);
    const t = await pg.step();
    expect(t).toBe(7_210);
    const after = await pg.snapshot();
    expect(after.pendingInputs).toEqual([]);
    expect(after.phones.find((p) => p.user === 2)?.status).toBe('offline');
  });

  it('seek and fork from random points replay to the same hash as a straight run', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            at: fc.integer({ min: 0, max: 20_000 }),
            action: fc.constantFrom(...ACTIONS),
            seekBack: fc.integer({ min: 0, max: 20_000 }),
            fork: fc.boolean(),
          }),
          { maxLength: 5 },
        ),
        async (plan) => {
          const { pg, log } = host();
          await pg.load(file);
          for (const p of plan) {
            await pg.seek(p.at);
            await pg.input(p.action);
            await pg.seek(p.seekBack);
            if (p.fork) await pg.fork();
          }
          await pg.seek(25_000);
          const ref = straight(file, await pg.inputLog(), 25_000);
          expect((await pg.snapshot()).report.traceHash).toBe(ref.hash);
          expect(rows(log)).toEqual(rows(ref.events));
        },
      ),
      { numRuns: 15, seed: 13 },
    );
  });

  it('a run exported as a scenario file replays to the same trace hash', async () => {
    const { pg } = host();
    await pg.load(file);
    await pg.seek(2_000);
    await pg.input({ do: 'send', from: 1, to: 2, text: 'one' });
    await pg.step();
    await pg.input({ do: 'offline', user: 1 });
    await pg.input({
      do: 'spike',
      connections: 30,
      withinMs: 1500,
      protocol: 'mqtt',
      messagesEach: 1,
    });
    await pg.seek(6_000);
    await pg.input({ do: 'online', user: 1 });
    await pg.input({ do: 'retry', policy: { kind: 'fixed', delayMs: 1000 } });
    await pg.seek(12_345);
    const hash = (await pg.snapshot()).report.traceHash;
    const exported = recordAsScenario(await pg.record());
    const parsed = parseScenario(JSON.stringify(exported));
    if (!parsed.ok) throw new Error(parsed.errors.join('; '));
    const sim = new Simulation(parsed.scenario);
    sim.run();
    expect(sim.hasher.hex).toBe(hash);
  });
});
