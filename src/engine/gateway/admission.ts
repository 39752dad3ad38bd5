import type { GatewayConfig } from '../model/gateway-config';
import { LoadMeter, WORK_UNITS } from './load-meter';

/** Figures the gateway keeps about itself for the metrics. */
export interface GatewayStats {
  peakConnections: number;
  refusedConnections: number;
  /** The highest load measured, including the load at the moment of a crash. */
  peakLoad: number;
  crashes: number;
  /** The longest run of consecutive measurement windows (sweeps, 1 s) with load above 100 %. */
  longestOverloadSec: number;
  /** Refusals in each second of the run (index = second). */
  refusalsPerSec: number[];
  /** Connections opened in each second of the run (index = second). */
  connectsPerSec: number[];
  /** When the gateway last opened a connection (−1: never). */
  lastConnectMs: number;
}

/** Stats of a gateway that has seen nothing yet. */
export const emptyStats = (): GatewayStats => ({
  peakConnections: 0,
  refusedConnections: 0,
  peakLoad: 0,
  crashes: 0,
  longestOverloadSec: 0,
  refusalsPerSec: [],
  connectsPerSec: [],
  lastConnectMs: -1,
});

/** Adds one to second `sec` of a per-second series, growing it with zeros. */
export function countInSecond(series: number[], nowMs: number): void {
  const sec = Math.floor(nowMs / 1000);
  while (series.length <= sec) series.push(0);
  series[sec]!++;
}

/** What admission control decided about one new connection. */
export interface AdmissionVerdict {
  /** Why it was refused (backpressure), or undefined when it was taken. */
  readonly refusal?: string;
  /** Taken without backpressure at a load it cannot afford: the process falls over. */
  readonly crash?: string;
}

const TAKEN: AdmissionVerdict = {};

/**
 * The gateway's load and its overload policy: the work meter, the one load formula, and the
 * decision to take or refuse a new connection. It knows nothing of protocols or routing.
 */
export class Admission {
  readonly meter = new LoadMeter();
  /** Consecutive sweeps so far that measured load above 100 %. */
  private overloadRun = 0;

  constructor(
    private readonly config: GatewayConfig,
    private readonly stats: GatewayStats,
  ) {}

  /** Charges `units` of work at `nowMs`. */
  charge(nowMs: number, units: number): void {
    this.meter.add(nowMs, units);
  }

  /** Whether a new connection is taken, with `connections` held counting it. */
  admit(connections: number, nowMs: number): AdmissionVerdict {
    const load = this.loadWith(connections, nowMs);
    if (this.config.backpressure && load * 100 >= this.config.thresholdPct) {
      this.stats.refusedConnections++;
      countInSecond(this.stats.refusalsPerSec, nowMs);
      // Refusals may use the capacity up to the threshold; beyond it the process stops
      // accepting, leaving what remains to the connections it holds: the kernel's accept queue
      // overflows and the request is ignored (listen(2)), which costs the process nothing.
      const cost = WORK_UNITS.refusal / this.config.workPerSec;
      if ((load + cost) * 100 <= this.config.thresholdPct) this.charge(nowMs, WORK_UNITS.refusal);
      const pct = Math.round(load * 100);
      return {
        refusal: `server busy: load ${pct} % is over the ${this.config.thresholdPct} % threshold; retry later`,
      };
    }
    // Taken: the rest of the handshake (TLS, authentication, the session) is work done now.
    this.charge(nowMs, WORK_UNITS.handshake);
    // No backpressure: it takes the connection it cannot afford, and falls over once the
    // protocol has finished with this packet. The load that killed it is the run's peak.
    const after = this.loadWith(connections, nowMs);
    if (!this.config.backpressure && after > 1) {
      this.notePeak(after);
      return { crash: overloaded(after) };
    }
    return TAKEN;
  }

  /**
   * The sweep's measurement: records the peak and returns the load, with the crash text when a
   * gateway without backpressure cannot carry it.
   */
  measure(connections: number, nowMs: number): { load: number; crash?: string } {
    const load = this.loadWith(connections, nowMs);
    this.notePeak(load);
    this.overloadRun = load > 1 ? this.overloadRun + 1 : 0;
    if (this.overloadRun > this.stats.longestOverloadSec)
      this.stats.longestOverloadSec = this.overloadRun;
    if (!this.config.backpressure && load > 1) return { load, crash: overloaded(load) };
    return { load };
  }

  /** A connection opened at `nowMs`. */
  noteConnect(nowMs: number): void {
    countInSecond(this.stats.connectsPerSec, nowMs);
    this.stats.lastConnectMs = nowMs;
  }

  private notePeak(load: number): void {
    if (load > this.stats.peakLoad) this.stats.peakLoad = load;
  }

  /** The load formula (one definition): the larger of connections ÷ max and work ÷ capacity. */
  loadWith(connections: number, nowMs: number): number {
    return Math.max(
      connections / this.config.maxConnections,
      this.meter.rate(nowMs) / this.config.workPerSec,
    );
  }

  /** A crash forgets the work measured so far. */
  reset(): void {
    this.meter.reset();
    this.overloadRun = 0;
  }
}

/** Why a gateway without backpressure fell over (the crash text, one definition). */
const overloaded = (load: number): string =>
  `overloaded at ${Math.round(load * 100)} % with backpressure off`;
