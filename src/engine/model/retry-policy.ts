/**
 * How long a refused or disconnected client waits before reconnecting. The playground's
 * thundering-herd lesson (FACTS.md §6.1, Brooker, "Exponential Backoff and Jitter", AWS
 * Architecture Blog, 2015): a fixed delay brings every refused client back in the same
 * millisecond; spreading the delay with seeded randomness flattens the spike.
 *
 * - `immediate`: no wait at all.
 * - `fixed`: the same delay every time.
 * - `jitter`: uniformly random between two bounds (the design note's 1–5 s).
 * - `exponential`: min(cap, base·2^attempt), with `jitter` saying what share is random:
 *   `full` (the default) sleeps random(0, that); `equal` sleeps half of it plus random(0, half);
 *   `none` sleeps all of it.
 * - `decorrelated`: min(cap, random(base, previous sleep·3)).
 *
 * Clients never give up unless `maxAttempts` is set (a messaging app keeps trying); with it,
 * a client stops after that many failed attempts in a row.
 */
export type RetryPolicy = RetryKind & { readonly maxAttempts?: number };

export type ExponentialJitter = 'none' | 'full' | 'equal';

type RetryKind =
  | { readonly kind: 'immediate' }
  | { readonly kind: 'fixed'; readonly delayMs: number }
  | { readonly kind: 'jitter'; readonly minMs: number; readonly maxMs: number }
  | {
      readonly kind: 'exponential';
      readonly baseMs: number;
      readonly capMs: number;
      readonly jitter?: ExponentialJitter;
    }
  | { readonly kind: 'decorrelated'; readonly baseMs: number; readonly capMs: number };
