// Proves the bench table: ratios, goal marks, a dash where a zero baseline leaves no ratio, and
// the median the bench figures are taken as.
import { describe, expect, it } from 'vitest';
import { formatBenchRows, median, type BenchRow } from '../../src/cli/bench-row';

const base: BenchRow = {
  name: 'pipeline',
  value: 20_000,
  unit: 'msg/s',
  baseline: 10_000,
  baselineName: 'raw',
  ratio: 2,
  goal: '≥ 0.5 of raw',
  met: true,
};

describe('formatBenchRows', () => {
  it('prints value, baseline, ratio and the goal with its mark, one line per row after the header', () => {
    const lines = formatBenchRows([
      base,
      { ...base, name: 'slow', value: 1_000, ratio: 0.1, met: false },
      { ...base, name: 'info', goal: 'comparison', met: undefined },
    ]);
    expect(lines).toHaveLength(5);
    expect(lines[2]).toMatch(
      /^pipeline\s+20,000 msg\/s\s+10,000 msg\/s \(raw\)\s+2\.000×\s+≥ 0\.5 of raw {2}✓ met$/,
    );
    expect(lines[3]).toMatch(/0\.100×\s+≥ 0\.5 of raw {2}✗ not met$/);
    expect(lines[4]).toMatch(/2\.000×\s+comparison$/);
  });

  it('prints a dash, not a number, when the baseline is zero, and counts without decimals', () => {
    const [, , line] = formatBenchRows([
      {
        ...base,
        name: 'long tasks',
        value: 4,
        unit: 'tasks',
        baseline: 0,
        ratio: NaN,
        goal: 'comparison',
        met: undefined,
      },
    ]);
    expect(line).toMatch(/^long tasks\s+4 tasks\s+0 tasks \(raw\)\s+—\s+comparison$/);
  });
});

describe('median', () => {
  it('is the middle value whatever the order, and leaves its input alone', () => {
    const xs = [9, 1, 5];
    expect(median(xs)).toBe(5);
    expect(xs).toEqual([9, 1, 5]);
    expect(median([4, 1, 3, 2])).toBe(3);
  });
});
