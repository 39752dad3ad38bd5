/** The gateway's capacity and its overload policy, as a scenario or the learner sets them. */
export interface GatewayConfig {
  maxConnections: number;
  /** Work units per second it can sustain (see WORK_UNITS). */
  workPerSec: number;
  /** Refuse new connections above the threshold (the design note's fix for New Year's Eve). */
  backpressure: boolean;
  /** Load (0–100 %) above which new connections are refused; the design note says 80. */
  thresholdPct: number;
  /** How long a crashed gateway takes to come back. */
  restartMs: number;
}

/** The backpressure threshold a scenario, an action or the page may set, in % of capacity. */
export const THRESHOLD_PCT_RANGE = { min: 1, max: 100 } as const;

export const DEFAULT_GATEWAY: GatewayConfig = {
  maxConnections: 10_000,
  workPerSec: 20_000,
  backpressure: true,
  thresholdPct: 80,
  restartMs: 5_000,
};

/** How often the gateway checks keep-alives, held polls and its own load (its measurement window). */
export const SWEEP_MS = 1_000;
