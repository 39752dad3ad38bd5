import type { PhoneGroupView, PhoneView, ProtocolName, Snapshot } from '../bridge/playground-api';

/**
 * The diagram as data: which nodes and edges to draw and where, from one snapshot. It follows the
 * seed note's store-and-forward diagram: senders (User A) on the left, recipients (User B) on the
 * right, the Chat Gateway between them, and below it the Session Manager and Temporary Storage.
 */

/** Phones drawn one by one up to this many; above it the diagram shows one node per group. */
export const MAX_DRAWN_PHONES = 24;

export type Side = 'left' | 'right';
export const GATEWAY_ID = 'gateway';
export const SESSIONS_ID = 'sessions';
export const STORE_ID = 'store';
export const phoneNodeId = (user: number): string => `phone-${user}`;
export const groupNodeId = (proto: ProtocolName): string => `group-${proto}`;

export interface NodeSpec {
  readonly id: string;
  readonly kind: 'phone' | 'group' | 'gateway' | 'sessions' | 'store';
  readonly x: number;
  readonly y: number;
  readonly side?: Side;
  readonly user?: number;
  readonly proto?: ProtocolName;
}

export interface EdgeSpec {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly sourceHandle: string;
  readonly targetHandle: string;
}

/** Node sizes the layout assumes (the CSS gives the nodes these widths). */
export const NODE_W = { phone: 170, group: 170, gateway: 180, sessions: 150, store: 150 } as const;
const PHONE_ROW_H = 150;
const GROUP_ROW_H = 140;
/**
 * How far the phone columns stand from the middle: room for the gateway's half (90) and an edge
 * label. The layout is kept narrow (680 units for two phones) so that, fitted into the diagram's
 * column beside a lesson at 1280×720 (about 600 px), its node text is drawn at 11 px or more.
 */
const SIDE_X = 170;

export type DiagramMode = 'phones' | 'groups';

export const diagramMode = (phoneCount: number, drawLimit = MAX_DRAWN_PHONES): DiagramMode =>
  phoneCount <= drawLimit ? 'phones' : 'groups';

/** The zoom at which the nodes' smallest text (13.5 units, see playground.css) is still 11 px. */
export const LEGIBLE_ZOOM = 11 / 13.5;
/** The diagram's fit padding (React Flow's fitView: the content takes 1 / (1 + padding) of the pane). */
export const FIT_PADDING = 0.08;
/** A phone node's height with three messages shown, in layout units. */
const PHONE_NODE_H = 130;

/**
 * How many phones a pane this tall can draw one by one and still be read: the phone columns (one
 * row per two phones) must fit at `LEGIBLE_ZOOM`. Beyond it the diagram draws protocol groups,
 * which say more about a crowd than twenty unreadable boxes do.
 */
export function drawLimitFor(paneHeightPx: number): number {
  const units = paneHeightPx / (LEGIBLE_ZOOM * (1 + FIT_PADDING));
  const rows = Math.max(1, Math.floor((units - PHONE_NODE_H) / PHONE_ROW_H) + 1);
  return Math.min(MAX_DRAWN_PHONES, 2 * rows);
}

/** Alternating sides keep pairs facing each other across the gateway: alice left, bob right. */
export const sideOf = (index: number): Side => (index % 2 === 0 ? 'left' : 'right');

function column(count: number, rowH: number): number[] {
  const top = -((count - 1) * rowH) / 2;
  return Array.from({ length: count }, (_, i) => top + i * rowH);
}

function edgeToGateway(id: string, side: Side): EdgeSpec {
  return side === 'left'
    ? { id: `e-${id}`, source: id, target: GATEWAY_ID, sourceHandle: 'right', targetHandle: 'left' }
    : {
        id: `e-${id}`,
        source: GATEWAY_ID,
        target: id,
        sourceHandle: 'right',
        targetHandle: 'left',
      };
}

/**
 * Nodes and edges for the snapshot's phones (or groups). Positions are flow coordinates. Phones
 * are drawn one by one while there are at most `drawLimit` of them.
 */
export function layoutDiagram(
  s: Pick<Snapshot, 'phoneCount' | 'phones' | 'groups'>,
  drawLimit = MAX_DRAWN_PHONES,
): {
  nodes: NodeSpec[];
  edges: EdgeSpec[];
} {
  const nodes: NodeSpec[] = [
    { id: GATEWAY_ID, kind: 'gateway', x: -NODE_W.gateway / 2, y: 40 },
    { id: SESSIONS_ID, kind: 'sessions', x: -NODE_W.sessions - 10, y: 220 },
    { id: STORE_ID, kind: 'store', x: 10, y: 220 },
  ];
  const edges: EdgeSpec[] = [
    {
      id: 'e-sessions',
      source: GATEWAY_ID,
      target: SESSIONS_ID,
      sourceHandle: 'bottom',
      targetHandle: 'top',
    },
    {
      id: 'e-store',
      source: GATEWAY_ID,
      target: STORE_ID,
      sourceHandle: 'bottom',
      targetHandle: 'top',
    },
  ];
  const place = (
    ids: { id: string; extra: Partial<NodeSpec>; kind: 'phone' | 'group' }[],
    rowH: number,
    width: number,
  ): void => {
    const left = ids.filter((_, i) => sideOf(i) === 'left');
    const right = ids.filter((_, i) => sideOf(i) === 'right');
    for (const [side, list] of [
      ['left', left],
      ['right', right],
    ] as const) {
      const ys = column(list.length, rowH);
      list.forEach((n, i) => {
        const x = side === 'left' ? -SIDE_X - width : SIDE_X;
        nodes.push({ id: n.id, kind: n.kind, x, y: 80 + ys[i]!, side, ...n.extra });
        edges.push(edgeToGateway(n.id, side));
      });
    }
  };
  if (diagramMode(s.phoneCount, drawLimit) === 'phones') {
    const phones = s.phones.filter((p) => p.user <= drawLimit);
    place(
      phones.map((p) => ({
        id: phoneNodeId(p.user),
        kind: 'phone',
        extra: { user: p.user, proto: p.proto },
      })),
      PHONE_ROW_H,
      NODE_W.phone,
    );
  } else {
    place(
      s.groups.map((g) => ({ id: groupNodeId(g.proto), kind: 'group', extra: { proto: g.proto } })),
      GROUP_ROW_H,
      NODE_W.group,
    );
  }
  return { nodes, edges };
}

/** A key that changes only when the set of nodes changes (not their contents). */
export function layoutKey(
  s: Pick<Snapshot, 'phoneCount' | 'phones' | 'groups'>,
  drawLimit = MAX_DRAWN_PHONES,
): string {
  if (diagramMode(s.phoneCount, drawLimit) === 'phones')
    return `p:${s.phones
      .filter((p) => p.user <= drawLimit)
      .map((p) => p.user)
      .join(',')}`;
  return `g:${s.groups.map((g) => g.proto).join(',')}`;
}

/** Which diagram node stands for a trace actor in this mode; undefined when it is not drawn. */
export function nodeForActor(
  actor: number,
  proto: ProtocolName | undefined,
  mode: DiagramMode,
  drawnUsers: ReadonlySet<number>,
): string | undefined {
  if (actor === 1) return GATEWAY_ID;
  if (actor === 2) return SESSIONS_ID;
  if (actor === 3) return STORE_ID;
  if (actor < 16) return undefined;
  const user = actor - 16;
  if (mode === 'phones') return drawnUsers.has(user) ? phoneNodeId(user) : undefined;
  return proto ? groupNodeId(proto) : undefined;
}

/** A phone's signature: it changes exactly when what its node shows changes. */
export function phoneSignature(p: PhoneView, pending: number): string {
  let chats = '';
  for (const c of p.chats ?? [])
    for (const m of c.messages.slice(-3))
      chats += `${m.msg}${m.status ?? ''}${m.read ? 'r' : ''}${m.error ? 'e' : ''};`;
  return `${p.name}|${p.proto}|${p.status}|${p.link}|${p.outbox}|${p.unread}|${pending}|${chats}`;
}

export const groupSignature = (g: PhoneGroupView): string =>
  `${g.proto}|${g.count}|${JSON.stringify(g.byStatus)}`;
