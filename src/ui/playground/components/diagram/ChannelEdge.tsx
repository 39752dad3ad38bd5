import { BaseEdge, getStraightPath, type Edge, type EdgeProps } from '@xyflow/react';
import { useView } from '../../hooks/usePlayground';
import { formatBytes } from '../../../../views/format';
import { PROTOCOL_SHORT } from '../../model/settings';

export type ChannelEdgeType = Edge<{ user?: number; group?: boolean }, 'channel'>;

/** Where along a phone's edge its label sits, from the gateway's end (0.5 would be the middle). */
const LABEL_FROM_GATEWAY = 0.42;

type Look = { kind: 'held' | 'polling' | 'connecting' | 'down' | 'internal'; label?: string };

/**
 * A link on the diagram. A phone's edge shows its connection: a solid line for a held WebSocket or
 * MQTT connection, dashes for polling (a new request each time), dots when it is down. A group's
 * edge carries heat: its width and label are the bytes per virtual second on it.
 */
export function ChannelEdge({
  id,
  sourceX,
  sourceY,
  targetX,
  targetY,
  data,
}: EdgeProps<ChannelEdgeType>): React.JSX.Element {
  const user = data?.user;
  const look = useView(
    (s): Look => {
      if (user === undefined) return { kind: 'internal' };
      const p = s.snapshot?.phones.find((x) => x.user === user);
      if (!p) return { kind: 'internal' };
      if (p.status === 'online')
        return {
          kind: p.proto === 'websocket' || p.proto === 'mqtt' ? 'held' : 'polling',
          label: PROTOCOL_SHORT[p.proto],
        };
      if (p.status === 'connecting' || p.status === 'backoff')
        return { kind: 'connecting', label: p.status };
      return { kind: 'down', label: p.status };
    },
    (a, b) => a.kind === b.kind && a.label === b.label,
  );
  const heat = useView((s) => Math.round(s.heat[id] ?? 0));
  const [path] = getStraightPath({ sourceX, sourceY, targetX, targetY });
  // The label sits a little nearer the gateway than the middle: the phone's end is where the
  // node's box would cover a wide label (the gateway is the end nearer x = 0).
  const gatewayIsTarget = Math.abs(targetX) < Math.abs(sourceX);
  const [gx, gy, ox, oy] = gatewayIsTarget
    ? [targetX, targetY, sourceX, sourceY]
    : [sourceX, sourceY, targetX, targetY];
  const lx = gx + (ox - gx) * LABEL_FROM_GATEWAY;
  const ly = gy + (oy - gy) * LABEL_FROM_GATEWAY;
  const width = data?.group
    ? 1.5 + Math.min(10, Math.log10(1 + heat) * 2)
    : look.kind === 'held'
      ? 3
      : 1.6;
  const label = data?.group ? (heat > 0 ? `${formatBytes(heat)}/s` : '') : look.label;
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        className={`pg-edge pg-edge-${data?.group ? 'group' : look.kind}`}
        style={{ strokeWidth: width }}
      />
      {label ? (
        <text x={lx} y={ly - 8} className="pg-edge-label" textAnchor="middle">
          {label}
        </text>
      ) : null}
    </>
  );
}
