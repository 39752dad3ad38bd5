/** The invariants every run must keep, checked live at every trace event and over the final state. */
import { InvariantSink, InvariantViolation } from '../../src/engine/invariants/invariant-sink';
import type { TraceEvent } from '../../src/engine/kernel/trace';
import type { ScenarioFile } from '../../src/engine/scenario/scenario';
import { validateScenario } from '../../src/engine/scenario/validate-scenario';
import { buildReport } from '../../src/engine/sim/report';
import { Simulation } from '../../src/engine/sim/simulation';
import {
  drainedViolations as reportDrainedViolations,
  reportViolations,
  violations as traceViolations,
} from '../invariants';

export { recordAll } from '../invariants';

/** Every promise the recorded trace breaks, and where its count and the report disagree. */
export function violations(sim: Simulation, events: readonly TraceEvent[]): string[] {
  return traceViolations(buildReport(sim), events);
}

/** After a drain: every message delivered, the store empty (receipts included), by state and trace. */
export function drainedViolations(sim: Simulation, live?: InvariantSink): string[] {
  return reportDrainedViolations(buildReport(sim), sim.store.store.size, live?.ledger);
}

/** Long enough after the script for every retry, keep-alive timeout and store drain to finish. */
export const DRAIN_MS = 400_000;

/** What a checked run found: nothing, when every list is empty. */
export interface CheckedRun {
  readonly sim: Simulation;
  /** At the end of the script: the report against the trace's own count. */
  readonly during: string[];
  /** After the drain: the same, plus every chat delivered and the store empty. */
  readonly after: string[];
  /** The promise broken at a trace event, which stopped the run there. */
  readonly broken?: InvariantViolation;
}

/**
 * Runs a scenario with the invariant sink watching every event (the run stops at the first broken
 * promise), then brings every phone online on a good link with a sturdy gateway and checks that
 * everything drained.
 */
export function runAndDrain(file: ScenarioFile): CheckedRun {
  const v = validateScenario(file);
  if (!v.ok) throw new Error(`scenario invalid: ${v.errors.join('; ')}`);
  const scenario = { ...v.scenario, durationMs: v.scenario.durationMs + DRAIN_MS };
  const live = new InvariantSink();
  const sim = new Simulation(scenario, { sinks: [live] });
  const end = v.scenario.durationMs;
  try {
    sim.runUntil(end, true);
    const during = reportViolations(buildReport(sim), live.ledger);
    sim.input({ do: 'gateway', backpressure: true, maxConnections: 1_000_000, workPerSec: 1e9 });
    for (const p of sim.fleet.phones) {
      sim.input({ do: 'link', user: p.user, quality: 'good' });
      sim.input({ do: 'online', user: p.user });
    }
    sim.runUntil(end + DRAIN_MS, true);
    const after = [
      ...reportViolations(buildReport(sim), live.ledger),
      ...drainedViolations(sim, live),
    ];
    return { sim, during, after };
  } catch (e) {
    if (!(e instanceof InvariantViolation)) throw e;
    return { sim, during: [e.message], after: [], broken: e };
  }
}

/** Every violation a checked run found, in one list (empty: the run kept every invariant). */
export const allViolations = (r: CheckedRun): string[] => [...r.during, ...r.after];
