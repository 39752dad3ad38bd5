// Proves the heat on an edge reads as bytes per second of virtual time, and forgets on a seek back.
import { describe, expect, it } from 'vitest';
import { EdgeHeat } from './edge-heat';

describe('EdgeHeat', () => {
  it('settles at the steady byte rate', () => {
    const h = new EdgeHeat(1000);
    for (let t = 0; t <= 20_000; t += 10) h.add('e-phone-1', 10, t); // 1,000 B/s
    expect(h.rates(20_000)['e-phone-1']).toBeGreaterThan(950);
    expect(h.rates(20_000)['e-phone-1']).toBeLessThan(1050);
  });
  it('halves each half-life without traffic and resets when time goes back', () => {
    const h = new EdgeHeat(1000);
    h.add('e', 1000, 0);
    const r0 = h.rates(0)['e']!;
    expect(h.rates(1000)['e']).toBeCloseTo(r0 / 2);
    expect(h.rates(500)['e'] ?? 0).toBe(0);
  });
});
