import { LTE_PROFILE, type RadioProfile } from './lte-profile';

/**
 * Per-phone RRC energy model (FACTS.md §4.3): a burst after more than the tail of silence costs one
 * promotion plus one full tail; bursts closer together than the tail keep the radio connected.
 *
 * Per-packet transfer power is deliberately not modelled: at ~100 ms of full-power transfer per
 * poll it adds about 1 % even to 2 s polling (FACTS §4.3 item A), and DRX on-durations inside the
 * tail add ~1.5 %; the energy lesson is how often the radio wakes, not how many bytes it moves.
 *
 * State is eight numbers per phone and no arrays, because the engine may hold a million phones.
 * The whole future power curve follows from when the current promotion ends and when the tail
 * last restarted, so time in each power state is counted lazily along that curve on each activity
 * or settle, and priced in joules only when a report asks.
 */

/** What the radio is doing at an instant, as the playground shows it. */
export type RadioState = 'idle' | 'promoting' | 'connected';

/** One phone's radio: feed it every packet's time, read energy whenever a report needs it. */
export interface Radio {
  /** Records a packet sent or received at tMs; returns the ms it waits for the radio to promote. */
  activity(tMs: number): number;
  /** Records data from the network at tMs (see `radioPaged`); returns the ms until connected. */
  paged(tMs: number, pagingOffsetMs: number): number;
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

/**
 * The numbers behind one radio. A phone keeps them in its own fields (a million phones then hold
 * no radio object each, and a packet's radio update touches memory the phone's handler has
 * already loaded); `createRadio` keeps them in a small object of their own. Time is counted per
 * power state in whole milliseconds and turned into joules only when asked, so a packet adds
 * integers (a double field would be a separate boxed number to fetch on every packet).
 */
export interface RadioClock {
  /** When the current (or last) promotion ends and the radio enters CONNECTED. */
  radioConnectedFromMs: number;
  /** When the tail timer last restarted: the later of the last packet and radioConnectedFromMs. */
  radioTailStartMs: number;
  /** Time is accounted up to here. */
  radioSettledMs: number;
  /** Time spent in each power state so far. */
  radioPromotingMs: number;
  radioTailMs: number;
  radioSecondTailMs: number;
  radioIdleMs: number;
  radioPromotions: number;
}

/** Energy drawn over the time a clock has accounted, in joules. */
export const radioJoules = (r: RadioClock, p: RadioProfile): number =>
  (r.radioPromotingMs * p.promotionWatts +
    r.radioTailMs * p.tailWatts +
    r.radioSecondTailMs * p.secondTailWatts +
    r.radioIdleMs * p.idleWatts) /
  1000;

/** Length of the part of [fromMs, toMs) inside [loMs, hiMs). */
const overlapMs = (fromMs: number, toMs: number, loMs: number, hiMs: number): number =>
  Math.max(0, Math.min(toMs, hiMs) - Math.max(fromMs, loMs));

const assertTime = (tMs: number, what: string): void => {
  if (!Number.isFinite(tMs)) throw new RangeError(`radio ${what}: time must be finite, got ${tMs}`);
};

/** Sets a clock to an idle radio at startMs. */
export function startRadioClock(r: RadioClock, startMs: number): void {
  assertTime(startMs, 'start');
  r.radioConnectedFromMs = NEVER_MS;
  r.radioTailStartMs = NEVER_MS;
  r.radioSettledMs = startMs;
  r.radioPromotingMs = 0;
  r.radioTailMs = 0;
  r.radioSecondTailMs = 0;
  r.radioIdleMs = 0;
  r.radioPromotions = 0;
}

const idleFromMs = (r: RadioClock, p: RadioProfile): number =>
  r.radioTailStartMs + p.tailMs + p.secondTailMs;

/** Accounts energy up to tMs without activity; a repeat or earlier time does nothing. */
export function settleRadio(r: RadioClock, p: RadioProfile, tMs: number): void {
  assertTime(tMs, 'settle');
  const fromMs = r.radioSettledMs;
  if (tMs <= fromMs) return;
  const connectedFromMs = r.radioConnectedFromMs;
  const tailEndMs = r.radioTailStartMs + p.tailMs;
  const promotionStartMs = connectedFromMs - p.promotionMs;
  const promotingMs = overlapMs(fromMs, tMs, promotionStartMs, connectedFromMs);
  const tailMs = overlapMs(fromMs, tMs, connectedFromMs, tailEndMs);
  const secondTailMs = overlapMs(fromMs, tMs, tailEndMs, tailEndMs + p.secondTailMs);
  r.radioPromotingMs += promotingMs;
  r.radioTailMs += tailMs;
  r.radioSecondTailMs += secondTailMs;
  r.radioIdleMs += Math.max(0, tMs - fromMs - promotingMs - tailMs - secondTailMs);
  r.radioSettledMs = tMs;
}

/** Records a packet sent or received at tMs; returns the ms it waits for the radio to promote. */
export function radioActivity(r: RadioClock, p: RadioProfile, tMs: number): number {
  assertTime(tMs, 'activity');
  // Effects reach the radio in time order; an earlier packet would rewrite reported energy.
  if (tMs < r.radioSettledMs) {
    throw new RangeError(
      `radio activity at ${tMs} ms is before settled time ${r.radioSettledMs} ms`,
    );
  }
  settleRadio(r, p, tMs);
  if (tMs >= idleFromMs(r, p)) {
    // Silence outlasted every tail stage: promote, then the packet waits for CONNECTED.
    r.radioConnectedFromMs = tMs + p.promotionMs;
    r.radioTailStartMs = r.radioConnectedFromMs;
    r.radioPromotions += 1;
    return p.promotionMs;
  }
  const promotionStartMs = r.radioConnectedFromMs - p.promotionMs;
  if (tMs < promotionStartMs) {
    // Still idle, waiting for a paging occasion (see `radioPaged`), and the phone has something
    // to send: it asks for the channel itself now; the page's promotion becomes this one.
    r.radioConnectedFromMs = tMs + p.promotionMs;
    r.radioTailStartMs = r.radioConnectedFromMs;
    return p.promotionMs;
  }
  if (tMs < r.radioConnectedFromMs) {
    // A second packet during the promotion waits only for what is left of it.
    return r.radioConnectedFromMs - tMs;
  }
  r.radioTailStartMs = tMs;
  return 0;
}

/**
 * The first paging occasion at or after tMs of a radio whose occasions fall every cycleMs at
 * offsetMs into the cycle.
 */
export function nextPagingOccasionMs(tMs: number, offsetMs: number, cycleMs: number): number {
  return offsetMs + Math.ceil((tMs - offsetMs) / cycleMs) * cycleMs;
}

/**
 * Records data from the network reaching the phone's cell at tMs; returns the ms until the radio
 * is connected and can receive it. A connected (or promoting) radio takes it as any packet. An
 * idle one only listens at its paging occasions (every `pagingCycleMs`, at `pagingOffsetMs` into
 * the cycle): the network pages it there, and only then does the promotion start. Energy is
 * counted along the same curve: idle until the occasion, then the promotion and the tail.
 */
export function radioPaged(
  r: RadioClock,
  p: RadioProfile,
  tMs: number,
  pagingOffsetMs: number,
): number {
  assertTime(tMs, 'paged');
  if (tMs < r.radioSettledMs || (tMs < idleFromMs(r, p) && tMs >= r.radioConnectedFromMs))
    return radioActivity(r, p, tMs);
  settleRadio(r, p, tMs);
  // Already paged (or promoting): this data waits for the same connection as the first.
  if (tMs < r.radioConnectedFromMs) return r.radioConnectedFromMs - tMs;
  const occasionMs = nextPagingOccasionMs(tMs, pagingOffsetMs, p.pagingCycleMs);
  r.radioConnectedFromMs = occasionMs + p.promotionMs;
  r.radioTailStartMs = r.radioConnectedFromMs;
  r.radioPromotions += 1;
  return r.radioConnectedFromMs - tMs;
}

/** When a radio waiting for a page (see `radioPaged`) hears it; tMs itself when none is awaited. */
export function pagingOccasionAwaited(r: RadioClock, p: RadioProfile, tMs: number): number {
  return Math.max(tMs, r.radioConnectedFromMs - p.promotionMs);
}

/** What the radio is doing at tMs (valid for tMs at or after the last activity). */
export function radioStateAt(r: RadioClock, p: RadioProfile, tMs: number): RadioState {
  const promotionStartMs = r.radioConnectedFromMs - p.promotionMs;
  if (tMs < promotionStartMs || tMs >= idleFromMs(r, p)) return 'idle';
  return tMs < r.radioConnectedFromMs ? 'promoting' : 'connected';
}

/** A `Radio` over a clock kept elsewhere (a phone's own fields), with its profile. */
export function radioOver(r: RadioClock, profile: RadioProfile): Radio {
  return {
    activity: (tMs) => radioActivity(r, profile, tMs),
    paged: (tMs, offsetMs) => radioPaged(r, profile, tMs, offsetMs),
    settle: (tMs) => settleRadio(r, profile, tMs),
    state: (tMs) => radioStateAt(r, profile, tMs),
    get joules() {
      return radioJoules(r, profile);
    },
    get highPowerMs() {
      return r.radioPromotingMs + r.radioTailMs + r.radioSecondTailMs;
    },
    get promotions() {
      return r.radioPromotions;
    },
  };
}

/** Creates one phone's radio, idle at startMs, using the LTE profile unless told otherwise. */
export function createRadio(profile: RadioProfile = LTE_PROFILE, startMs = 0): Radio {
  const clock = {} as RadioClock;
  startRadioClock(clock, startMs);
  return radioOver(clock, profile);
}
