/** Test helper: load a scenario file (or object), run it, return the simulation and its report. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ScenarioFile } from '../../src/engine/scenario/scenario';
import { parseScenario, validateScenario } from '../../src/engine/scenario/validate-scenario';
import { buildReport, type Report } from '../../src/engine/sim/report';
import { Simulation, type SimulationOptions } from '../../src/engine/sim/simulation';

export const SCENARIO_DIR = resolve(__dirname, '../../scenarios');

export function loadScenarioFile(name: string): ScenarioFile {
  return JSON.parse(readFileSync(resolve(SCENARIO_DIR, name), 'utf8')) as ScenarioFile;
}

export function runScenario(
  file: ScenarioFile | string,
  opts: SimulationOptions = {},
): { sim: Simulation; report: Report } {
  const v =
    typeof file === 'string'
      ? parseScenario(readFileSync(resolve(SCENARIO_DIR, file), 'utf8'))
      : validateScenario(file);
  if (!v.ok) throw new Error(v.errors.join('; '));
  const sim = new Simulation(v.scenario, opts);
  sim.run();
  return { sim, report: buildReport(sim) };
}
