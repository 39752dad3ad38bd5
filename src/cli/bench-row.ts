/** One line of `npm run bench`: a figure beside a baseline measured in the same run, as a ratio. */
export interface BenchRow {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly baseline: number;
  readonly baselineName: string;
  /** value ÷ baseline (NaN when the baseline is zero: printed as —). */
  readonly ratio: number;
  /** The goal in words, e.g. "≥ 0.25 of the bare loop". */
  readonly goal?: string;
  /** Whether the goal was met, when the goal is checkable. */
  readonly met?: boolean;
}

/** The middle value of `xs` (the upper middle for an even count): the noise-resistant figure of a few runs. */
export const median = (xs: readonly number[]): number =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const fmt = (n: number): string =>
  Number.isInteger(n) || Math.abs(n) >= 100
    ? Math.round(n).toLocaleString('en-US')
    : Math.abs(n) >= 10
      ? n.toFixed(1)
      : n.toFixed(3);

/** Formats rows as an aligned table. */
export function formatBenchRows(rows: readonly BenchRow[]): string[] {
  const lines = rows.map((r) => [
    r.name,
    `${fmt(r.value)} ${r.unit}`,
    `${fmt(r.baseline)} ${r.unit} (${r.baselineName})`,
    Number.isFinite(r.ratio) ? `${r.ratio.toFixed(3)}×` : '—',
    r.goal ? `${r.goal}${r.met === undefined ? '' : r.met ? '  ✓ met' : '  ✗ not met'}` : '',
  ]);
  const widths = [0, 1, 2, 3].map((i) =>
    Math.max(
      ...lines.map((l) => l[i]!.length),
      ['figure', 'value', 'baseline', 'ratio'][i]!.length,
    ),
  );
  const joined = (cells: string[]) =>
    cells.map((c, i) => (i < 4 ? c.padEnd(widths[i]!) : c)).join('  ');
  return [
    joined(['figure', 'value', 'baseline', 'ratio', 'goal']),
    joined(widths.map((w) => '─'.repeat(w)).concat('────')),
    ...lines.map(joined),
  ];
}

/** One row, its ratio to the baseline worked out (values rounded to one decimal). */
const round1 = (n: number): number => Math.round(n * 10) / 10;
export const row = (
  name: string,
  value: number,
  unit: string,
  baseline: number,
  baselineName: string,
  goal: string,
  met?: boolean,
): BenchRow => ({
  name,
  value: round1(value),
  unit,
  baseline: round1(baseline),
  baselineName,
  ratio: baseline ? Math.round((value / baseline) * 1000) / 1000 : NaN, // printed as — (no ratio to a zero baseline)
  goal,
  ...(met !== undefined ? { met } : {}),
});
