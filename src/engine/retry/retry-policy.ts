import type { RetryPolicy } from '../model/retry-policy';
import { assertNever } from '../model/brand';
import type { Rng } from '../kernel/rng';

/** The design note's reconnect rule: wait a uniformly random 1–5 s. */
export const DEFAULT_RETRY: RetryPolicy = { kind: 'jitter', minMs: 1000, maxMs: 5000 };

/** The longest delay any policy may name: one virtual hour, so a typo cannot stall a run. */
export const RETRY_DELAY_LIMIT_MS = 3_600_000;

// Beyond 2^1023 a double overflows; clamping the exponent keeps base·2^attempt finite (or cap).
const MAX_EXPONENT = 1023;

/** The delay before retry number `attempt` (0-based), in whole virtual milliseconds. */
export function retryDelayMs(policy: RetryPolicy, attempt: number, rng: Rng): number {
  if (!Number.isInteger(attempt) || attempt < 0) {
    throw new RangeError(`retry attempt must be a whole number ≥ 0, got ${attempt}`);
  }
  switch (policy.kind) {
    case 'fixed':
      return policy.delayMs;
    case 'jitter':
      return rng.int(policy.minMs, policy.maxMs);
    case 'exponential': {
      // Brooker's Full Jitter: sleep = random(0, min(cap, base·2^attempt)) — FACTS §6.1.
      const doublings = Math.min(attempt, MAX_EXPONENT);
      const ceilingMs = Math.min(policy.capMs, policy.baseMs * 2 ** doublings);
      return rng.int(0, Math.floor(ceilingMs));
    }
    default:
      return assertNever(policy, 'retry policy');
  }
}

const FIELDS = {
  fixed: ['delayMs'],
  jitter: ['minMs', 'maxMs'],
  exponential: ['baseMs', 'capMs'],
} as const;

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
  const errors: string[] = [];
  for (const key of Object.keys(record)) {
    if (key !== 'kind' && !fields.includes(key)) {
      const expected = fields.join(', ');
      errors.push(`${path}.${key} is not a field of a ${kind} policy (expected ${expected})`);
    }
  }
  for (const field of fields) {
    const v = record[field];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > RETRY_DELAY_LIMIT_MS) {
      errors.push(`${path}.${field} must be whole ms from 0 to ${RETRY_DELAY_LIMIT_MS}`);
    }
  }
  if (errors.length > 0) return errors;
  if (kind === 'jitter' && (record['maxMs'] as number) < (record['minMs'] as number)) {
    errors.push(`${path}.maxMs must be ≥ ${path}.minMs`);
  }
  if (kind === 'exponential' && (record['capMs'] as number) < (record['baseMs'] as number)) {
    errors.push(`${path}.capMs must be ≥ ${path}.baseMs`);
  }
  return errors;
}
