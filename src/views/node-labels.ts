import type { ProtocolName, Snapshot } from '../bridge/playground-api';
import type { NodeSpec } from './diagram-layout';
import { formatInt, formatPct } from './format';

/** Short protocol names as the diagram prints them. */
export const PROTOCOL_SHORT: Readonly<Record<ProtocolName, string>> = {
  'short-poll': 'Short poll',
  'long-poll': 'Long poll',
  websocket: 'WebSocket',
  mqtt: 'MQTT',
};

/** A node's title and one line of its state at the snapshot's moment. */
export interface NodeLabel {
  readonly title: string;
  readonly detail: string;
}

/**
 * The label of one diagram node, as the exports print it (Mermaid flowchart, plain SVG). The titles
 * are the live diagram's node titles, so a reader finds the same names in both.
 */
export function nodeLabel(node: NodeSpec, s: Snapshot): NodeLabel {
  switch (node.kind) {
    case 'gateway':
      return {
        title: 'Chat Gateway',
        detail: s.gateway.crashed
          ? 'crashed'
          : `${formatInt(s.gateway.connections)} connection${s.gateway.connections === 1 ? '' : 's'}, load ${formatPct(s.gateway.load)}`,
      };
    case 'sessions':
      return { title: 'Session Manager', detail: `${formatInt(s.sessions.online)} online` };
    case 'store':
      return { title: 'Temporary Storage', detail: `${formatInt(s.store.pending)} waiting` };
    case 'phone': {
      const p = s.phones.find((v) => v.user === node.user);
      const name = p?.name ?? `u${node.user ?? '?'}`;
      return {
        title: name,
        detail: p ? `${PROTOCOL_SHORT[p.proto]}, ${p.status}` : 'not in this snapshot',
      };
    }
    case 'group': {
      const g = s.groups.find((v) => v.proto === node.proto);
      const proto = node.proto ? PROTOCOL_SHORT[node.proto] : '?';
      return {
        title: `${proto} phones`,
        detail: g
          ? Object.entries(g.byStatus)
              .map(([status, n]) => `${formatInt(n ?? 0)} ${status}`)
              .join(', ')
          : '',
      };
    }
  }
}
