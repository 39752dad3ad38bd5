/** A tiny line chart of recent values (SVG, no axes: the number beside it carries the value). */
export function Sparkline({
  values,
  max,
  label,
  threshold,
}: {
  values: readonly number[];
  max?: number;
  label: string;
  threshold?: number;
}): React.JSX.Element {
  const w = 120;
  const h = 28;
  const top = Math.max(max ?? 0, ...values, threshold ?? 0, 1e-9);
  const pts = values
    .map(
      (v, i) =>
        `${values.length === 1 ? w : (i / (values.length - 1)) * w},${h - (v / top) * (h - 2) - 1}`,
    )
    .join(' ');
  return (
    <svg
      className="pg-spark"
      viewBox={`0 0 ${w} ${h}`}
      width={w}
      height={h}
      role="img"
      aria-label={label}
      preserveAspectRatio="none"
    >
      {threshold !== undefined ? (
        <line
          x1={0}
          x2={w}
          y1={h - (threshold / top) * (h - 2) - 1}
          y2={h - (threshold / top) * (h - 2) - 1}
          className="pg-spark-threshold"
        />
      ) : null}
      {values.length ? <polyline points={pts} className="pg-spark-line" /> : null}
    </svg>
  );
}
