// Proves the recent-strings cache: a hit only for the last string of its length (by content),
// the newest of a length replaces the one before, and clear forgets everything.
import { describe, expect, it } from 'vitest';
import { RecentStrings } from './recent-strings';

describe('RecentStrings', () => {
  it('keeps the last string of each length, matched by content', () => {
    const r = new RecentStrings(8);
    r.set('mqtt', 1);
    r.set('PINGREQ', 2);
    expect(r.get('mqtt')).toBe(1);
    expect(r.get(['m', 'q', 't', 't'].join(''))).toBe(1);
    expect(r.get('PINGREQ')).toBe(2);
    r.set('c123', 3); // same length as 'mqtt': replaces it
    expect(r.get('mqtt')).toBeUndefined();
    expect(r.get('c123')).toBe(3);
    expect(r.get('PINGREQ' + 'x'.repeat(8))).toBeUndefined(); // 15 & 7 === 7, but another string
    r.clear();
    expect(r.get('c123')).toBeUndefined();
    expect(r.get('PINGREQ')).toBeUndefined();
  });
});
