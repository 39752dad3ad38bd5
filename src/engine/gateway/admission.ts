import type { GatewayConfig } from '../model/gateway-config';
import { LoadMeter } from './load-meter';

/** Figures the gateway keeps about itself for the metrics. */
export interface GatewayStats {
  peakConnections: number;
  refusedConnections: number;
  peakLoad: number;
  crashes: number;
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
      const pct = Math.round(load * 100);
      return {
        refusal: `server busy: load ${pct} % is over the ${this.config.thresholdPct} % threshold; retry later`,
      };
    }
    // No backpressure: it takes the connection it cannot afford, and falls over once the
    // protocol has finished with this packet.
    if (!this.config.backpressure && load > 1) return { crash: overloaded(load) };
    return TAKEN;
  }

  /**
   * The sweep's measurement: records the peak and returns the load, with the crash text when a
   * gateway without backpressure cannot carry it.
   */
  measure(connections: number, nowMs: number): { load: number; crash?: string } {
    const load = this.loadWith(connections, nowMs);
    if (load > this.stats.peakLoad) this.stats.peakLoad = load;
    if (!this.config.backpressure && load > 1) return { load, crash: overloaded(load) };
    return { load };
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
  }
}

/** Why a gateway without backpressure fell over (the crash text, one definition). */
const overloaded = (load: number): string =>
  `overloaded at ${Math.round(load * 100)} % with backpressure off`;
