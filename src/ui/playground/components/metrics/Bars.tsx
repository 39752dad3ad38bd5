/** Horizontal bars, one per row, each with its value written out (the bar is only a picture of it). */
export interface BarRow {
  readonly key: string;
  readonly label: string;
  /** Segments stacked in one bar (header and payload), or one. */
  readonly parts: readonly {
    readonly value: number;
    readonly className: string;
    readonly title: string;
  }[];
  readonly text: string;
}

export function Bars({
  rows,
  label,
}: {
  rows: readonly BarRow[];
  label: string;
}): React.JSX.Element {
  const max = Math.max(1e-9, ...rows.map((r) => r.parts.reduce((a, p) => a + p.value, 0)));
  if (rows.length === 0) return <p className="pg-muted pg-empty">No data yet.</p>;
  return (
    <ul className="pg-bars" aria-label={label}>
      {rows.map((r) => (
        <li key={r.key} className="pg-bar-row">
          <span className="pg-bar-label">{r.label}</span>
          <span className="pg-bar-track" aria-hidden="true">
            {r.parts.map((p) => (
              <span
                key={p.className}
                className={`pg-bar ${p.className}`}
                style={{ width: `${(p.value / max) * 100}%` }}
                title={p.title}
              />
            ))}
          </span>
          <span className="pg-bar-value" data-testid={`${label}:${r.key}`}>
            {r.text}
          </span>
        </li>
      ))}
    </ul>
  );
}
