// Proves the chart history follows virtual time, including back in time after a seek.
import { describe, expect, it } from 'vitest';
import { HISTORY_POINTS, pushSample, type MetricSample } from './metric-history';

const s = (t: number): MetricSample => ({
  atMs: t,
  connections: t,
  load: 0,
  refused: 0,
  stored: 0,
  sent: 0,
  delivered: 0,
  p50: 0,
  p95: 0,
  p99: 0,
});

describe('pushSample', () => {
  it('appends in time order and stays bounded', () => {
    let h: MetricSample[] = [];
    for (let i = 0; i < HISTORY_POINTS + 50; i++) h = pushSample(h, s(i * 100));
    expect(h.length).toBe(HISTORY_POINTS);
    expect(h[h.length - 1]!.atMs).toBe((HISTORY_POINTS + 49) * 100);
  });
  it('drops the undone future when time goes back', () => {
    let h = [s(0), s(100), s(200), s(300)];
    h = pushSample(h, s(150));
    expect(h.map((x) => x.atMs)).toEqual([0, 100, 150]);
  });
  it('replaces a sample at the same instant (a pause re-sends the moment)', () => {
    const h = pushSample([s(0), s(100)], { ...s(100), connections: 7 });
    expect(h.map((x) => x.connections)).toEqual([0, 7]);
  });
});
