import { Handle, Position } from '@xyflow/react';

/** Invisible connection points, centred on each side, so edges and flying dots meet the same spots. */
export function Handles({
  sides,
}: {
  sides: readonly { id: 'left' | 'right' | 'top' | 'bottom'; type: 'source' | 'target' }[];
}): React.JSX.Element {
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
