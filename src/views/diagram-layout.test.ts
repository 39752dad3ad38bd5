// Proves the diagram follows the seed's store-and-forward layout, switches to groups past 24 phones
// or past what its pane can draw legibly, and stays narrow enough to read beside a lesson.
import { describe, expect, it } from 'vitest';
import type { PhoneView, Snapshot } from '../bridge/playground-api';
import {
  drawLimitFor,
  FIT_PADDING,
  LEGIBLE_ZOOM,
  layoutDiagram,
  layoutKey,
  MAX_DRAWN_PHONES,
  NODE_W,
  nodeForActor,
} from './diagram-layout';

const phone = (user: number): PhoneView => ({
  user,
  name: `u${user}`,
  proto: 'mqtt',
  status: 'online',
  link: 'good',
  bytesUp: 0,
  bytesDown: 0,
  joules: 0,
  highPowerMs: 0,
  outbox: 0,
  unread: 0,
});
const snap = (n: number): Pick<Snapshot, 'phoneCount' | 'phones' | 'groups'> => ({
  phoneCount: n,
  phones: Array.from({ length: Math.min(n, 24) }, (_, i) => phone(i + 1)),
  groups: [{ proto: 'mqtt', count: n, byStatus: { online: n } }],
});

describe('layoutDiagram', () => {
  it('puts User A left and User B right of the gateway, the session manager and storage below', () => {
    const { nodes, edges } = layoutDiagram(snap(2));
    const at = (id: string) => nodes.find((n) => n.id === id)!;
    expect(at('phone-1').x).toBeLessThan(at('gateway').x);
    expect(at('phone-2').x).toBeGreaterThan(at('gateway').x);
    expect(at('sessions').y).toBeGreaterThan(at('gateway').y);
    expect(at('store').y).toBeGreaterThan(at('gateway').y);
    expect(edges.map((e) => e.id).sort()).toEqual([
      'e-phone-1',
      'e-phone-2',
      'e-sessions',
      'e-store',
    ]);
  });

  it('groups phones by protocol past 24, and maps their actors to the group', () => {
    const { nodes } = layoutDiagram(snap(1000));
    expect(nodes.filter((n) => n.kind === 'phone')).toHaveLength(0);
    expect(nodes.find((n) => n.kind === 'group')?.id).toBe('group-mqtt');
    expect(nodeForActor(16 + 700, 'mqtt', 'groups', new Set())).toBe('group-mqtt');
    expect(nodeForActor(16 + 3, undefined, 'phones', new Set([3]))).toBe('phone-3');
    expect(nodeForActor(1, undefined, 'groups', new Set())).toBe('gateway');
    expect(layoutKey(snap(2))).not.toBe(layoutKey(snap(3)));
  });

  it('draws as many phones one by one as a pane of that height shows at 11 px text, then groups', () => {
    for (const height of [200, 300, 364, 500, 741, 1000]) {
      const limit = drawLimitFor(height);
      expect(limit).toBeGreaterThanOrEqual(2);
      expect(limit).toBeLessThanOrEqual(MAX_DRAWN_PHONES);
      expect(limit % 2, 'whole rows: one phone each side').toBe(0);
      const { nodes } = layoutDiagram(snap(limit), limit);
      const phones = nodes.filter((n) => n.kind === 'phone');
      expect(phones).toHaveLength(limit);
      // The phone columns (a node is at most 130 units tall) fit the pane at the legible zoom.
      const top = Math.min(...phones.map((n) => n.y));
      const bottom = Math.max(...phones.map((n) => n.y + 130));
      if (limit < MAX_DRAWN_PHONES && limit > 2)
        expect((bottom - top) * (1 + FIT_PADDING) * LEGIBLE_ZOOM).toBeLessThanOrEqual(height);
      const over = layoutDiagram(snap(limit + 1), limit).nodes;
      expect(over.some((n) => n.kind === 'group')).toBe(true);
    }
    expect(drawLimitFor(364)).toBe(4);
    expect(drawLimitFor(10_000)).toBe(MAX_DRAWN_PHONES);
  });

  it('is narrow enough that beside a lesson at 1280×720 (a 606 px pane) its text is drawn at 11 px', () => {
    for (const n of [2, 40]) {
      const { nodes } = layoutDiagram(snap(n));
      const left = Math.min(...nodes.map((x) => x.x));
      const right = Math.max(...nodes.map((x) => x.x + NODE_W[x.kind]));
      expect(606 / ((right - left) * (1 + FIT_PADDING))).toBeGreaterThanOrEqual(LEGIBLE_ZOOM);
    }
  });
});
