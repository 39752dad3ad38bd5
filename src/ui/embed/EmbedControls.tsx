import { useId } from 'react';
import { shallowEqual, usePlaygroundStore, useView } from '../playground/hooks/usePlayground';
import { SPEEDS } from '../playground/model/settings';
import { formatClock } from '../../views/format';

/** Play/pause, step, restart and speed, with the virtual clock: the embed's only controls. */
export function EmbedControls({ startMs }: { startMs: number }): React.JSX.Element {
  const store = usePlaygroundStore();
  const speedId = useId();
  const { now, running, speed, ready } = useView(
    (s) => ({
      now: s.snapshot?.nowMs ?? 0,
      running: s.snapshot?.running ?? false,
      speed: s.snapshot?.speed ?? 1,
      ready: s.ready && s.snapshot !== undefined,
    }),
    shallowEqual,
  );
  return (
    <div className="em-controls" role="group" aria-label="Run controls">
      <button
        type="button"
        className="em-btn em-primary"
        disabled={!ready}
        onClick={() => void store.toggle()}
      >
        {running ? 'Pause' : 'Play'}
      </button>
      <button type="button" className="em-btn" disabled={!ready} onClick={() => void store.step()}>
        Step
      </button>
      <button
        type="button"
        className="em-btn"
        disabled={!ready}
        onClick={() => void store.seek(startMs)}
      >
        Restart
      </button>
      <label htmlFor={speedId} className="em-sr-only">
        Speed
      </label>
      <select
        id={speedId}
        className="em-select"
        value={speed}
        disabled={!ready}
        onChange={(e) => void store.setSpeed(Number(e.target.value))}
      >
        {SPEEDS.map((s) => (
          <option key={s} value={s}>
            {s}×
          </option>
        ))}
      </select>
      <output className="em-clock" aria-label="Virtual time">
        {formatClock(now)}
      </output>
    </div>
  );
}
