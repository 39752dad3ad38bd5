/**
 * The checkpoint and prediction vocabulary, parsed from YAML into plain data (`model.ts`). Nothing
 * an author writes is ever run as code: every predicate and measure is one of the names below.
 */
import { PROTOCOLS } from '../engine/model/protocols';
import { type Fields, isRecord, type UserBook } from './fields';
import { quote } from './errors';
import { LESSON_LIMITS } from './limits';
import {
  COMPARE_OPS,
  MEASURE_KINDS,
  TICKS,
  type CompareOp,
  type Measure,
  type MeasureKind,
  type Predicate,
} from './model';

export const PREDICATE_NAMES = [
  'ticks',
  'stored',
  'online',
  'offline',
  'delivered-from-store',
  'measure',
] as const;

/** Measures that only ever grow during a step: an "above" bound on them can be judged at once. */
const GROWING: ReadonlySet<MeasureKind> = new Set([
  'bytes',
  'header-bytes',
  'payload-bytes',
  'requests',
  'sent',
  'delivered',
  'stored',
  'refusals',
  'connections',
  'retries',
  'crashes',
  'duplicates-dropped',
  'readable-bodies',
]);

/** Measures the wire tallies per protocol. */
const PER_PROTOCOL: ReadonlySet<MeasureKind> = new Set([
  'bytes',
  'header-bytes',
  'payload-bytes',
  'requests',
  'bytes-per-message',
  'radio-joules-per-hour',
]);

/** Measures read from the end-of-run report rather than the live trace. */
export const REPORT_ONLY: ReadonlySet<MeasureKind> = new Set(['radio-joules-per-hour']);

export const isGrowing = (m: Measure): boolean => GROWING.has(m.kind);

/** Reads `measure`, `protocol` and `percentile` from `f` (the fields of a compare or a choice). */
export function readMeasure(f: Fields): Measure | undefined {
  const kind = f.oneOf('measure', MEASURE_KINDS, true);
  const protocol = f.oneOf('protocol', PROTOCOLS);
  let percentile = f.num('percentile', { min: 1, max: 100 });
  if (kind === undefined) return undefined;
  if (kind === 'latency-ms') percentile ??= 50;
  else if (percentile !== undefined) f.fail('percentile', `percentile applies to latency-ms only`);
  if (kind === 'radio-joules-per-hour' && protocol === undefined)
    f.fail('protocol', 'radio-joules-per-hour needs a protocol');
  if (protocol !== undefined && !PER_PROTOCOL.has(kind))
    f.fail('protocol', `${kind} is not counted per protocol`);
  return { kind, protocol, percentile };
}

/** Parses one checkpoint item; undefined (with errors recorded) when it is malformed. */
export function readPredicate(f: Fields, users: UserBook): Predicate | undefined {
  const keys = Object.keys(f.obj);
  const name = 'measure' in f.obj ? 'measure' : keys[0];
  const line = f.line();
  if (name === undefined || (name !== 'measure' && keys.length !== 1)) {
    f.fail(undefined, `each item names one predicate (one of ${PREDICATE_NAMES.join(', ')})`);
    return undefined;
  }
  switch (name) {
    case 'ticks': {
      const a = f.map('ticks', 'ticks');
      if (!a) return undefined;
      a.only('from', 'to', 'shows', 'messages', 'inOrder', 'exactlyOnce');
      const from = a.user('from', users);
      const to = a.user('to', users);
      const shows = a.oneOf('shows', TICKS, true);
      const messages = a.num('messages', { required: true, integer: true, min: 1, max: 1000 });
      const inOrder = a.bool('inOrder') ?? false;
      const exactlyOnce = a.bool('exactlyOnce') ?? false;
      if (from === undefined || to === undefined || !shows || messages === undefined)
        return undefined;
      return { kind: 'ticks', line, from, to, shows, messages, inOrder, exactlyOnce };
    }
    case 'stored': {
      const a = f.map('stored', 'stored');
      if (!a) return undefined;
      a.only('for', 'messages');
      const user = a.obj.for === undefined ? null : a.user('for', users);
      const messages = a.num('messages', { required: true, integer: true, min: 0, max: 100_000 });
      if (user === undefined || messages === undefined) return undefined;
      return { kind: 'stored', line, user, messages };
    }
    case 'online':
    case 'offline': {
      const user = f.user(name, users);
      return user === undefined
        ? undefined
        : { kind: 'online', line, user, online: name === 'online' };
    }
    case 'delivered-from-store': {
      const a = f.map(name, name);
      if (!a) return undefined;
      a.only('to', 'messages');
      const to = a.user('to', users);
      const messages = a.num('messages', { required: true, integer: true, min: 1, max: 1000 });
      if (to === undefined || messages === undefined) return undefined;
      return { kind: 'delivered-from-store', line, to, messages };
    }
    case 'measure':
      return readCompare(f, line);
    default:
      f.fail(name, `unknown predicate ${quote(name)} (known: ${PREDICATE_NAMES.join(', ')})`);
      return undefined;
  }
}

function readCompare(f: Fields, line: number): Predicate | undefined {
  f.only('measure', 'protocol', 'percentile', 'overSec', ...COMPARE_OPS);
  const measure = readMeasure(f);
  const ops = COMPARE_OPS.filter((op) => op in f.obj);
  if (ops.length !== 1) {
    f.fail(undefined, `a measure needs exactly one bound: ${COMPARE_OPS.join(', ')}`);
    return undefined;
  }
  const op: CompareOp = ops[0]!;
  const overSec = f.num('overSec', { min: 0.1, max: LESSON_LIMITS.maxStepSec });
  let bound: Extract<Predicate, { kind: 'compare' }>['bound'] | undefined;
  const raw = f.obj[op];
  if (typeof raw === 'number' && Number.isFinite(raw)) bound = raw;
  else if (isRecord(raw)) {
    const b = f.map(op, `${op} (a multiple of another measure)`);
    if (b) {
      b.only('times', 'measure', 'protocol', 'percentile');
      const times = b.num('times', { required: true, min: 0 });
      const other = readMeasure(b);
      if (times !== undefined && other) bound = { times, measure: other };
      if (other && REPORT_ONLY.has(other.kind)) b.fail('measure', reportOnly(other.kind));
    }
  } else f.fail(op, `${op} must be a number or {times, measure} (got ${quote(raw)})`);
  if (!measure || bound === undefined) return undefined;
  if (REPORT_ONLY.has(measure.kind)) {
    f.fail('measure', reportOnly(measure.kind));
    return undefined;
  }
  // A growing count above a fixed number stays above it; anything else is judged at a set time.
  const growsPastIt =
    (op === 'above' || op === 'atLeast') && isGrowing(measure) && typeof bound === 'number';
  if (overSec === undefined && !growsPastIt) {
    f.fail(
      op,
      `"${measure.kind} ${op}" can change after it first holds: add overSec (judge it that many seconds after the step starts)`,
    );
    return undefined;
  }
  return { kind: 'compare', line, measure, op, bound, overSec };
}

const reportOnly = (kind: MeasureKind): string =>
  `${kind} comes from the radio model at the end of a run: use it in a prediction, not a checkpoint`;
