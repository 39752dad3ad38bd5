/**
 * How many random scenarios the fuzz runs, from which seed: a fixed set in CI, or a soak chosen
 * by environment variables (README, "Tests"). A soak without FUZZ_SEED draws a fresh seed and
 * prints it, so any run can be repeated exactly.
 */

/** The fixed set every `npm test` runs. */
export const CI_FUZZ = { runs: 60, seed: 20261231 } as const;

export interface FuzzSettings {
  readonly runs: number;
  readonly seed: number;
  /** Where to write a failing scenario as a regression file (FUZZ_SAVE), if anywhere. */
  readonly saveDir: string | undefined;
  readonly soak: boolean;
}

function whole(name: string, value: string | undefined, min: number): number | undefined {
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min)
    throw new Error(`${name} must be a whole number ≥ ${min} (got "${value}")`);
  return n;
}

export function fuzzSettings(env: Readonly<Record<string, string | undefined>>): FuzzSettings {
  const runs = whole('FUZZ_RUNS', env.FUZZ_RUNS, 1);
  const seed = whole('FUZZ_SEED', env.FUZZ_SEED, 0);
  const soak = runs !== undefined || seed !== undefined;
  return {
    runs: runs ?? CI_FUZZ.runs,
    // fast-check takes a 32-bit seed; a soak without one starts somewhere new each time.
    seed: seed ?? (soak ? Math.floor(Math.random() * 0x7fffffff) : CI_FUZZ.seed),
    saveDir: env.FUZZ_SAVE || undefined,
    soak,
  };
}
