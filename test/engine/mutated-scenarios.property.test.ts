// Proves the scenario bounds hold at every door a stranger's scenario comes through: the engine's
// validator, the command line's reading of a file, a share link (decoded, then checked as a run
// record) and a lesson (a scenario file it names). Starting from the real examples and mutating
// them (huge, negative, NaN-ish, deeply nested, long and wrong-typed values; arrays repeated;
// counts and rates multiplied), no door throws, every error is short, the doors agree, and
// whatever is accepted is within the work budget and runs to its end.
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeShare, encodeShare } from '../../src/bridge/share-link';
import { RUN_RECORD_VERSION } from '../../src/bridge/run-record';
import { LIMITS } from '../../src/engine/kernel/limits';
import { parseScenario, validateScenario } from '../../src/engine/scenario/validate-scenario';
import { estimateWork } from '../../src/engine/scenario/work-budget';
import { Simulation } from '../../src/engine/sim/simulation';
import { parseLesson } from '../../src/lessons/parse-lesson';
import { checkRunRecord } from '../../src/runtime/session/record-check';
import { SCENARIO_DIR } from './run-scenario';

const EXAMPLES: readonly unknown[] = [
  ...readdirSync(SCENARIO_DIR).filter((f) => f.endsWith('.json')),
  ...readdirSync(resolve(SCENARIO_DIR, 'retry-policies')).map((f) => `retry-policies/${f}`),
].map((f) => JSON.parse(readFileSync(resolve(SCENARIO_DIR, f), 'utf8')) as unknown);

/** The longest error any door may give (a reader sees the whole of it in one glance). */
const MAX_ERROR_CHARS = 300;

type Json = unknown;

const nest = (depth: number): Json => {
  let v: Json = 'mqtt';
  for (let i = 0; i < depth; i++) v = i % 2 ? { a: v } : [v];
  return v;
};

/** Values a hostile or careless author puts where a field was. */
const REPLACEMENTS: readonly ((n: number) => Json)[] = [
  () => 1e308,
  (n) => 10 ** (6 + (n % 10)),
  () => -1,
  (n) => -(10 ** (n % 12)),
  () => 0,
  () => 0.5,
  () => Number.NaN,
  () => Infinity,
  () => null,
  () => 'NaN',
  () => '5',
  () => true,
  () => ({}),
  () => [],
  (n) => nest(20 + (n % 60)),
  (n) => 'x'.repeat(100 + (n % 5) * 20_000),
  (n) => '€'.repeat(5_000 + (n % 4) * 6_000),
  (n) => ({ [`k${'y'.repeat(n % 3000)}`]: 1 }),
];

/** Every place in `x` a mutation may touch: [container, key]. */
function slots(x: Json, out: [Record<string | number, Json>, string | number][] = []) {
  if (x !== null && typeof x === 'object') {
    for (const [k, v] of Object.entries(x)) {
      out.push([x as Record<string, Json>, Array.isArray(x) ? Number(k) : k]);
      slots(v, out);
    }
  }
  return out;
}

interface Mutation {
  readonly kind: 'replace' | 'repeat' | 'multiply' | 'add-action';
  readonly at: number;
  readonly n: number;
}

function mutate(example: Json, mutations: readonly Mutation[]): Json {
  const x = structuredClone(example) as Record<string, Json>;
  for (const m of mutations) {
    const all = slots(x);
    if (all.length === 0) break;
    const [parent, key] = all[m.at % all.length]!;
    const v = parent[key];
    if (m.kind === 'replace') parent[key] = REPLACEMENTS[m.n % REPLACEMENTS.length]!(m.n);
    else if (m.kind === 'multiply') {
      const numbers = all.filter(([p, k]) => typeof p[k] === 'number');
      const [p, k] = numbers[m.at % Math.max(1, numbers.length)] ?? [parent, key];
      if (typeof p[k] === 'number') p[k] = (p[k] as number) * 10 ** (1 + (m.n % 7));
    } else if (m.kind === 'repeat') {
      const arrays = all.filter(([p, k]) => Array.isArray(p[k]));
      const [p, k] = arrays[m.at % Math.max(1, arrays.length)] ?? [parent, key];
      const list = p[k];
      if (Array.isArray(list)) p[k] = Array.from({ length: 2 + (m.n % 40) }, () => list).flat();
      else parent[key] = v;
    } else {
      const actions = Array.isArray(x.actions) ? x.actions : (x.actions = []);
      (actions as Json[]).push(
        m.n % 2
          ? {
              at: m.n % 100,
              do: 'spike',
              connections: 1 + ((m.n * 7919) % 1_000_000),
              withinSec: 1,
            }
          : {
              at: m.n % 100,
              do: 'spawn',
              count: 1 + ((m.n * 104_729) % 1_000_000),
              protocol: 'mqtt',
            },
      );
    }
  }
  return x;
}

const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('replace', 'replace', 'repeat', 'multiply', 'add-action'),
  at: fc.nat(),
  n: fc.nat(),
});

const sourceIds = new Set<string>();
const lessonDoor = (text: string): string[] | 'ok' => {
  const lesson = `---
id: mutated
title: A mutated scenario
summary: One step.
minutes: 3
scenario: mutated.json
---

## Look

Watch the diagram.
`;
  const r = parseLesson(lesson, 'content/lessons/42-mutated.md', {
    readScenario: (n) => (n === 'mutated.json' ? text : undefined),
    sourceIds,
  });
  return r.ok
    ? 'ok'
    : r.errors.map((e) => e.reason.replace(/^scenario: scenarios\/mutated\.json: /, ''));
};

/** Runs an accepted scenario with a hard cap on events; the count it took, or Infinity past the cap. */
function eventsWithCap(x: Json, cap: number): number {
  const r = validateScenario(x);
  if (!r.ok) throw new Error(r.errors.join('; '));
  const sim = new Simulation(r.scenario);
  for (let t = 0; t < r.scenario.durationMs; t += 1000) {
    sim.runUntil(t);
    if (sim.kernel.eventsProcessed > cap) return Infinity;
  }
  sim.run();
  return sim.kernel.eventsProcessed;
}

describe('mutated scenarios at every door', () => {
  it('never throw, give short errors, agree, and accept only what fits the budget and finishes', () => {
    let ran = 0;
    const seen = { accepted: 0, rejected: 0, overBudget: 0 };
    fc.assert(
      fc.property(
        fc.constantFrom(...EXAMPLES),
        fc.array(mutationArb, { minLength: 1, maxLength: 4 }),
        (example, mutations) => {
          const x = mutate(example, mutations);
          // Every door but the page's own memory sees JSON: compare the doors on what JSON keeps.
          const text = JSON.stringify(x);
          const json = JSON.parse(text) as Json;

          const engine = validateScenario(x);
          const engineJson = validateScenario(json);
          const cli = parseScenario(text);
          // A link holds at most 8,192 characters: text this long never makes one (and deflating
          // megabytes only slows the test).
          const link =
            text.length > 1_000_000
              ? undefined
              : decodeShare(
                  encodeShare({
                    version: RUN_RECORD_VERSION,
                    scenario: json as never,
                    inputs: [],
                    reached: { ms: 0, inclusive: true },
                    settings: { speed: 1 },
                  }),
                );
          const share = link?.ok ? checkRunRecord(link.record) : undefined;
          const lesson = lessonDoor(text);

          const errors = [
            ...(engine.ok ? [] : engine.errors),
            ...(cli.ok ? [] : cli.errors),
            ...(share && !share.ok ? share.errors : []),
            ...(lesson === 'ok' ? [] : lesson),
          ];
          for (const e of errors) expect(e.length).toBeLessThanOrEqual(MAX_ERROR_CHARS);

          expect(cli.ok).toBe(engineJson.ok);
          if (share) expect(share.ok).toBe(engineJson.ok);
          expect(lesson === 'ok').toBe(engineJson.ok);
          if (!engine.ok) {
            seen.rejected++;
            if (engine.errors.some((e) => e.includes('LIMITS.max'))) seen.overBudget++;
            return;
          }
          seen.accepted++;

          const work = estimateWork(engine.scenario).total;
          expect(work).toBeLessThanOrEqual(LIMITS.maxWorkEvents);
          // A few small accepted ones really run: they end, within twice the estimate.
          if (work <= 20_000 && ran < 10) {
            ran++;
            expect(eventsWithCap(x, 2 * work)).toBeLessThanOrEqual(2 * work);
          }
        },
      ),
      { numRuns: 150, seed: 2026 },
    );
    // The mutations reach both sides of every bound, and some accepted runs really ran.
    expect(seen.accepted).toBeGreaterThan(10);
    expect(seen.rejected).toBeGreaterThan(10);
    expect(seen.overBudget).toBeGreaterThan(0);
    expect(ran).toBeGreaterThanOrEqual(2);
  });
});
