import { LTE_PROFILE, type RadioProfile } from './lte-profile';

/**
 * Per-phone RRC energy model (FACTS.md §4.3): a burst after more than the tail of silence costs one
 * promotion plus one full tail; bursts closer together than the tail keep the radio connected.
 *
 * Per-packet transfer power is deliberately not modelled: at ~100 ms of full-power transfer per
 * poll it adds about 1 % even to 2 s polling (FACTS §4.3 item A), and DRX on-durations inside the
 * tail add ~1.5 %; the energy lesson is how often the radio wakes, not how many bytes it moves.
 *
 * State is six numbers per phone and no arrays, because the engine may hold a million phones. The
 * whole future power curve follows from when the current promotion ends and when the tail last
 * restarted, so energy is integrated lazily over that curve on each activity or settle.
 */

/** What the radio is doing at an instant, as the playground shows it. */
export type RadioState = 'idle' | 'promoting' | 'connected';

/** One phone's radio: feed it every packet's time, read energy whenever a report needs it. */
export interface Radio {
  /** Records a packet sent or received at tMs; returns the ms it waits for the radio to promote. */
  activity(tMs: number): number;
  /** Accounts energy up to tMs without activity; a repeat or earlier time does nothing. */
  settle(tMs: number): void;
  /** What the radio is doing at tMs (valid for tMs at or after the last activity). */
  state(tMs: number): RadioState;
  /** Energy drawn from the start until the last settle or activity, in joules. */
  readonly joules: number;
  /** Time spent out of idle (promoting, connected or in a tail stage) until the last settle. */
  readonly highPowerMs: number;
  /** How many IDLE → CONNECTED promotions the radio has made. */
  readonly promotions: number;
}

// Sentinel for "never promoted": every interval built from it is empty, so no special cases. A
// billion ms before zero is as good as -Infinity for runs of at most a day, and a small integer
// to V8 (no boxed double per phone).
const NEVER_MS = -1e9;

/** Length of the part of [fromMs, toMs) inside [loMs, hiMs). */
const overlapMs = (fromMs: number, toMs: number, loMs: number, hiMs: number): number =>
  Math.max(0, Math.min(toMs, hiMs) - Math.max(fromMs, loMs));

const assertTime = (tMs: number, what: string): void => {
  if (!Number.isFinite(tMs)) throw new RangeError(`radio ${what}: time must be finite, got ${tMs}`);
};

class RrcRadio implements Radio {
  // When the current (or last) promotion ends and the radio enters CONNECTED.
  private connectedFromMs = NEVER_MS;
  // When the tail timer last restarted: the later of the last packet and connectedFromMs.
  private tailStartMs = NEVER_MS;
  private settledMs: number;
  private joulesSoFar = 0;
  private highPowerMsSoFar = 0;
  private promotionsSoFar = 0;

  constructor(
    private readonly profile: RadioProfile,
    startMs: number,
  ) {
    assertTime(startMs, 'start');
    this.settledMs = startMs;
  }

  get joules(): number {
    return this.joulesSoFar;
  }

  get highPowerMs(): number {
    return this.highPowerMsSoFar;
  }

  get promotions(): number {
    return this.promotionsSoFar;
  }

  activity(tMs: number): number {
    assertTime(tMs, 'activity');
    // Effects reach the radio in time order; an earlier packet would rewrite reported energy.
    if (tMs < this.settledMs) {
      throw new RangeError(
        `radio activity at ${tMs} ms is before settled time ${this.settledMs} ms`,
      );
    }
    this.settle(tMs);
    const p = this.profile;
    if (tMs >= this.idleFromMs()) {
      // Silence outlasted every tail stage: promote, then the packet waits for CONNECTED.
      this.connectedFromMs = tMs + p.promotionMs;
      this.tailStartMs = this.connectedFromMs;
      this.promotionsSoFar += 1;
      return p.promotionMs;
    }
    if (tMs < this.connectedFromMs) {
      // A second packet during the promotion waits only for what is left of it.
      return this.connectedFromMs - tMs;
    }
    this.tailStartMs = tMs;
    return 0;
  }

  settle(tMs: number): void {
    assertTime(tMs, 'settle');
    const fromMs = this.settledMs;
    if (tMs <= fromMs) return;
    const p = this.profile;
    const tailEndMs = this.tailStartMs + p.tailMs;
    const promotionStartMs = this.connectedFromMs - p.promotionMs;
    const promotingMs = overlapMs(fromMs, tMs, promotionStartMs, this.connectedFromMs);
    const tailMs = overlapMs(fromMs, tMs, this.connectedFromMs, tailEndMs);
    const secondTailMs = overlapMs(fromMs, tMs, tailEndMs, tailEndMs + p.secondTailMs);
    const busyMs = promotingMs + tailMs + secondTailMs;
    const idleMs = Math.max(0, tMs - fromMs - busyMs);
    const wattMs =
      promotingMs * p.promotionWatts +
      tailMs * p.tailWatts +
      secondTailMs * p.secondTailWatts +
      idleMs * p.idleWatts;
    this.joulesSoFar += wattMs / 1000;
    this.highPowerMsSoFar += busyMs;
    this.settledMs = tMs;
  }

  state(tMs: number): RadioState {
    const promotionStartMs = this.connectedFromMs - this.profile.promotionMs;
    if (tMs < promotionStartMs || tMs >= this.idleFromMs()) return 'idle';
    return tMs < this.connectedFromMs ? 'promoting' : 'connected';
  }

  private idleFromMs(): number {
    return this.tailStartMs + this.profile.tailMs + this.profile.secondTailMs;
  }
}

/** Creates one phone's radio, idle at startMs, using the LTE profile unless told otherwise. */
export function createRadio(profile: RadioProfile = LTE_PROFILE, startMs = 0): Radio {
  return new RrcRadio(profile, startMs);
}
