// Proves the diagram follows the seed's store-and-forward layout and switches to groups past 24 phones.
import { describe, expect, it } from 'vitest';
import type { PhoneView, Snapshot } from '../bridge/playground-api';
import { layoutDiagram, layoutKey, nodeForActor } from './diagram-layout';

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
});
