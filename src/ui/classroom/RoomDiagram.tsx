/**
 * The room as a diagram: the broker in the middle, every member around it, a solid link for each
 * one online and a dashed one for each offline; the latest message's two hops are highlighted.
 * Names are SVG text (never markup).
 */
import type { ClassroomMember, ClassroomMessage } from '../../bridge/classroom-api';
import { ROOM_VIEW, placeMembers } from './room-layout';

export function RoomDiagram({
  members,
  me,
  latest,
}: {
  members: readonly ClassroomMember[];
  me: string | null;
  latest: ClassroomMessage | undefined;
}): React.JSX.Element {
  const placed = placeMembers(members);
  const online = members.filter((m) => m.online).length;
  const hot = new Set(latest ? [latest.from, latest.to] : []);
  const { width, height, cx, cy } = ROOM_VIEW;
  const label =
    `Room diagram: the broker and ${members.length} member${members.length === 1 ? '' : 's'}, ` +
    `${online} online` +
    (latest ? `; latest message from ${latest.from} to ${latest.to}` : '');
  return (
    <svg className="cr-diagram" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
      {placed.map((m) => (
        <line
          key={`l-${m.name}`}
          x1={cx}
          y1={cy}
          x2={m.x}
          y2={m.y}
          className={`cr-link ${m.online ? 'cr-on' : 'cr-off'} ${hot.has(m.name) ? 'cr-hot' : ''}`}
        />
      ))}
      <g className="cr-broker">
        <rect x={cx - 46} y={cy - 18} width={92} height={36} rx={8} />
        <text x={cx} y={cy + 5} textAnchor="middle">
          Broker
        </text>
      </g>
      {placed.map((m) => (
        <g key={m.name} className={`cr-phone ${m.online ? 'cr-on' : 'cr-off'}`}>
          <rect x={m.x - 38} y={m.y - 14} width={76} height={28} rx={6} />
          <text x={m.x} y={m.y + 5} textAnchor="middle">
            {m.name === me ? `${m.name} (you)` : m.name}
          </text>
        </g>
      ))}
    </svg>
  );
}
