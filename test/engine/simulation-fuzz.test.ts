// Proves, over random scenarios (toggles, sends, spikes, link drops, crashes, protocol switches):
// every promise of the model holds at every trace event (the run stops at the first one broken),
// the trace's own count of every chat agrees with the report, and after a drain the store is empty
// with every message delivered. CI runs a fixed set; FUZZ_RUNS / FUZZ_SEED soak (README, "Tests").
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fuzzSettings } from './fuzz-settings';
import { allViolations, runAndDrain } from './invariants';
import { regressionOf, saveRegression } from './regression-file';
import { scenarioArb } from './scenario-arbitrary';

const fuzz = fuzzSettings(process.env);

describe('seeded simulation fuzzing', () => {
  it(`keeps every invariant over ${fuzz.runs} random scenarios (fast-check seed ${fuzz.seed})`, () => {
    if (fuzz.soak) console.log(`soak: FUZZ_RUNS=${fuzz.runs} FUZZ_SEED=${fuzz.seed}`);
    const out = fc.check(
      fc.property(scenarioArb(), (file) => allViolations(runAndDrain(file)).length === 0),
      { numRuns: fuzz.runs, seed: fuzz.seed },
    );
    if (!out.failed) return;
    const file = out.counterexample?.[0];
    if (file === undefined)
      throw out.errorInstance ?? new Error('fast-check failed without a counterexample');
    const found = runAndDrain(file);
    const saved = fuzz.saveDir ? saveRegression(fuzz.saveDir, file, found) : undefined;
    expect(
      allViolations(found),
      [
        `fast-check seed ${fuzz.seed}, path ${out.counterexample ? out.counterexamplePath : '?'}`,
        saved
          ? `kept as ${saved}`
          : `keep it: test/engine/regressions/${regressionOf(file, found).name}`,
        JSON.stringify(file),
      ].join('\n'),
    ).toEqual([]);
  }, 3_600_000);
});
