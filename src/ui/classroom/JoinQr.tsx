/**
 * The join URL as a QR code, drawn as SVG squares from lean-qr's modules (no markup strings).
 * Loaded on demand by the teacher's view only.
 */
import { generate } from 'lean-qr';

export default function JoinQr({ url }: { url: string }): React.JSX.Element {
  const code = generate(url);
  const quiet = 4;
  const side = code.size + quiet * 2;
  const cells: React.JSX.Element[] = [];
  for (let y = 0; y < code.size; y++)
    for (let x = 0; x < code.size; x++)
      if (code.get(x, y))
        cells.push(
          <rect key={`${x}-${y}`} x={x + quiet} y={y + quiet} width={1.02} height={1.02} />,
        );
  return (
    <svg
      className="cr-qr"
      viewBox={`0 0 ${side} ${side}`}
      role="img"
      aria-label={`QR code of the join link ${url}`}
      shapeRendering="crispEdges"
    >
      <rect width={side} height={side} fill="#fff" />
      <g fill="#000">{cells}</g>
    </svg>
  );
}
