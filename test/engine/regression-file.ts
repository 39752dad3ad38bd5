/**
 * A failing fuzz scenario kept as a named regression file: `seed-<seed>-<what broke>.json` in
 * test/engine/regressions/, the scenario itself with a name and a description of the failure.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ScenarioFile } from '../../src/engine/scenario/scenario';
import type { CheckedRun } from './invariants';

export const REGRESSION_DIR = resolve(import.meta.dirname, 'regressions');

const slug = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 48);

/** The file name and contents that keep `file` as a regression of what `found` says broke. */
export function regressionOf(
  file: ScenarioFile,
  found: CheckedRun,
): { name: string; scenario: ScenarioFile } {
  const first = [...found.during, ...found.after][0] ?? 'no violation';
  const what = found.broken?.promise ?? slug(first.split(/[:\n]/)[0] ?? first);
  return {
    name: `seed-${file.seed}-${what}.json`,
    scenario: {
      ...file,
      name: `seed ${file.seed}: ${what}`,
      description: first.split('\n')[0],
    },
  };
}

/** Writes the regression file into `dir`; returns its path. */
export function saveRegression(dir: string, file: ScenarioFile, found: CheckedRun): string {
  const { name, scenario } = regressionOf(file, found);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  writeFileSync(path, `${JSON.stringify(scenario, null, 2)}\n`);
  return path;
}

/** Every kept regression scenario, by file name. */
export function regressionFiles(): { name: string; scenario: ScenarioFile }[] {
  return readdirSync(REGRESSION_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((name) => ({
      name,
      scenario: JSON.parse(readFileSync(join(REGRESSION_DIR, name), 'utf8')) as ScenarioFile,
    }));
}
