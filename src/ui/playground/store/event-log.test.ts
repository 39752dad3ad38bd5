// Proves the log stays ordered and bounded, and that a replay after a seek never duplicates events.
import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../../bridge/playground-api';
import { EventLog } from './event-log';

const at = (t: number): TraceEvent => ({
  atMs: t,
  kind: 'frame',
  from: 17,
  to: 1,
  msg: 0,
  bytes: 1,
  headerBytes: 1,
  arriveAtMs: t + 1,
});

describe('EventLog', () => {
  it('appends and bounds to its capacity', () => {
    const log = new EventLog(100);
    for (let i = 0; i < 300; i++) log.append([at(i)]);
    expect(log.items.length).toBeLessThanOrEqual(125);
    expect(log.items[log.items.length - 1]!.atMs).toBe(299);
    expect(log.dropped + log.items.length).toBe(300);
  });

  it('replaces the replayed part when a batch starts earlier than what it holds', () => {
    const log = new EventLog();
    log.append([at(0), at(1000), at(2000), at(3000)]);
    log.append([at(1000), at(2000)]); // a seek to 2.0 s re-sends the last seconds
    expect(log.items.map((e) => e.atMs)).toEqual([0, 1000, 2000]);
  });

  it('truncates after a time', () => {
    const log = new EventLog();
    log.append([at(0), at(5), at(5), at(9)]);
    log.truncateAfter(5);
    expect(log.items.map((e) => e.atMs)).toEqual([0, 5, 5]);
  });

  it('finds the newest chat message sent, skipping other kinds and control frames (msg 0)', () => {
    const log = new EventLog();
    expect(log.latestSentMessage()).toBeUndefined();
    log.append([
      { ...at(0), kind: 'sent', msg: 3 },
      { ...at(1), kind: 'sent', msg: 7 },
      { ...at(2), kind: 'delivered', msg: 9 },
      { ...at(3), kind: 'sent', msg: 0 },
    ]);
    expect(log.latestSentMessage()).toBe(7);
  });
});
