// Proves the spike sizes follow the gateway on screen: multiples of what it accepts over the
// window, capped by the connections it has room for, and a warning when it has none.
import { describe, expect, it } from 'vitest';
import { acceptsPerSec, nearConnectionLimit, spikePresets } from './spike-presets';

const PAGE = {
  maxConnections: 10_000,
  workPerSec: 20_000,
  thresholdPct: 80,
  workUnits: { handshake: 10 },
};
const LESSON = { ...PAGE, maxConnections: 50_000, workPerSec: 3_000 };

describe('spike presets', () => {
  it('counts what the gateway accepts a second before backpressure: work × threshold ÷ handshake', () => {
    expect(acceptsPerSec(PAGE)).toBe(1_600);
    expect(acceptsPerSec(LESSON)).toBe(240);
  });

  it('offers ½×, 2× and 5× of capacity over the window, the last capped by the room left', () => {
    expect(spikePresets(PAGE, 0, 1).map((p) => p.label)).toEqual([
      '800 (½× capacity)',
      '3,200 (2× capacity)',
      '7,500 (all the room left)',
    ]);
    expect(spikePresets(LESSON, 50, 1).map((p) => p.value)).toEqual([120, 480, 1_200]);
    // A longer window asks for more phones; two sizes that both hit the cap become one.
    expect(spikePresets(PAGE, 0, 5).map((p) => p.value)).toEqual([4_000, 7_500]);
  });

  it('rounds to two significant figures and never offers 0', () => {
    const tiny = { ...PAGE, workPerSec: 30 };
    for (const p of spikePresets(tiny, 0, 1)) expect(p.value).toBeGreaterThanOrEqual(1);
    const odd = { ...PAGE, workPerSec: 19_937 };
    for (const p of spikePresets(odd, 0, 1)) expect(String(p.value)).toMatch(/^\d{1,2}0*$/);
  });

  it('stops capping, and warns, once the held connections fill the room', () => {
    expect(nearConnectionLimit(PAGE, 7_400)).toBe(false);
    expect(nearConnectionLimit(PAGE, 7_500)).toBe(true);
    expect(spikePresets(PAGE, 7_500, 1).map((p) => p.value)).toEqual([800, 3_200, 8_000]);
  });
});
