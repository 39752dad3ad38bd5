import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TraceEvent } from '../../src/engine/kernel/trace';
import { parseScenario } from '../../src/engine/scenario/validate-scenario';
import { Simulation } from '../../src/engine/sim/simulation';
import { stillSnapshot } from '../../src/runtime/snapshot';
import type { Snapshot } from '../../src/bridge/playground-api';

/** An example scenario run to `atSec`: its snapshot there and every trace event up to it. */
export function exampleAt(
  name: string,
  atSec: number,
): { snapshot: Snapshot; events: TraceEvent[] } {
  const parsed = parseScenario(
    readFileSync(resolve(import.meta.dirname, '../../scenarios', `${name}.json`), 'utf8'),
  );
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  const events: TraceEvent[] = [];
  const sim = new Simulation(parsed.scenario, { sinks: [{ emit: (e) => events.push(e) }] });
  sim.runUntil(atSec * 1000, true);
  return { snapshot: stillSnapshot(sim, parsed.scenario), events };
}

/** The snapshot with its first phone renamed (the page may show names the scenario never had). */
export const renamed = (s: Snapshot, name: string): Snapshot => ({
  ...s,
  phones: s.phones.map((p, i) => (i === 0 ? { ...p, name } : p)),
});
