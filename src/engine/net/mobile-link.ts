import type { LinkQuality } from '../model/link-quality';
import { CORE_NETWORK_MS } from '../model/latency';
import type { Rng } from '../kernel/rng';

/** How good a phone's mobile network is; the learner switches it per phone. */

/** Parameters of one link quality. */
export interface LinkProfile {
  /** One-way latency, drawn once per phone, uniform in [min, max]. */
  readonly latencyMinMs: number;
  readonly latencyMaxMs: number;
  /** Chance a packet is lost and must be retransmitted (TCP keeps order, so loss is delay). */
  readonly lossRate: number;
  /** Mean time between the network dropping out entirely (0: never). */
  readonly meanMsBetweenDrops: number;
  /** How long a drop lasts, uniform in [min, max]. */
  readonly dropMinMs: number;
  readonly dropMaxMs: number;
}

/**
 * Link profiles. These latencies and loss rates are estimates for teaching (FACTS.md gives no
 * mobile latency distribution): a good LTE link 30–70 ms one way, a flaky one 80–300 ms with
 * loss and drop-outs. Radio promotion delay (260 ms, FACTS §4.1) comes on top from the radio.
 */
export const LINK_PROFILES: Readonly<Record<LinkQuality, LinkProfile>> = {
  good: {
    latencyMinMs: 30,
    latencyMaxMs: 70,
    lossRate: 0.002,
    meanMsBetweenDrops: 0,
    dropMinMs: 0,
    dropMaxMs: 0,
  },
  flaky: {
    latencyMinMs: 80,
    latencyMaxMs: 300,
    lossRate: 0.05,
    meanMsBetweenDrops: 45_000,
    dropMinMs: 2_000,
    dropMaxMs: 15_000,
  },
  offline: {
    latencyMinMs: 30,
    latencyMaxMs: 70,
    lossRate: 0,
    meanMsBetweenDrops: 0,
    dropMinMs: 0,
    dropMaxMs: 0,
  },
};

/** TCP's minimum retransmission timeout on Linux (200 ms): what one lost packet costs. */
export const RETRANSMIT_MS = 200;

/**
 * One phone's link. FIFO per direction: a later packet never overtakes an earlier one, as on
 * one TCP connection, so retransmission shows up as delay, never as reordering. The phone keeps
 * these fields itself (no link object per phone: with a million phones, one object fewer to
 * fetch from memory on every packet); the functions below read and update them.
 */
export interface LinkState {
  linkQuality: LinkQuality;
  linkUp: boolean;
  /** This phone's base one-way latency. */
  linkLatencyMs: number;
  /** The current quality's profile (its loss rate is read for every packet). */
  linkProfile: LinkProfile;
  linkLastUpMs: number;
  linkLastDownMs: number;
}

/**
 * The least time a packet a phone sends takes to reach the gateway: the lowest base latency of any
 * profile, then the core network (losses and radio promotion only add to it). The worker host's
 * window protocol may let the gateway run this far ahead of the phones.
 */
export const MIN_UPLINK_MS =
  Math.min(...Object.values(LINK_PROFILES).map((p) => p.latencyMinMs)) + CORE_NETWORK_MS;

/** Sets the link's quality, drawing a new base latency for it. */
export function setLinkQuality(s: LinkState, quality: LinkQuality, rng: Rng): void {
  const p = LINK_PROFILES[quality];
  s.linkQuality = quality;
  s.linkUp = quality !== 'offline';
  s.linkLatencyMs = Math.round(rng.uniform(p.latencyMinMs, p.latencyMaxMs));
  s.linkProfile = p;
}

function delay(s: LinkState, rng: Rng): number {
  const loss = s.linkProfile.lossRate;
  const latencyMs = s.linkLatencyMs;
  let d = latencyMs;
  // Each loss costs one retransmission timeout plus another trip; a bound keeps it finite.
  for (let i = 0; i < 6 && loss > 0 && rng.next() < loss; i++)
    d += RETRANSMIT_MS * 2 ** i + latencyMs;
  return d;
}

/** When a packet sent now reaches the gateway. */
export function uplinkArrival(s: LinkState, nowMs: number, extraMs: number, rng: Rng): number {
  const at = Math.max(nowMs + extraMs + delay(s, rng) + CORE_NETWORK_MS, s.linkLastUpMs);
  s.linkLastUpMs = at;
  return at;
}

/** When a packet that reached the tower now reaches the phone. */
export function downlinkArrival(s: LinkState, nowMs: number, extraMs: number, rng: Rng): number {
  const at = Math.max(nowMs + extraMs + delay(s, rng), s.linkLastDownMs);
  s.linkLastDownMs = at;
  return at;
}

/** How long until a flaky link next drops out: exponential, with the profile's mean (≥ 1 ms). */
export function msUntilNextDrop(rng: Rng): number {
  return Math.max(
    1,
    Math.round(-Math.log(1 - rng.next()) * LINK_PROFILES.flaky.meanMsBetweenDrops),
  );
}

/** How long a flaky link's drop-out lasts. */
export function dropDurationMs(rng: Rng): number {
  const p = LINK_PROFILES.flaky;
  return rng.int(p.dropMinMs, p.dropMaxMs);
}
