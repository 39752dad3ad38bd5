import type { ScenarioFile } from '../engine/scenario/scenario';

/** User numbers of the names a scenario gives its phone groups (phones are numbered from 1 in order). */
export function lessonUserNames(scenario: ScenarioFile): Map<number, string> {
  const names = new Map<number, string>();
  let first = 1;
  for (const g of scenario.phones) {
    g.names?.forEach((n, j) => names.set(first + j, n));
    first += g.count;
  }
  return names;
}
