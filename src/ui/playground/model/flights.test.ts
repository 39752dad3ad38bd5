// Proves flights come only from real hops of the trace and move exactly with virtual time.
import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../../bridge/playground-api';
import { flightRadius, flightStyle, flightsFrom, progress, sampleFlights } from './flights';

const ev = (p: Partial<TraceEvent> & Pick<TraceEvent, 'kind' | 'from' | 'to'>): TraceEvent => ({
  atMs: 0,
  msg: 0,
  bytes: 0,
  headerBytes: 0,
  arriveAtMs: p.atMs ?? 0,
  ...p,
});
const resolve = (actor: number): string | undefined =>
  actor === 1
    ? 'gateway'
    : actor === 3
      ? 'store'
      : actor >= 16 && actor < 20
        ? `phone-${actor - 16}`
        : undefined;

describe('flightsFrom', () => {
  it('keeps hops with bytes between two drawn nodes, and nothing else', () => {
    const events = [
      ev({ atMs: 2000, kind: 'sent', from: 17, to: 18, bytes: 109, msg: 1 }),
      ev({
        atMs: 2000,
        kind: 'frame',
        from: 17,
        to: 1,
        bytes: 142,
        arriveAtMs: 2074,
        msg: 1,
        note: 'PUBLISH',
      }),
      ev({ atMs: 2074, kind: 'accepted', from: 17, to: 1, msg: 1 }),
      ev({ atMs: 2084, kind: 'stored', from: 1, to: 3, bytes: 125, arriveAtMs: 2089, msg: 1 }),
      ev({ atMs: 3000, kind: 'disconnect', from: 18, to: 18 }),
      ev({ atMs: 3000, kind: 'frame', from: 1, to: 40, bytes: 4, arriveAtMs: 3005 }),
      ev({ atMs: 3100, kind: 'deleted', from: 1, to: 3, msg: 1 }),
    ];
    const f = flightsFrom(events, resolve);
    expect(f.map((x) => `${x.from}>${x.to}@${x.atMs}-${x.arriveAtMs}`)).toEqual([
      'phone-1>gateway@2000-2074',
      'gateway>store@2084-2089',
      'gateway>store@3100-3100',
    ]);
  });
});

describe('progress', () => {
  it('is the share of the hop’s virtual time that has passed', () => {
    const f = { atMs: 2000, arriveAtMs: 2100 };
    expect(progress(f, 1990)).toBe(0);
    expect(progress(f, 2025)).toBe(0.25);
    expect(progress(f, 2100)).toBe(1);
    expect(progress(f, 9999)).toBe(1);
    expect(progress({ atMs: 5, arriveAtMs: 5 }, 5)).toBe(1);
  });
});

describe('flightStyle and flightRadius', () => {
  it('tells chats from acks by kind and size', () => {
    expect(flightStyle({ kind: 'frame', msg: 1, bytes: 142 })).toBe('chat');
    expect(flightStyle({ kind: 'frame', msg: 1, bytes: 4 })).toBe('ack');
    expect(flightStyle({ kind: 'poll', msg: 0, bytes: 900 })).toBe('poll');
    expect(flightStyle({ kind: 'refused', msg: 0, bytes: 4 })).toBe('refused');
    expect(flightRadius(1000)).toBeGreaterThan(flightRadius(4));
  });
});

describe('sampleFlights', () => {
  it('draws every k-th flight when there are too many', () => {
    const all = Array.from({ length: 10_000 }, (_, i) => i);
    const s = sampleFlights(all, 1000);
    expect(s.every).toBe(10);
    expect(s.drawn.length).toBe(1000);
    expect(sampleFlights([1, 2], 5)).toEqual({ drawn: [1, 2], every: 1 });
  });
});
