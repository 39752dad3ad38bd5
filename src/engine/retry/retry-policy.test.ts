// Proves each reconnect policy stays in bounds and replays from a seed, and that jitter breaks
// up the thundering herd a fixed delay creates (FACTS.md §6.1).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng } from '../kernel/rng';
import { DEFAULT_RETRY, givesUp, retryDelayMs, validateRetryPolicy } from './retry-policy';
import { type RetryPolicy } from '../model/retry-policy';

const draws = (policy: RetryPolicy, seed: number, n: number, attempt = 0): number[] => {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => retryDelayMs(policy, attempt, rng));
};

describe('retryDelayMs', () => {
  it('fixed is fixed whatever the attempt', () => {
    const rng = createRng(1);
    for (let attempt = 0; attempt < 50; attempt++) {
      expect(retryDelayMs({ kind: 'fixed', delayMs: 1000 }, attempt, rng)).toBe(1000);
    }
  });

  it('jitter stays within [min, max] in whole ms', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        fc.integer({ min: 0, max: 60_000 }),
        fc.integer({ min: 0, max: 60_000 }),
        fc.nat(100),
        (seed, minMs, spanMs, attempt) => {
          const policy: RetryPolicy = { kind: 'jitter', minMs, maxMs: minMs + spanMs };
          const delay = retryDelayMs(policy, attempt, createRng(seed));
          expect(Number.isInteger(delay)).toBe(true);
          expect(delay).toBeGreaterThanOrEqual(minMs);
          expect(delay).toBeLessThanOrEqual(minMs + spanMs);
        },
      ),
    );
  });

  it('default jitter is spread: each 1 s bucket of 1–5 s gets 22–28 % of 10,000 draws', () => {
    // Four one-second buckets expect 25 % each; ±3 points is about seven standard deviations.
    const counts = [0, 0, 0, 0];
    for (const delay of draws(DEFAULT_RETRY, 2024, 10_000)) {
      const bucket = Math.min(3, Math.floor((delay - 1000) / 1000));
      counts[bucket] = (counts[bucket] ?? 0) + 1;
    }
    for (const count of counts) {
      expect(count / 10_000).toBeGreaterThanOrEqual(0.22);
      expect(count / 10_000).toBeLessThanOrEqual(0.28);
    }
  });

  it('exponential (Full Jitter) never exceeds cap nor base·2^attempt', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 600_000 }),
        fc.nat(2000),
        (seed, baseMs, extraMs, attempt) => {
          const capMs = baseMs + extraMs;
          const policy: RetryPolicy = { kind: 'exponential', baseMs, capMs };
          const delay = retryDelayMs(policy, attempt, createRng(seed));
          expect(Number.isInteger(delay)).toBe(true);
          expect(delay).toBeGreaterThanOrEqual(0);
          expect(delay).toBeLessThanOrEqual(capMs);
          // 0 · 2^2000 would be 0 · Infinity = NaN in doubles; the bound is plainly 0 then.
          expect(delay).toBeLessThanOrEqual(baseMs === 0 ? 0 : baseMs * 2 ** attempt);
        },
      ),
    );
  });

  it('exponential ceilings grow with the attempt until the cap', () => {
    const policy: RetryPolicy = { kind: 'exponential', baseMs: 100, capMs: 10_000 };
    expect(Math.max(...draws(policy, 7, 2000, 0))).toBeLessThanOrEqual(100);
    expect(Math.max(...draws(policy, 7, 2000, 3))).toBeGreaterThan(700);
    expect(Math.max(...draws(policy, 7, 2000, 30))).toBeGreaterThan(9_900);
  });

  it('the same seed gives the same sequence; another seed does not', () => {
    const policies: RetryPolicy[] = [
      DEFAULT_RETRY,
      { kind: 'exponential', baseMs: 50, capMs: 30_000 },
    ];
    for (const policy of policies) {
      expect(draws(policy, 42, 100, 4)).toEqual(draws(policy, 42, 100, 4));
      expect(draws(policy, 42, 100, 4)).not.toEqual(draws(policy, 43, 100, 4));
    }
  });

  it('rejects a negative or fractional attempt', () => {
    expect(() => retryDelayMs(DEFAULT_RETRY, -1, createRng(1))).toThrow(RangeError);
    expect(() => retryDelayMs(DEFAULT_RETRY, 0.5, createRng(1))).toThrow(RangeError);
  });
});

describe('the policies Brooker (2015) compares', () => {
  it('immediate is 0; exponential without jitter is exactly min(cap, base·2^attempt)', () => {
    const rng = createRng(3);
    expect(retryDelayMs({ kind: 'immediate' }, 7, rng)).toBe(0);
    const none: RetryPolicy = { kind: 'exponential', baseMs: 100, capMs: 5000, jitter: 'none' };
    expect([0, 1, 2, 5, 6, 40].map((a) => retryDelayMs(none, a, rng))).toEqual([
      100, 200, 400, 3200, 5000, 5000,
    ]);
  });

  it('equal jitter stays in [t/2, t]; full jitter in [0, t]', () => {
    fc.assert(
      fc.property(fc.nat(), fc.integer({ min: 1, max: 5000 }), fc.nat(30), (seed, baseMs, a) => {
        const capMs = 60_000;
        const t = Math.min(capMs, baseMs * 2 ** a);
        const equal = retryDelayMs(
          { kind: 'exponential', baseMs, capMs, jitter: 'equal' },
          a,
          createRng(seed),
        );
        expect(equal).toBeGreaterThanOrEqual(Math.floor(t / 2));
        expect(equal).toBeLessThanOrEqual(t);
        const full = retryDelayMs({ kind: 'exponential', baseMs, capMs }, a, createRng(seed));
        expect(full).toBeLessThanOrEqual(t);
      }),
    );
  });

  it('decorrelated jitter draws from [base, 3·previous], never above the cap', () => {
    fc.assert(
      fc.property(
        fc.nat(),
        fc.integer({ min: 1, max: 1000 }),
        fc.nat(100_000),
        (seed, baseMs, prev) => {
          const capMs = 20_000;
          const d = retryDelayMs({ kind: 'decorrelated', baseMs, capMs }, 1, createRng(seed), prev);
          expect(d).toBeGreaterThanOrEqual(Math.min(capMs, baseMs));
          expect(d).toBeLessThanOrEqual(Math.min(capMs, 3 * Math.max(baseMs, prev)));
        },
      ),
    );
  });

  it('a cap on attempts gives up only once set and reached', () => {
    expect(givesUp(DEFAULT_RETRY, 1_000_000)).toBe(false);
    expect(givesUp({ ...DEFAULT_RETRY, maxAttempts: 3 }, 2)).toBe(false);
    expect(givesUp({ ...DEFAULT_RETRY, maxAttempts: 3 }, 3)).toBe(true);
  });

  it('validates the new kinds and their optional fields with clear errors', () => {
    expect(validateRetryPolicy({ kind: 'immediate' }, 'retry')).toEqual([]);
    expect(validateRetryPolicy({ kind: 'decorrelated', baseMs: 100, capMs: 100 }, 'retry')).toEqual(
      [],
    );
    expect(
      validateRetryPolicy(
        { kind: 'exponential', baseMs: 1, capMs: 2, jitter: 'none', maxAttempts: 5 },
        'retry',
      ),
    ).toEqual([]);
    expect(
      validateRetryPolicy({ kind: 'exponential', baseMs: 1, capMs: 2, jitter: 'half' }, 'retry'),
    ).toEqual(['retry.jitter must be one of none, full, equal (full if left out)']);
    expect(validateRetryPolicy({ kind: 'immediate', maxAttempts: 0 }, 'retry')[0]).toMatch(
      /^retry\.maxAttempts must be a whole number from 1/,
    );
    expect(validateRetryPolicy({ kind: 'fixed', delayMs: 1, jitter: 'full' }, 'retry')[0]).toMatch(
      /^retry\.jitter is not a field of a fixed policy/,
    );
    expect(validateRetryPolicy({ kind: 'decorrelated', baseMs: 9, capMs: 1 }, 'retry')).toEqual([
      'retry.capMs must be ≥ retry.baseMs',
    ]);
  });
});

describe('thundering herd: 1,000 clients refused at t = 0', () => {
  /** Each client's retry time, with an rng forked per client as the engine forks per actor. */
  const retryTimes = (policy: RetryPolicy): number[] => {
    const run = createRng(8123);
    return Array.from({ length: 1000 }, (_, i) => retryDelayMs(policy, 0, run.fork(`client-${i}`)));
  };

  const largestBucket = (times: number[], widthMs: number): number => {
    const buckets = new Map<number, number>();
    for (const t of times) {
      const key = Math.floor(t / widthMs);
      buckets.set(key, (buckets.get(key) ?? 0) + 1);
    }
    return Math.max(...buckets.values());
  };

  it('a fixed 1 s delay brings all 1,000 back in the same millisecond', () => {
    expect(new Set(retryTimes({ kind: 'fixed', delayMs: 1000 })).size).toBe(1);
  });

  it('1–5 s jitter keeps every 100 ms bucket under 5 % of the herd', () => {
    expect(largestBucket(retryTimes(DEFAULT_RETRY), 100)).toBeLessThan(50);
  });
});

describe('validateRetryPolicy', () => {
  it('accepts every valid kind', () => {
    expect(validateRetryPolicy(DEFAULT_RETRY, 'retry')).toEqual([]);
    expect(validateRetryPolicy({ kind: 'fixed', delayMs: 0 }, 'retry')).toEqual([]);
    const exponential = { kind: 'exponential', baseMs: 100, capMs: 100 };
    expect(validateRetryPolicy(exponential, 'retry')).toEqual([]);
  });

  it('names the field that is wrong', () => {
    expect(validateRetryPolicy({ kind: 'jitter', minMs: 5000, maxMs: 1000 }, 'retry')).toEqual([
      'retry.maxMs must be ≥ retry.minMs',
    ]);
    expect(validateRetryPolicy({ kind: 'exponential', baseMs: 500, capMs: 100 }, 'retry')).toEqual([
      'retry.capMs must be ≥ retry.baseMs',
    ]);
    expect(validateRetryPolicy({ kind: 'linear' }, 'retry')).toEqual([
      'retry.kind must be one of immediate, fixed, jitter, exponential, decorrelated',
    ]);
    expect(validateRetryPolicy({ delayMs: 1 }, 'scenario.retry')).toEqual([
      'scenario.retry.kind must be one of immediate, fixed, jitter, exponential, decorrelated',
    ]);
  });

  it('rejects missing, negative, fractional, oversized and unknown fields', () => {
    const errors = validateRetryPolicy(
      { kind: 'jitter', minMs: -1, maxMs: 1.5, delayMs: 3 },
      'retry',
    );
    expect(errors).toHaveLength(3);
    expect(errors.some((e) => e.startsWith('retry.delayMs is not a field'))).toBe(true);
    expect(errors.some((e) => e.startsWith('retry.minMs must be whole ms'))).toBe(true);
    expect(errors.some((e) => e.startsWith('retry.maxMs must be whole ms'))).toBe(true);
    expect(validateRetryPolicy({ kind: 'fixed' }, 'retry')[0]).toMatch(/^retry\.delayMs /);
    const huge = { kind: 'fixed', delayMs: 1e12 };
    expect(validateRetryPolicy(huge, 'retry')[0]).toMatch(/^retry\.delayMs /);
  });

  it('rejects non-objects', () => {
    for (const x of [null, undefined, 3, 'jitter', []]) {
      expect(validateRetryPolicy(x, 'retry')).toHaveLength(1);
      expect(validateRetryPolicy(x, 'retry')[0]).toMatch(/^retry must be an object/);
    }
  });

  it('every policy it accepts yields delays within its own bounds', () => {
    const ms = fc.nat(10_000);
    const policy = fc.oneof(
      fc.record({ kind: fc.constant('fixed' as const), delayMs: ms }),
      fc.record({ kind: fc.constant('jitter' as const), minMs: ms, maxMs: ms }),
      fc.record({ kind: fc.constant('exponential' as const), baseMs: ms, capMs: ms }),
    );
    fc.assert(
      fc.property(policy, fc.nat(40), fc.nat(), (p, attempt, seed) => {
        fc.pre(validateRetryPolicy(p, 'retry').length === 0);
        const delay = retryDelayMs(p, attempt, createRng(seed));
        expect(delay).toBeGreaterThanOrEqual(0);
        expect(delay).toBeLessThanOrEqual(10_000);
      }),
    );
  });
});
