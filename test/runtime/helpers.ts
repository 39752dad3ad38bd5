/** Shared by the runtime tests: scenarios from disk, a one-thread reference run, a run over a cluster. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Scenario, TimedAction } from '../../src/engine/scenario/scenario';
import { validateScenario } from '../../src/engine/scenario/validate-scenario';
import { buildReport, type Report } from '../../src/engine/sim/report';
import { Simulation } from '../../src/engine/sim/simulation';
import { Cluster, type HostSpawner } from '../../src/runtime/cluster/cluster';
import { Coordinator, type ClusterRunOptions } from '../../src/runtime/cluster/coordinator';
import type { ScenarioFile } from '../../src/engine/scenario/scenario';

export const SCENARIO_DIR = join(import.meta.dirname, '../../scenarios');

/** Every scenario file in scenarios/, by file name. */
export function scenarioFiles(): string[] {
  return readdirSync(SCENARIO_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort();
}

export function scenarioFrom(file: ScenarioFile): Scenario {
  const r = validateScenario(file);
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.scenario;
}

export function loadScenario(name: string): Scenario {
  return scenarioFrom(JSON.parse(readFileSync(join(SCENARIO_DIR, name), 'utf8')) as ScenarioFile);
}

/** Shortens a scenario (a long one stays a fair test of the windows while keeping the suite quick). */
export const capped = (s: Scenario, maxMs: number): Scenario => ({
  ...s,
  durationMs: Math.min(s.durationMs, maxMs),
});

/** The reference: the run in one thread. */
export function inProcess(
  s: Scenario,
  inputs: readonly TimedAction[] = [],
): { hash: string; report: Report; sim: Simulation } {
  const sim = new Simulation(s);
  for (const i of inputs) sim.input(i.action, i.atMs);
  sim.run();
  return { hash: sim.hasher.hex, report: buildReport(sim), sim };
}

export const MEMORY_STORE: ClusterRunOptions['store'] = { persistence: 'none' };

/** The same run over a cluster of hosts made by `spawner`. */
export async function overCluster(
  spawner: HostSpawner,
  s: Scenario,
  inputs: readonly TimedAction[] = [],
  opts: Partial<ClusterRunOptions> = {},
): Promise<{ hash: string; report: Report; run: Coordinator; cluster: Cluster }> {
  const cluster = await Cluster.create(spawner);
  try {
    const run = await Coordinator.start(
      cluster,
      s,
      { recordWire: false, store: MEMORY_STORE, ...opts },
      'fresh',
    );
    for (const i of inputs) run.input(i.action, i.atMs);
    await run.runUntil(s.durationMs, true);
    const report = buildReport(run.reportView(await run.parts()));
    return { hash: run.traceHash, report, run, cluster };
  } catch (e) {
    await cluster.dispose();
    throw e;
  }
}
