// Proves the lab diagram puts the broker in the middle with phones facing each other across it,
// edges running the right way for up and down, the spike below, and a summary that says the state.
import { describe, expect, it } from 'vitest';
import {
  BROKER_ID,
  labDiagramSummary,
  labLayoutKey,
  LAB_NODE_W,
  layoutLabDiagram,
  SPIKE_ID,
} from './lab-diagram-layout';

const phones = (...names: string[]) => names.map((name) => ({ name }));

describe('layoutLabDiagram', () => {
  it('puts the broker in the middle, alice left and bob right, each with an edge to it', () => {
    const { nodes, edges } = layoutLabDiagram(phones('alice', 'bob'), false);
    const broker = nodes.find((n) => n.id === BROKER_ID)!;
    expect(broker.x + LAB_NODE_W.broker / 2).toBe(0);
    const alice = nodes.find((n) => n.name === 'alice')!;
    const bob = nodes.find((n) => n.name === 'bob')!;
    expect(alice.x + LAB_NODE_W.phone).toBeLessThan(broker.x);
    expect(bob.x).toBeGreaterThan(broker.x + LAB_NODE_W.broker);
    expect(alice.y).toBe(bob.y);
    // Up is alice → broker: alice is her edge's source; bob's edge leaves the broker.
    expect(edges).toEqual([
      expect.objectContaining({ source: alice.id, target: BROKER_ID, clientIsSource: true }),
      expect.objectContaining({ source: BROKER_ID, target: bob.id, clientIsSource: false }),
    ]);
    expect(nodes.some((n) => n.kind === 'spike')).toBe(false);
  });

  it('stacks more phones in rows, no two nodes overlapping, and adds the spike below the broker', () => {
    const { nodes, edges } = layoutLabDiagram(phones('a', 'b', 'c', 'd', 'e'), true);
    const left = nodes.filter((n) => n.side === 'left').map((n) => n.y);
    expect(left).toHaveLength(3);
    expect(new Set(left).size).toBe(3);
    const spike = nodes.find((n) => n.id === SPIKE_ID)!;
    const broker = nodes.find((n) => n.id === BROKER_ID)!;
    expect(spike.y).toBeGreaterThan(broker.y + 60);
    expect(edges.at(-1)).toMatchObject({ source: BROKER_ID, target: SPIKE_ID, client: 'spike' });
    // Spike and phone columns never overlap horizontally.
    for (const n of nodes.filter((x) => x.kind === 'phone'))
      expect(n.x + LAB_NODE_W.phone <= spike.x || n.x >= spike.x + LAB_NODE_W.spike).toBe(true);
  });

  it('keys the layout by which nodes exist only', () => {
    expect(labLayoutKey(phones('a', 'b'), false)).toBe(labLayoutKey(phones('a', 'b'), false));
    expect(labLayoutKey(phones('a', 'b'), true)).not.toBe(labLayoutKey(phones('a', 'b'), false));
    expect(labLayoutKey(phones('a'), false)).not.toBe(labLayoutKey(phones('a', 'b'), false));
  });
});

describe('labDiagramSummary', () => {
  const cap = (n: string) => n[0]!.toUpperCase() + n.slice(1);
  it('counts phones online and names the newest packet', () => {
    const text = labDiagramSummary(
      [
        { name: 'alice', state: 'online' },
        { name: 'bob', state: 'offline' },
      ],
      undefined,
      { type: 'PUBLISH', dir: 'up', client: 'alice' },
      cap,
    );
    expect(text).toBe('Real broker diagram: 2 phones, 1 online; latest packet PUBLISH from Alice');
  });
  it('mentions a spike and packets down to a client', () => {
    expect(
      labDiagramSummary(
        [],
        { connected: 190 },
        { type: 'CONNACK', dir: 'down', client: 'spike' },
        cap,
      ),
    ).toBe(
      'Real broker diagram: 0 phones, 0 online, spike: 190 connected; latest packet CONNACK to a spike connection',
    );
    expect(
      labDiagramSummary([{ name: 'bob', state: 'no-signal' }], undefined, undefined, cap),
    ).toBe('Real broker diagram: 1 phone, 0 online; no packets yet');
  });
});
