// Proves, over random scenarios (toggles, sends, spikes, link drops, crashes): nothing is lost,
// nothing is doubled, per-chat order holds, no receipt precedes its cause, and after a drain the
// store is empty with every message delivered.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runAndDrain } from './invariants';
import { scenarioArb } from './scenario-arbitrary';

describe('seeded simulation fuzzing', () => {
  it('keeps every invariant over random scenarios', () => {
    fc.assert(
      fc.property(scenarioArb(), (file) => {
        const { during, after } = runAndDrain(file);
        expect(during, JSON.stringify(file)).toEqual([]);
        expect(after, JSON.stringify(file)).toEqual([]);
      }),
      {
        numRuns: Number(process.env.FUZZ_RUNS ?? 60),
        seed: Number(process.env.FUZZ_SEED ?? 20261231),
      },
    );
  }, 600_000);
});
