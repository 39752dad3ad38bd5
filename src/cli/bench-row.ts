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
  const row = (cells: string[]) =>
    cells.map((c, i) => (i < 4 ? c.padEnd(widths[i]!) : c)).join('  ');
  return [
    row(['figure', 'value', 'baseline', 'ratio', 'goal']),
    row(widths.map((w) => '─'.repeat(w)).concat('────')),
    ...lines.map(row),
  ];
}
