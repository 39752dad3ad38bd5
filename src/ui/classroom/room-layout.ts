/** Where each member sits on the room's diagram: on an ellipse around the broker, by name. */
import type { ClassroomMember } from '../../bridge/classroom-api';

export const ROOM_VIEW = { width: 480, height: 320, cx: 240, cy: 160, rx: 185, ry: 118 } as const;

export interface PlacedMember extends ClassroomMember {
  readonly x: number;
  readonly y: number;
}

export function placeMembers(members: readonly ClassroomMember[]): PlacedMember[] {
  const n = members.length;
  return members.map((m, i) => {
    // Start at the top and go clockwise, so the first names read like a clock face.
    const a = -Math.PI / 2 + (2 * Math.PI * i) / Math.max(n, 1);
    return {
      ...m,
      x: Math.round(ROOM_VIEW.cx + ROOM_VIEW.rx * Math.cos(a)),
      y: Math.round(ROOM_VIEW.cy + ROOM_VIEW.ry * Math.sin(a)),
    };
  });
}
