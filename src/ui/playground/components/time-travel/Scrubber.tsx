import { useEffect, useId, useRef, useState } from 'react';
import { shallowEqual, usePlaygroundStore, useView } from '../../hooks/usePlayground';
import { formatClock } from '../../../../views/format';
import { StayButton } from '../StayButton';

/** How far the scrubber's keys move: arrows 100 ms (a hop or two), PageUp/PageDown a second. */
export const SCRUB_KEY_MS: Readonly<Record<string, number>> = {
  ArrowLeft: -100,
  ArrowDown: -100,
  ArrowRight: 100,
  ArrowUp: 100,
  PageDown: -1000,
  PageUp: 1000,
};

/**
 * Time travel: a scrubber over the virtual time reached so far. Letting go replays the seed and
 * the input log to that moment (deterministically); "Fork from here" drops the inputs after it.
 */
export function Scrubber(): React.JSX.Element {
  const store = usePlaygroundStore();
  const { now, max, duration } = useView(
    (s) => ({
      now: s.snapshot?.nowMs ?? 0,
      max: s.maxReachedMs,
      duration: s.snapshot?.durationMs ?? 0,
    }),
    shallowEqual,
  );
  const [drag, setDrag] = useState<number | undefined>(undefined);
  const [goto, setGoto] = useState('');
  const rangeId = useId();
  const gotoId = useId();
  const committed = useRef(false);
  useEffect(() => {
    if (drag === undefined) committed.current = false;
  }, [drag]);
  const commit = (): void => {
    if (drag === undefined || committed.current) return;
    committed.current = true;
    const target = drag;
    setDrag(undefined);
    if (Math.abs(target - now) >= 1) void store.seek(target);
  };
  const gotoSec = Number(goto);
  const gotoOk =
    goto.trim() !== '' && Number.isFinite(gotoSec) && gotoSec >= 0 && gotoSec * 1000 <= duration;
  const behind = now < max - 0.5;
  return (
    <div className="pg-scrubber" role="group" aria-label="Time travel">
      <label htmlFor={rangeId}>Time travel</label>
      <input
        id={rangeId}
        type="range"
        min={0}
        max={Math.max(1, Math.round(max))}
        step={1}
        value={Math.round(drag ?? now)}
        aria-valuetext={formatClock(drag ?? now)}
        onChange={(e) => setDrag(Number(e.target.value))}
        onKeyDown={(e) => {
          const by = SCRUB_KEY_MS[e.key];
          if (by === undefined) return;
          e.preventDefault();
          setDrag(Math.max(0, Math.min(Math.round(max), Math.round(drag ?? now) + by)));
        }}
        onPointerUp={commit}
        onKeyUp={commit}
        onBlur={commit}
      />
      <output className="pg-mono">{formatClock(drag ?? now)}</output>
      <form
        className="pg-goto"
        onSubmit={(e) => {
          e.preventDefault();
          if (gotoOk) void store.seek(Math.round(gotoSec * 1000));
        }}
      >
        <label htmlFor={gotoId}>Go to second</label>
        <input
          id={gotoId}
          type="number"
          min={0}
          step="any"
          value={goto}
          onChange={(e) => setGoto(e.target.value)}
          aria-invalid={goto !== '' && !gotoOk}
        />
        <button type="submit" className="pg-btn" disabled={!gotoOk}>
          Go
        </button>
      </form>
      <StayButton
        className="pg-btn"
        unavailable={!behind}
        onClick={() => void store.fork()}
        title="Forget the inputs recorded after this moment and continue from here"
      >
        Fork from here
      </StayButton>
    </div>
  );
}
