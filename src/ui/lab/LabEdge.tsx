import {
  BaseEdge,
  EdgeLabelRenderer,
  getStraightPath,
  type Edge,
  type EdgeProps,
} from '@xyflow/react';
import { SPIKE_CLIENT } from '../../bridge/lab-api';
import { formatBytes, formatInt } from '../../views/format';
import {
  packetLabel,
  typeCounts,
  type LabEdgeTotals,
  type LabPacketRef,
} from '../../views/lab-edge-totals';
import { labFlightStyle, LAB_FLIGHT_LIMITS, type LabFlight } from '../../views/lab-flights';
import { displayName } from '../playground/model/names';

/** How a link stands: a held connection (solid), one being made, or none (dashed). */
export type LabLinkLook = 'held' | 'connecting' | 'away';

export type LabEdgeType = Edge<
  {
    client: string;
    clientIsSource: boolean;
    look: LabLinkLook;
    totals: LabEdgeTotals | undefined;
    flying: readonly LabFlight[];
    selected: number | undefined;
    onSelect: (seq: number) => void;
  },
  'lab'
>;

const who = (client: string): string =>
  client === SPIKE_CLIENT ? 'the spike' : displayName(client);

/** `down to Bob`, `up from Alice`. */
const way = (dir: 'up' | 'down', client: string): string =>
  dir === 'up' ? `up from ${who(client)}` : `down to ${who(client)}`;

const linkName = (client: string): string =>
  client === SPIKE_CLIENT ? "The spike's link" : `${displayName(client)}'s link`;

/** What a link has carried, for its accessible name: totals and the types each way. */
function linkSummary(client: string, t: LabEdgeTotals | undefined): string {
  if (!t) return `${linkName(client)}: no packets yet`;
  return `${linkName(client)}: ${totalsText(t)}; ${way('up', client)}: ${typeCounts(t.up)}; ${way('down', client)}: ${typeCounts(t.down)}`;
}

/** `12 packets · 480 B` (a spike's link counts the one packet in many that its log keeps). */
const totalsText = (t: LabEdgeTotals): string =>
  `${formatInt(t.packets)} packets · ${formatBytes(t.bytes)}`;

function PacketButton({
  packet,
  client,
  className,
  pressed,
  onSelect,
  hidden,
}: {
  packet: LabPacketRef;
  client: string;
  className: string;
  pressed?: boolean;
  onSelect: (seq: number) => void;
  hidden?: boolean;
}): React.JSX.Element {
  return (
    <button
      type="button"
      className={`${className} pg-flight-${labFlightStyle(packet.type)} nodrag nopan`}
      aria-pressed={hidden ? undefined : pressed}
      aria-hidden={hidden || undefined}
      tabIndex={hidden ? -1 : undefined}
      onClick={() => onSelect(packet.seq)}
      title="Show this packet in the inspector"
    >
      <span className="pg-lab-packet-dot" aria-hidden="true" />
      <span aria-hidden="true">{packet.dir === 'up' ? '↑' : '↓'}</span> {packetLabel(packet)}
      {hidden ? null : (
        <span className="pg-sr"> {way(packet.dir, client)}, latest on this link</span>
      )}
    </button>
  );
}

/**
 * A client's link to the broker: solid while the connection is held, dashed while it is not; its
 * label shows the newest packet (a button: it selects the packet in the inspector) and what the
 * link has carried. Each packet flies along it as a labelled dot: up from the client, down to it.
 */
export function LabEdge({
  id,
  sourceX,
  sourceY,
  targetX,
  targetY,
  data,
}: EdgeProps<LabEdgeType>): React.JSX.Element | null {
  const [path] = getStraightPath({ sourceX, sourceY, targetX, targetY });
  if (!data) return null;
  const { client, clientIsSource, look, totals, flying, selected, onSelect } = data;
  const clientEnd = clientIsSource ? { x: sourceX, y: sourceY } : { x: targetX, y: targetY };
  const brokerEnd = clientIsSource ? { x: targetX, y: targetY } : { x: sourceX, y: sourceY };
  const mx = (sourceX + targetX) / 2;
  const my = (sourceY + targetY) / 2;
  // The newest packet above a lying edge and the totals below it (beside a standing one): the
  // dots fly along the line between them.
  const standing = Math.abs(targetY - sourceY) > Math.abs(targetX - sourceX);
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        className={`pg-edge pg-lab-edge-${look}${look === 'held' ? ' pg-edge-held' : ''}`}
        style={{ strokeWidth: look === 'held' ? 3 : 1.8 }}
      />
      <EdgeLabelRenderer>
        <div
          className={`pg-lab-edge-label pg-lab-edge-label-${standing ? 'standing' : 'lying'}`}
          style={{ transform: `translate(${mx}px, ${my}px)` }}
          role="group"
          aria-label={linkSummary(client, totals)}
        >
          {totals ? (
            <PacketButton
              packet={totals.latest}
              client={client}
              className="pg-lab-latest"
              pressed={selected === totals.latest.seq}
              onSelect={onSelect}
            />
          ) : (
            <span />
          )}
          <span className="pg-lab-edge-totals" aria-hidden="true">
            {totals ? totalsText(totals) : 'no packets yet'}
          </span>
        </div>
        {flying.map((f) => {
          const [from, to] =
            f.packet.dir === 'up' ? [clientEnd, brokerEnd] : [brokerEnd, clientEnd];
          return (
            <div
              key={f.packet.seq}
              className="pg-lab-flight"
              style={
                {
                  '--x0': `${from.x}px`,
                  '--y0': `${from.y}px`,
                  '--x1': `${to.x}px`,
                  '--y1': `${to.y}px`,
                  '--pg-fly-ms': `${LAB_FLIGHT_LIMITS.flightMs}ms`,
                } as React.CSSProperties
              }
            >
              <PacketButton
                packet={f.packet}
                client={client}
                className="pg-lab-flight-btn"
                onSelect={onSelect}
                hidden
              />
            </div>
          );
        })}
      </EdgeLabelRenderer>
    </>
  );
}
