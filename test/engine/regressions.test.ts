// Proves every scenario that ever failed the fuzz (kept in test/engine/regressions/, named
// `seed-<seed>-<what broke>.json`) now keeps every invariant: run, watched at each event, drained.
import { describe, expect, it } from 'vitest';
import { allViolations, runAndDrain } from './invariants';
import { regressionFiles } from './regression-file';

const files = regressionFiles();

describe('fuzz regressions', () => {
  it('each file is named after its seed and says what broke', () => {
    expect(files.length).toBeGreaterThan(0);
    for (const { name, scenario } of files) {
      expect(name).toMatch(/^seed-\d+-[a-z0-9]+(-[a-z0-9]+)*\.json$/);
      expect(name.startsWith(`seed-${scenario.seed}-`), name).toBe(true);
      expect(scenario.description, name).toBeTruthy();
    }
  });

  it.each(files)('$name keeps every invariant', ({ scenario }) => {
    expect(allViolations(runAndDrain(scenario))).toEqual([]);
  });
});
