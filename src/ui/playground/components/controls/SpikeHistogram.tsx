import { useView } from '../../hooks/usePlayground';
import { formatInt } from '../../../../views/format';

/** Seconds the histogram shows, ending at the run's current second. */
export const HISTOGRAM_SECONDS = 40;
const W = 280;
const HALF = 44;

interface Window {
  readonly fromSec: number;
  readonly connects: readonly number[];
  readonly refusals: readonly number[];
}

const sameWindow = (a: Window, b: Window): boolean =>
  a.fromSec === b.fromSec &&
  a.connects.length === b.connects.length &&
  a.connects.every((x, i) => x === b.connects[i]) &&
  a.refusals.every((x, i) => x === b.refusals[i]);

/** The last seconds of the report's per-second series (seconds with nothing count 0). */
function windowOf(
  connectsPerSec: readonly number[],
  refusalsPerSec: readonly number[],
  nowMs: number,
): Window {
  const toSec = Math.floor(nowMs / 1000);
  const fromSec = Math.max(0, toSec - HISTOGRAM_SECONDS + 1);
  const take = (s: readonly number[]): number[] =>
    Array.from({ length: toSec - fromSec + 1 }, (_, i) => s[fromSec + i] ?? 0);
  return { fromSec, connects: take(connectsPerSec), refusals: take(refusalsPerSec) };
}

/**
 * Connections opened (up) and refused (down) in each second, under the spike controls: lock-step
 * waves (no jitter) and a smooth ramp (jitter) are seen, not told. Each half has its own scale,
 * written beside it, as refusals can outnumber connects a hundredfold.
 */
export function SpikeHistogram(): React.JSX.Element {
  const w = useView(
    (s) =>
      s.snapshot
        ? windowOf(
            s.snapshot.report.spike.connectsPerSec,
            s.snapshot.report.spike.refusalsPerSec,
            s.snapshot.nowMs,
          )
        : { fromSec: 0, connects: [], refusals: [] },
    sameWindow,
  );
  const maxUp = Math.max(1, ...w.connects);
  const maxDown = Math.max(1, ...w.refusals);
  const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);
  const connected = sum(w.connects);
  const refused = sum(w.refusals);
  const toSec = w.fromSec + w.connects.length - 1;
  if (connected + refused === 0)
    return (
      <p className="pg-muted pg-empty pg-histogram-empty">
        No connections or refusals in the last {HISTOGRAM_SECONDS} s: fire a spike to see them per
        second here.
      </p>
    );
  const busiest = w.refusals.indexOf(Math.max(...w.refusals));
  const bar = W / HISTOGRAM_SECONDS;
  const summary =
    `Seconds ${w.fromSec} to ${toSec}: ${formatInt(connected)} connections opened, ` +
    `${formatInt(refused)} refused` +
    (refused > 0
      ? `; most refusals in second ${w.fromSec + busiest} (${formatInt(w.refusals[busiest]!)}).`
      : '.');
  return (
    <figure className="pg-histogram">
      <svg
        viewBox={`0 0 ${W} ${HALF * 2 + 1}`}
        role="img"
        aria-label={`Connections and refusals per second. ${summary}`}
      >
        {w.connects.map((c, i) =>
          c > 0 ? (
            <rect
              key={`c${i}`}
              className="pg-histogram-up"
              x={i * bar + 0.5}
              width={bar - 1}
              y={HALF - (c / maxUp) * HALF}
              height={(c / maxUp) * HALF}
            />
          ) : null,
        )}
        {w.refusals.map((r, i) =>
          r > 0 ? (
            <rect
              key={`r${i}`}
              className="pg-histogram-down"
              x={i * bar + 0.5}
              width={bar - 1}
              y={HALF + 1}
              height={(r / maxDown) * HALF}
            />
          ) : null,
        )}
        <line className="pg-histogram-axis" x1={0} x2={W} y1={HALF + 0.5} y2={HALF + 0.5} />
      </svg>
      <figcaption className="pg-histogram-legend">
        <span>
          <span className="pg-histogram-key pg-histogram-up" aria-hidden="true" /> connected / s
          (top {formatInt(maxUp)})
        </span>
        <span>
          <span className="pg-histogram-key pg-histogram-down" aria-hidden="true" /> refused / s
          (bottom {formatInt(maxDown)})
        </span>
        <span className="pg-muted">
          {w.fromSec}–{toSec} s
        </span>
      </figcaption>
    </figure>
  );
}
