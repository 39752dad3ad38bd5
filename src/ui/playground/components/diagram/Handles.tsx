import { Handle, Position } from '@xyflow/react';

type Sides = readonly { id: 'left' | 'right' | 'top' | 'bottom'; type: 'source' | 'target' }[];

/** A hub's sides (the gateway's, the broker's): in from the left, out to the right and below. */
export const HUB_SIDES: Sides = [
  { id: 'left', type: 'target' },
  { id: 'right', type: 'source' },
  { id: 'bottom', type: 'source' },
];

/** Invisible connection points, centred on each side, so edges and flying dots meet the same spots. */
export function Handles({ sides }: { sides: Sides }): React.JSX.Element {
  const pos = {
    left: Position.Left,
    right: Position.Right,
    top: Position.Top,
    bottom: Position.Bottom,
  } as const;
  return (
    <>
      {sides.map((s) => (
        <Handle
          key={s.id}
          id={s.id}
          type={s.type}
          position={pos[s.id]}
          isConnectable={false}
          className="pg-handle"
        />
      ))}
    </>
  );
}
