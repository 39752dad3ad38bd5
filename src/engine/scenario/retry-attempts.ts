/**
 * How many times one refused phone may try to connect in a stretch of virtual time, under a retry
 * policy: the work budget's count of retries (work-budget.ts). Each attempt costs the policy's
 * expected delay plus the quickest round trip a refusal can take; the policy's `maxAttempts` caps it.
 */
import type { RetryPolicy } from '../model/retry-policy';
import { RETRY_DELAY_LIMIT_MS } from '../retry/retry-policy';

/**
 * The quickest a refused attempt comes back: a good link's shortest one-way latency (30 ms) plus
 * the core network (5 ms), there and back (net/mobile-link.ts, model/latency.ts). Measured: 110 ms
 * on average over good links.
 */
export const MIN_ROUND_TRIP_MS = 70;

/** Growing policies level off within this many attempts (2^64 passes any cap); then the rest is a division. */
const GROWTH_STEPS = 64;

/** The expected delay before attempt `k` (0-based), after an expected delay of `previousMs`. */
function expectedDelayMs(p: RetryPolicy, k: number, previousMs: number): number {
  switch (p.kind) {
    case 'immediate':
      return 0;
    case 'fixed':
      return p.delayMs;
    case 'jitter':
      return (p.minMs + p.maxMs) / 2;
    case 'exponential': {
      const ceiling = Math.min(p.capMs, p.baseMs * 2 ** Math.min(k, 1023));
      const jitter = p.jitter ?? 'full';
      return jitter === 'none' ? ceiling : jitter === 'equal' ? (ceiling * 3) / 4 : ceiling / 2;
    }
    case 'decorrelated': {
      const top = Math.min(RETRY_DELAY_LIMIT_MS, Math.max(p.baseMs, previousMs) * 3);
      return Math.min(p.capMs, (p.baseMs + top) / 2);
    }
  }
}

/** Attempts one phone may make within `ms` (a whole number ≥ 0). */
export function expectedAttempts(p: RetryPolicy, ms: number): number {
  const cap = p.maxAttempts ?? Infinity;
  let spent = 0;
  let attempts = 0;
  let delay = 0;
  for (let k = 0; k < GROWTH_STEPS && attempts < cap; k++) {
    delay = expectedDelayMs(p, k, delay);
    if (spent + delay + MIN_ROUND_TRIP_MS > ms) return attempts;
    spent += delay + MIN_ROUND_TRIP_MS;
    attempts++;
  }
  if (attempts >= cap) return cap;
  const rest = Math.floor((ms - spent) / (delay + MIN_ROUND_TRIP_MS));
  return Math.min(cap, attempts + rest);
}
