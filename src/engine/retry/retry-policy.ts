import type { ExponentialJitter, RetryPolicy } from '../model/retry-policy';
import { assertNever } from '../model/brand';
import type { Rng } from '../kernel/rng';
import { clip } from '../scenario/validate-fields';

/** The design note's reconnect rule: wait a uniformly random 1–5 s. */
export const DEFAULT_RETRY: RetryPolicy = { kind: 'jitter', minMs: 1000, maxMs: 5000 };

/** The longest delay any policy may name: one virtual hour, so a typo cannot stall a run. */
export const RETRY_DELAY_LIMIT_MS = 3_600_000;

// Beyond 2^1023 a double overflows; clamping the exponent keeps base·2^attempt finite (or cap).
const MAX_EXPONENT = 1023;

/**
 * The delay before retry number `attempt` (0-based), in whole virtual milliseconds. `previousMs` is
 * the delay this client drew last time (decorrelated jitter grows from it; 0 for the first).
 */
export function retryDelayMs(
  policy: RetryPolicy,
  attempt: number,
  rng: Rng,
  previousMs = 0,
): number {
  if (!Number.isInteger(attempt) || attempt < 0) {
    throw new RangeError(`retry attempt must be a whole number ≥ 0, got ${attempt}`);
  }
  switch (policy.kind) {
    case 'immediate':
      return 0;
    case 'fixed':
      return policy.delayMs;
    case 'jitter':
      return rng.int(policy.minMs, policy.maxMs);
    case 'exponential': {
      // Brooker's formulas (FACTS §6.1): t = min(cap, base·2^attempt), then all, half or none of
      // it drawn at random.
      const doublings = Math.min(attempt, MAX_EXPONENT);
      const ceilingMs = Math.floor(Math.min(policy.capMs, policy.baseMs * 2 ** doublings));
      const jitter = policy.jitter ?? 'full';
      if (jitter === 'none') return ceilingMs;
      if (jitter === 'equal') {
        const half = Math.floor(ceilingMs / 2);
        return ceilingMs - half + rng.int(0, half);
      }
      return rng.int(0, ceilingMs);
    }
    case 'decorrelated': {
      // sleep = min(cap, random(base, sleep·3)), the first sleep growing from base.
      const previous = Math.max(policy.baseMs, previousMs);
      const top = Math.min(RETRY_DELAY_LIMIT_MS, previous * 3);
      return Math.min(policy.capMs, rng.int(policy.baseMs, top));
    }
    default:
      return assertNever(policy, 'retry policy');
  }
}

/** Whether a client that has failed `attempts` times in a row stops trying. */
export const givesUp = (policy: RetryPolicy, attempts: number): boolean =>
  policy.maxAttempts !== undefined && attempts >= policy.maxAttempts;

const FIELDS = {
  immediate: [],
  fixed: ['delayMs'],
  jitter: ['minMs', 'maxMs'],
  exponential: ['baseMs', 'capMs'],
  decorrelated: ['baseMs', 'capMs'],
} as const;

/** Fields a policy may leave out, for the kinds that have them. */
const OPTIONAL: Readonly<Record<string, readonly string[]>> = {
  exponential: ['jitter', 'maxAttempts'],
};
const optionalOf = (kind: string): readonly string[] => OPTIONAL[kind] ?? ['maxAttempts'];

const JITTERS: readonly ExponentialJitter[] = ['none', 'full', 'equal'];

/** The largest cap on attempts a policy may set. */
export const MAX_ATTEMPTS_LIMIT = 1_000_000;

type Kind = keyof typeof FIELDS;
const KINDS = Object.keys(FIELDS) as Kind[];
const isKind = (k: unknown): k is Kind => typeof k === 'string' && Object.hasOwn(FIELDS, k);

/** Checks an untrusted policy (e.g. from a scenario); returns one message per bad field. */
export function validateRetryPolicy(x: unknown, path: string): string[] {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) {
    return [`${path} must be an object with a kind (${KINDS.join(', ')})`];
  }
  const record = x as Record<string, unknown>;
  const kind = record['kind'];
  if (!isKind(kind)) return [`${path}.kind must be one of ${KINDS.join(', ')}`];
  const fields: readonly string[] = FIELDS[kind];
  const optional = optionalOf(kind);
  const errors: string[] = [];
  for (const key of Object.keys(record)) {
    if (key !== 'kind' && !fields.includes(key) && !optional.includes(key)) {
      const expected = [...fields, ...optional].join(', ');
      errors.push(`${path}.${clip(key)} is not a field of a ${kind} policy (expected ${expected})`);
    }
  }
  for (const field of fields) {
    const v = record[field];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > RETRY_DELAY_LIMIT_MS) {
      errors.push(`${path}.${field} must be whole ms from 0 to ${RETRY_DELAY_LIMIT_MS}`);
    }
  }
  const jitter = record['jitter'];
  if (jitter !== undefined && !JITTERS.includes(jitter as ExponentialJitter)) {
    errors.push(`${path}.jitter must be one of ${JITTERS.join(', ')} (full if left out)`);
  }
  const cap = record['maxAttempts'];
  if (
    cap !== undefined &&
    (typeof cap !== 'number' || !Number.isInteger(cap) || cap < 1 || cap > MAX_ATTEMPTS_LIMIT)
  ) {
    errors.push(
      `${path}.maxAttempts must be a whole number from 1 to ${MAX_ATTEMPTS_LIMIT} (leave it out to retry for ever)`,
    );
  }
  if (errors.length > 0) return errors;
  if (kind === 'jitter' && (record['maxMs'] as number) < (record['minMs'] as number)) {
    errors.push(`${path}.maxMs must be ≥ ${path}.minMs`);
  }
  if (
    (kind === 'exponential' || kind === 'decorrelated') &&
    (record['capMs'] as number) < (record['baseMs'] as number)
  ) {
    errors.push(`${path}.capMs must be ≥ ${path}.baseMs`);
  }
  return errors;
}
