import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../engine/sim/report';
import { Simulation } from '../engine/sim/simulation';
import { validateScenario } from '../engine/scenario/validate-scenario';
import type { InputAction } from '../engine/model/messages';
import { createCheckpointSink } from './checkpoint-sink';
import type { Lesson, Predicate } from './model';

const SCENARIO = {
  name: 'three phones',
  seed: 1,
  durationSec: 600,
  phones: [{ count: 3, protocol: 'mqtt' as const, names: ['alice', 'bob', 'carol'] }],
};

/** A one-step lesson whose checkpoint is `predicates`. */
const lessonWith = (predicates: Predicate[], seed: number): Lesson => ({
  id: 'prop',
  file: 'content/lessons/99-prop.md',
  order: 99,
  title: 'prop',
  summary: 'prop',
  minutes: 1,
  scenario: { ...SCENARIO, seed },
  scenarioFile: undefined,
  intro: '',
  sources: [],
  steps: [
    {
      index: 0,
      title: 'all of it',
      line: 1,
      prose: 'x',
      sources: [],
      actions: [],
      checkpoint: { line: 1, withinSec: 600, predicates },
      prediction: undefined,
      hints: [],
      showMe: undefined,
    },
  ],
});

const user = fc.integer({ min: 1, max: 3 });
const action: fc.Arbitrary<{ atSec: number; action: InputAction }> = fc.record({
  atSec: fc.integer({ min: 0, max: 30 }),
  action: fc.oneof(
    fc
      .tuple(user, user)
      .filter(([a, b]) => a !== b)
      .map(([from, to]): InputAction => ({ do: 'send', from, to, text: 'hi' })),
    user.map((u): InputAction => ({ do: 'offline', user: u })),
    user.map((u): InputAction => ({ do: 'online', user: u })),
  ),
});

/** Runs the actions, then brings everyone back online and lets the run settle. */
function run(actions: { atSec: number; action: InputAction }[], seed: number, lesson: Lesson) {
  const r = validateScenario({ ...SCENARIO, seed });
  if (!r.ok) throw new Error(r.errors.join('; '));
  const sink = createCheckpointSink(lesson);
  const sim = new Simulation(r.scenario, { sinks: [sink] });
  sink.startStep(0, 0);
  for (const a of actions) sim.input(a.action, a.atSec * 1000);
  for (const u of [1, 2, 3]) sim.input({ do: 'online', user: u }, 40_000);
  sim.runUntil(120_000);
  sink.advance(120_000);
  return { sim, sink };
}

describe('the checkpoint sink', () => {
  it('counts what the engine reports, and sees the store empty once everyone is back', () => {
    fc.assert(
      fc.property(
        fc.array(action, { maxLength: 25 }),
        fc.integer({ min: 1, max: 1000 }),
        (actions, seed) => {
          const sent = (from: number, to: number) =>
            actions.filter(
              (a) => a.action.do === 'send' && a.action.from === from && a.action.to === to,
            ).length;
          const pairs = [1, 2, 3].flatMap((from) =>
            [1, 2, 3].filter((to) => to !== from).map((to) => [from, to] as const),
          );
          const predicates: Predicate[] = [
            { kind: 'stored', line: 1, user: null, messages: 0 },
            ...pairs
              .filter(([f, t]) => sent(f, t) > 0)
              .map(([from, to]): Predicate => ({
                kind: 'ticks',
                line: 1,
                from,
                to,
                shows: '✓✓',
                messages: sent(from, to),
                inOrder: false,
                exactlyOnce: true,
              })),
          ];
          const { sim, sink } = run(actions, seed, lessonWith(predicates, seed));
          const report = buildReport(sim);
          expect(sink.tally.counters.sent).toBe(report.messages.sent);
          expect(sink.tally.counters.delivered).toBe(report.messages.delivered);
          expect(sink.tally.storedFor(null)).toBe(0);
          const status = sink.status(0);
          expect(status.missing).toEqual([]);
          expect(status.met).toBe(true);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('is deterministic: the same run gives the same statuses', () => {
    fc.assert(
      fc.property(fc.array(action, { maxLength: 15 }), (actions) => {
        const lesson = lessonWith([{ kind: 'stored', line: 1, user: 2, messages: 1 }], 5);
        const a = run(actions, 5, lesson).sink.status(0);
        const b = run(actions, 5, lesson).sink.status(0);
        expect(a).toEqual(b);
      }),
      { numRuns: 10 },
    );
  });

  it('says what is missing when a checkpoint is not met', () => {
    const lesson = lessonWith([{ kind: 'stored', line: 1, user: 2, messages: 3 }], 1);
    const { sink } = run([], 1, lesson);
    const s = sink.status(0);
    expect(s.met).toBe(false);
    expect(s.missing).toHaveLength(1);
    expect(s.missing[0]).toMatch(/Bob/);
  });

  it('judges on virtual time: a state that held across a 100 ms mark is seen, however late anyone asks', () => {
    // Bob is offline from 10.000 s to 10.150 s: seen at the 10.0 s mark (every event up to it).
    // Nobody asks until two minutes later, when he has long been back online.
    const lesson = lessonWith([{ kind: 'online', line: 1, user: 2, online: false }], 1);
    const r = validateScenario({ ...SCENARIO, seed: 1 });
    if (!r.ok) throw new Error(r.errors.join('; '));
    const sink = createCheckpointSink(lesson);
    const sim = new Simulation(r.scenario, { sinks: [sink] });
    sim.runUntil(5_000);
    sink.startStep(0, 5_000);
    expect(sink.status(0).met, 'Bob is online when the step starts').toBe(false);
    sim.input({ do: 'offline', user: 2 }, 10_000);
    sim.input({ do: 'online', user: 2 }, 10_150);
    sim.runUntil(120_000);
    sink.advance(120_000);
    expect(sink.status(0)).toMatchObject({ met: true, metAtMs: 10_000 });
  });
});
