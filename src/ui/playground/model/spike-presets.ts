/**
 * Spike sizes measured against the gateway on screen, so each retry policy shows what it does at
 * the defaults. A gateway accepts `workPerSec × threshold ÷ handshake cost` connections a second
 * before backpressure refuses (20,000 × 80 % ÷ 10 = 1,600 with the page's defaults). Sizes are
 * multiples of what it accepts over the spike's window:
 * - ½×: it fits, and nothing is refused;
 * - 2×: one wave is refused, and immediate retry already makes several times the refusals;
 * - 5×: a herd, where every policy differs.
 * Measured with `npm run sim -- run --json` on the page's own scenario (seed 1, two phones) with a
 * spike inside 1 s, total refusals: at 800, none for any policy; at 3,200, 1,596 with jitter
 * 1–5 s against 7,686 with immediate retry; at 7,500 (5×, capped below), 5,814 with jitter,
 * 9,552 decorrelated, 13,854 fixed 1 s, 14,062 exponential without jitter, 16,235 full jitter and
 * 101,641 immediate, every phone connected within 4.8–11.3 s and load never over 81 %.
 * Load counts held connections too (connections ÷ max), so a spike is capped under the threshold's
 * share of `maxConnections`: past it every new connection is refused, whatever the policy.
 */

export interface SpikeGateway {
  readonly maxConnections: number;
  readonly workPerSec: number;
  readonly thresholdPct: number;
  readonly workUnits: { readonly handshake: number };
}

export interface SpikePreset {
  readonly value: number;
  readonly label: string;
  /** What this size shows, for the option's description. */
  readonly shows: string;
}

export const SPIKE_FACTORS = [
  { factor: 0.5, shows: 'fits: nothing is refused' },
  { factor: 2, shows: 'one wave refused: immediate retry already costs more' },
  { factor: 5, shows: 'a herd: the policy decides how it drains' },
] as const;

/** The preset chosen first: a herd, where every retry policy shows its own shape. */
export const DEFAULT_SPIKE_FACTOR = 5;

/** New connections a second this gateway takes before backpressure refuses. */
export function acceptsPerSec(gw: SpikeGateway): number {
  return (gw.workPerSec * gw.thresholdPct) / 100 / gw.workUnits.handshake;
}

/**
 * Connections a spike may still add: up to five points under the threshold's share of
 * `maxConnections` (load counts held connections, so past it every newcomer is refused).
 */
const roomLeft = (gw: SpikeGateway, held: number): number =>
  ((gw.thresholdPct - 5) / 100) * gw.maxConnections - held;

/** Two significant figures: sizes a learner can read and compare (3,200, not 3,187). */
const round2 = (x: number): number => {
  if (x < 100) return Math.max(1, Math.round(x));
  const p = 10 ** (Math.floor(Math.log10(x)) - 1);
  return Math.floor(x / p) * p;
};

/**
 * The sizes on offer for a spike within `withinSec`, with `held` connections already open. Each
 * is at least 1 and distinct; a capped size says so.
 */
export function spikePresets(gw: SpikeGateway, held: number, withinSec: number): SpikePreset[] {
  const perSec = acceptsPerSec(gw);
  const room = round2(roomLeft(gw, held));
  // With almost no room left a cap would offer silly sizes: offer the multiples, and the page
  // says why they will be refused (`nearConnectionLimit`).
  const cap = room >= 0.1 * gw.maxConnections ? room : Infinity;
  const out: SpikePreset[] = [];
  for (const { factor, shows } of SPIKE_FACTORS) {
    const want = round2(factor * perSec * withinSec);
    const value = Math.min(want, cap);
    if (out.some((p) => p.value === value)) continue;
    const times = factor === 0.5 ? '½' : String(factor);
    out.push({
      value,
      // "Capacity": what it accepts over the window (the page's note says how much that is).
      label:
        value < want
          ? `${value.toLocaleString('en-US')} (all the room left)`
          : `${value.toLocaleString('en-US')} (${times}× capacity)`,
      shows,
    });
  }
  return out;
}

/**
 * Whether the connections held already reach the threshold's share of `maxConnections`: load
 * counts them, so every new connection is refused whatever the spike or the policy.
 */
export const nearConnectionLimit = (gw: SpikeGateway, held: number): boolean =>
  roomLeft(gw, held) <= 0;
