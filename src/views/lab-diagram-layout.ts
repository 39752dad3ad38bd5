import { SPIKE_CLIENT, type LabPhoneView, type LabSpikeView } from '../bridge/lab-api';
import { sideOf, type Side } from './diagram-layout';

/**
 * Lab mode's diagram as data: the real broker in the middle, the real phones on either side of it
 * (alternating, so a pair faces each other across the broker as in the simulated diagram), and a
 * spike's connections as one group node below the broker. Positions are flow coordinates.
 */

export const BROKER_ID = 'broker';
export const SPIKE_ID = 'spike';
export const labPhoneNodeId = (name: string): string => `lab-phone-${name}`;
export const labEdgeId = (client: string): string => `e-lab-${client}`;

/** Node widths the layout assumes (lab.css gives the nodes these widths). */
export const LAB_NODE_W = { broker: 140, phone: 124, spike: 180 } as const;
/** Heights the layout centres by (the nodes' usual height; React Flow measures the real one). */
const NODE_H = { broker: 76, phone: 64 } as const;
const ROW_H = 100;
/**
 * From the middle to a phone column's inner side: the broker's half (70) and an edge long enough
 * for its labels (the newest packet above the line, the totals below it). Two phones span 688
 * units, so the diagram, fitted into lab mode's middle column at 1280×720 (about 620 px), draws its
 * 13.5-unit text at 11 px or more.
 */
const SIDE_X = 220;
/**
 * The spike group's top: below the broker by room for its link's two-line label, and no more, so
 * the diagram stays short enough to read.
 */
const SPIKE_Y = 92;

export type LabNodeKind = 'broker' | 'phone' | 'spike';

export interface LabNodeSpec {
  readonly id: string;
  readonly kind: LabNodeKind;
  readonly x: number;
  readonly y: number;
  readonly side?: Side;
  /** The phone's name (phones only). */
  readonly name?: string;
}

export interface LabEdgeSpec {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly sourceHandle: 'left' | 'right' | 'bottom';
  readonly targetHandle: 'left' | 'right' | 'top';
  /** Whose packets travel on it: a phone's name or {@link SPIKE_CLIENT}. */
  readonly client: string;
  /** Whether the client is the edge's source, so `up` (client → broker) runs source → target. */
  readonly clientIsSource: boolean;
}

/** Nodes and edges for the lab's phones (in the order given) and, once one ran, the spike. */
export function layoutLabDiagram(
  phones: readonly Pick<LabPhoneView, 'name'>[],
  hasSpike: boolean,
): { nodes: LabNodeSpec[]; edges: LabEdgeSpec[] } {
  const nodes: LabNodeSpec[] = [
    { id: BROKER_ID, kind: 'broker', x: -LAB_NODE_W.broker / 2, y: -NODE_H.broker / 2 },
  ];
  const edges: LabEdgeSpec[] = [];
  for (const side of ['left', 'right'] as const) {
    const column = phones.filter((_, i) => sideOf(i) === side);
    const top = -((column.length - 1) * ROW_H) / 2;
    column.forEach((p, i) => {
      const id = labPhoneNodeId(p.name);
      const x = side === 'left' ? -SIDE_X - LAB_NODE_W.phone : SIDE_X;
      nodes.push({
        id,
        kind: 'phone',
        x,
        y: top + i * ROW_H - NODE_H.phone / 2,
        side,
        name: p.name,
      });
      edges.push(
        side === 'left'
          ? {
              id: labEdgeId(p.name),
              source: id,
              target: BROKER_ID,
              sourceHandle: 'right',
              targetHandle: 'left',
              client: p.name,
              clientIsSource: true,
            }
          : {
              id: labEdgeId(p.name),
              source: BROKER_ID,
              target: id,
              sourceHandle: 'right',
              targetHandle: 'left',
              client: p.name,
              clientIsSource: false,
            },
      );
    });
  }
  if (hasSpike) {
    nodes.push({ id: SPIKE_ID, kind: 'spike', x: -LAB_NODE_W.spike / 2, y: SPIKE_Y });
    edges.push({
      id: labEdgeId(SPIKE_CLIENT),
      source: BROKER_ID,
      target: SPIKE_ID,
      sourceHandle: 'bottom',
      targetHandle: 'top',
      client: SPIKE_CLIENT,
      clientIsSource: false,
    });
  }
  return { nodes, edges };
}

/** Changes only when the set of nodes does (a phone's state changes its node, not the layout). */
export const labLayoutKey = (phones: readonly Pick<LabPhoneView, 'name'>[], hasSpike: boolean) =>
  `${phones.map((p) => p.name).join(',')}|${hasSpike ? 'spike' : ''}`;

/** Whether a phone holds its connection (a solid edge) or not (dashed). */
export const isConnected = (state: LabPhoneView['state']): boolean => state === 'online';

/** The diagram's accessible name: what is on it and the newest packet, in one sentence. */
export function labDiagramSummary(
  phones: readonly Pick<LabPhoneView, 'name' | 'state'>[],
  spike: Pick<LabSpikeView, 'connected'> | undefined,
  latest:
    { readonly type: string; readonly dir: 'up' | 'down'; readonly client: string } | undefined,
  name: (n: string) => string,
): string {
  const online = phones.filter((p) => isConnected(p.state)).length;
  const parts = [
    `Real broker diagram: ${phones.length} ${phones.length === 1 ? 'phone' : 'phones'}, ${online} online`,
  ];
  if (spike) parts.push(`spike: ${spike.connected} connected`);
  const who = (c: string): string => (c === SPIKE_CLIENT ? 'a spike connection' : name(c));
  const packet = latest
    ? `latest packet ${latest.type} ${latest.dir === 'up' ? 'from' : 'to'} ${who(latest.client)}`
    : 'no packets yet';
  return `${parts.join(', ')}; ${packet}`;
}
