// Proves the gateway's two in-memory tables: lookups are answered once and never by a stale
// number after a crash, and session marks grow with user ids and forget everything on clear.
import { describe, expect, it } from 'vitest';
import { PendingLookups, SessionMarks } from './routing-state';

const lookup = (key: string, msg: number) => ({
  recipient: 2,
  key,
  msg,
  envelope: new Uint8Array([msg]),
});

describe('PendingLookups', () => {
  it('answers each request once, and lists only the chats still waiting', () => {
    const p = new PendingLookups();
    const a = p.add(lookup('c7', 7));
    const b = p.add(lookup('d7', 7));
    const c = p.add(lookup('c8', 8));
    expect([a, b, c]).toEqual([1, 2, 3]);
    expect(p.chatIds()).toEqual([7, 8]);
    expect(p.take(a)?.key).toBe('c7');
    expect(p.take(a)).toBeUndefined();
    expect(p.chatIds()).toEqual([8]);
  });

  it('keeps counting after a crash clears it, so a late answer matches nothing', () => {
    const p = new PendingLookups();
    const before = p.add(lookup('c1', 1));
    p.clear();
    const after = p.add(lookup('c2', 2));
    expect(after).toBeGreaterThan(before);
    expect(p.take(before)).toBeUndefined();
    expect(p.take(after)?.msg).toBe(2);
  });
});

describe('SessionMarks', () => {
  it('remembers users far past its first size, and forgets them all on clear', () => {
    const s = new SessionMarks();
    for (const u of [1, 1023, 1024, 1_000_000]) {
      expect(s.has(u)).toBe(false);
      s.mark(u);
      expect(s.has(u)).toBe(true);
    }
    expect(s.has(2)).toBe(false);
    s.clear();
    expect([1, 1023, 1024, 1_000_000].some((u) => s.has(u))).toBe(false);
  });
});
