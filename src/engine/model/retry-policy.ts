/**
 * How long a refused or disconnected client waits before reconnecting. The playground's
 * thundering-herd lesson (FACTS.md §6.1): a fixed delay brings every refused client back in the
 * same millisecond; spreading the delay with seeded randomness flattens the spike.
 */
export type RetryPolicy =
  | { readonly kind: 'fixed'; readonly delayMs: number }
  | { readonly kind: 'jitter'; readonly minMs: number; readonly maxMs: number }
  | { readonly kind: 'exponential'; readonly baseMs: number; readonly capMs: number };
