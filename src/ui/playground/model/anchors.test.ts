// Proves dots fly along the same line the edge is drawn on, in the hop's direction.
import { describe, expect, it } from 'vitest';
import { anchorPoint, hopEndpoints } from './anchors';

const rects: Record<string, { x: number; y: number; w: number; h: number }> = {
  'phone-1': { x: -560, y: 0, w: 200, h: 100 },
  gateway: { x: -110, y: 40, w: 220, h: 120 },
};

describe('hopEndpoints', () => {
  const edge = {
    id: 'e-phone-1',
    source: 'phone-1',
    target: 'gateway',
    sourceHandle: 'right',
    targetHandle: 'left',
  };
  it('runs from the sender’s handle to the receiver’s', () => {
    expect(hopEndpoints('phone-1', 'gateway', edge, (id) => rects[id])).toEqual({
      a: { x: -360, y: 50 },
      b: { x: -110, y: 100 },
    });
    expect(hopEndpoints('gateway', 'phone-1', edge, (id) => rects[id])).toEqual({
      a: { x: -110, y: 100 },
      b: { x: -360, y: 50 },
    });
  });
  it('has no path between nodes the edge does not join', () => {
    expect(hopEndpoints('gateway', 'store', edge, (id) => rects[id])).toBeUndefined();
  });
  it('puts anchors at the side centres', () => {
    expect(anchorPoint({ x: 0, y: 0, w: 10, h: 20 }, 'bottom')).toEqual({ x: 5, y: 20 });
  });
});
