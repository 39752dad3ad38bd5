/** The invariants every run must keep, checked over the trace and the final state. */
import type { TraceEvent } from '../../src/engine/kernel/trace';
import { buildReport } from '../../src/engine/sim/report';
import {
  drainedViolations as reportDrainedViolations,
  recordAll,
  violations as reportViolations,
} from '../invariants';
import { Simulation } from '../../src/engine/sim/simulation';
import type { ScenarioFile } from '../../src/engine/scenario/scenario';
import { validateScenario } from '../../src/engine/scenario/validate-scenario';

export { recordAll } from '../invariants';

/** Nothing lost, nothing doubled, per-chat order, no receipt before its cause (see test/invariants.ts). */
export function violations(sim: Simulation, events: readonly TraceEvent[]): string[] {
  return reportViolations(buildReport(sim), events);
}

/** After a drain: every message delivered, the store empty (receipts included). */
export function drainedViolations(sim: Simulation): string[] {
  return reportDrainedViolations(buildReport(sim), sim.store.store.size);
}

/** Long enough after the script for every retry, keep-alive timeout and store drain to finish. */
const DRAIN_MS = 400_000;

/** Runs a scenario, then brings every phone online on a good link with a sturdy gateway. */
export function runAndDrain(file: ScenarioFile): {
  sim: Simulation;
  during: string[];
  after: string[];
} {
  const v = validateScenario(file);
  if (!v.ok) throw new Error(`generated scenario invalid: ${v.errors.join('; ')}`);
  const scenario = { ...v.scenario, durationMs: v.scenario.durationMs + DRAIN_MS };
  const rec = recordAll();
  const sim = new Simulation(scenario, { sinks: [rec.sink] });
  const end = v.scenario.durationMs;
  sim.runUntil(end, true);
  const during = violations(sim, rec.events);
  sim.input({ do: 'gateway', backpressure: true, maxConnections: 1_000_000, workPerSec: 1e9 });
  for (const p of sim.fleet.phones) {
    sim.input({ do: 'link', user: p.user, quality: 'good' });
    sim.input({ do: 'online', user: p.user });
  }
  sim.runUntil(end + DRAIN_MS, true);
  const after = [...violations(sim, rec.events), ...drainedViolations(sim)];
  return { sim, during, after };
}
