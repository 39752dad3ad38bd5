// Proves the event log filters by kind, by either end's phone, and by message id.
import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../../bridge/playground-api';
import { matchesFilter, parsePhone } from './log-filter';

const e = (p: Partial<TraceEvent>): TraceEvent => ({
  atMs: 0,
  kind: 'frame',
  from: 17,
  to: 1,
  msg: 0,
  bytes: 1,
  headerBytes: 0,
  arriveAtMs: 1,
  ...p,
});

describe('matchesFilter', () => {
  it('matches kind, phone at either end, and message', () => {
    expect(matchesFilter(e({ kind: 'pushed' }), { kinds: new Set(['pushed']) })).toBe(true);
    expect(matchesFilter(e({ kind: 'poll' }), { kinds: new Set(['pushed']) })).toBe(false);
    expect(matchesFilter(e({ from: 1, to: 18 }), { kinds: new Set(), phone: 2 })).toBe(true);
    expect(matchesFilter(e({ from: 1, to: 18 }), { kinds: new Set(), phone: 1 })).toBe(false);
    expect(matchesFilter(e({ msg: 4 }), { kinds: new Set(), msg: 4 })).toBe(true);
    expect(matchesFilter(e({ msg: 5 }), { kinds: new Set(), msg: 4 })).toBe(false);
  });
});

describe('parsePhone', () => {
  it('reads names, u-numbers and numbers', () => {
    const names = new Map([[1, 'alice']]);
    expect(parsePhone('Alice', names)).toBe(1);
    expect(parsePhone('u12', names)).toBe(12);
    expect(parsePhone('7', names)).toBe(7);
    expect(parsePhone('', names)).toBeUndefined();
    expect(parsePhone('mallory', names)).toBeUndefined();
  });
});
