/**
 * The protocol comparison: the same seeded traffic run once per protocol, in slices of wall time
 * so the host's thread stays responsive. Every figure in a row comes from the run's report.
 */
import type { ComparisonOptions, ComparisonRow } from '../bridge/playground-api';
import { PROTOCOLS, type ProtocolName } from '../engine/model/protocols';
import type { ScenarioFile } from '../engine/scenario/scenario';
import { validateScenario } from '../engine/scenario/validate-scenario';
import { buildReport } from '../engine/sim/report';
import { Simulation } from '../engine/sim/simulation';

/** Bounds on a comparison request, so a typo cannot stall the host. */
export const COMPARE_LIMITS = {
  minSeconds: 10,
  maxSeconds: 3600,
  minPhones: 2,
  maxPhones: 1000,
  maxPerMinute: 600,
} as const;

/** How the comparison shares its thread: a wall clock and a way to let other work run. */
export interface SliceClock {
  nowMs(): number;
  /** Resolves after the host has had a chance to run other tasks (a frame, an input). */
  yieldNow(): Promise<void>;
}

const defaultClock: SliceClock = {
  nowMs: () => performance.now(),
  yieldNow: () => new Promise((resolve) => setTimeout(resolve, 0)),
};

/** Wall time one slice may take: well under the 50 ms of a long task. */
const SLICE_WALL_MS = 12;
/** Virtual time run between two looks at the wall clock. */
const STEP_VIRTUAL_MS = 250;

export type ResolvedComparison = Required<Omit<ComparisonOptions, 'protocols'>> & {
  protocols: readonly ProtocolName[];
};

const clamp = (n: number, lo: number, hi: number): number => Math.max(lo, Math.min(hi, n));

/** Fills defaults and clamps a request to COMPARE_LIMITS. */
export function resolveComparison(
  o: ComparisonOptions,
  current: { seed: number; encryption: boolean },
): ResolvedComparison {
  return {
    protocols: o.protocols?.length ? o.protocols : PROTOCOLS,
    phones: Math.round(clamp(o.phones ?? 20, COMPARE_LIMITS.minPhones, COMPARE_LIMITS.maxPhones)),
    messagesPerMinute: clamp(o.messagesPerMinute ?? 30, 0, COMPARE_LIMITS.maxPerMinute),
    seed: o.seed ?? current.seed,
    encryption: o.encryption ?? current.encryption,
  };
}

/** The scenario one protocol runs: every run has the same seed, phones and chatter. */
export function comparisonScenario(
  proto: ProtocolName,
  seconds: number,
  o: ResolvedComparison,
): ScenarioFile {
  return {
    name: `Compare: ${proto}`,
    seed: o.seed,
    durationSec: clamp(seconds, COMPARE_LIMITS.minSeconds, COMPARE_LIMITS.maxSeconds),
    encryption: o.encryption,
    phones: [{ count: o.phones, protocol: proto }],
    traffic: { messagesPerMinute: o.messagesPerMinute, bodyBytes: 100 },
  };
}

/** One protocol's row, read from the run's report. */
export function comparisonRow(proto: ProtocolName, sim: Simulation, seed: number): ComparisonRow {
  const r = buildReport(sim);
  const p = r.protocols[proto];
  return {
    protocol: proto,
    phones: r.phones,
    seconds: Math.round(sim.now / 1000),
    seed,
    sent: r.messages.sent,
    delivered: r.messages.delivered,
    bytesPerDeliveredMessage: p?.bytesPerDeliveredMessage ?? null,
    headerBytes: p?.headerBytes ?? 0,
    payloadBytes: p?.payloadBytes ?? 0,
    requests: p?.requests ?? 0,
    joulesPerPhoneHour: r.energy[proto]?.joulesPerPhoneHour ?? null,
    latencyP50Ms: r.latencyMs.p50,
    latencyP95Ms: r.latencyMs.p95,
  };
}

/** Runs one scenario to its end, yielding whenever a slice has used its wall time. */
async function runSliced(sim: Simulation, clock: SliceClock): Promise<void> {
  const end = sim.scenario.durationMs;
  let sliceStart = clock.nowMs();
  while (sim.now < end) {
    const target = Math.min(end, sim.now + STEP_VIRTUAL_MS);
    sim.runUntil(target, target === end);
    if (clock.nowMs() - sliceStart >= SLICE_WALL_MS) {
      await clock.yieldNow();
      sliceStart = clock.nowMs();
    }
  }
}

/** Runs the comparison; `onRow` hears each protocol's row as soon as its run ends. */
export async function compareProtocols(
  seconds: number,
  options: ResolvedComparison,
  clock: SliceClock = defaultClock,
  onRow?: (row: ComparisonRow) => void,
): Promise<ComparisonRow[]> {
  const rows: ComparisonRow[] = [];
  for (const proto of options.protocols) {
    const v = validateScenario(comparisonScenario(proto, seconds, options));
    if (!v.ok) throw new Error(`comparison scenario is invalid: ${v.errors.join('; ')}`);
    const sim = new Simulation(v.scenario);
    await runSliced(sim, clock);
    const row = comparisonRow(proto, sim, options.seed);
    rows.push(row);
    onRow?.(row);
    await clock.yieldNow();
  }
  return rows;
}
