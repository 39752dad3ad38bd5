import { useId } from 'react';
import { shallowEqual, usePlaygroundStore, useView } from '../../hooks/usePlayground';
import { formatClock } from '../../../../views/format';
import { SPEEDS } from '../../model/settings';

/** Play, pause, step and speed, with the virtual clock. Space and `.` do the same from anywhere. */
export function TimeBar(): React.JSX.Element {
  const store = usePlaygroundStore();
  const { now, running, speed, ready } = useView(
    (s) => ({
      now: s.snapshot?.nowMs ?? 0,
      running: s.snapshot?.running ?? false,
      speed: s.snapshot?.speed ?? 1,
      ready: s.snapshot !== undefined,
    }),
    shallowEqual,
  );
  const speedId = useId();
  return (
    <div className="pg-timebar" role="group" aria-label="Time">
      <button
        type="button"
        className="pg-btn pg-primary"
        onClick={() => void store.toggle()}
        disabled={!ready}
        aria-keyshortcuts="Space"
      >
        {running ? 'Pause' : 'Play'}
      </button>
      <button
        type="button"
        className="pg-btn"
        onClick={() => void store.step()}
        disabled={!ready}
        aria-keyshortcuts="."
        title="Run to the next event"
      >
        Step
      </button>
      <button
        type="button"
        className="pg-btn"
        onClick={() => void store.stepSecond()}
        disabled={!ready}
      >
        Step 1 s
      </button>
      <label htmlFor={speedId} className="pg-inline-label">
        Speed
      </label>
      <select
        id={speedId}
        value={speed}
        onChange={(e) => void store.setSpeed(Number(e.target.value))}
      >
        {SPEEDS.map((s) => (
          <option key={s} value={s}>
            {s}×
          </option>
        ))}
      </select>
      <span className="pg-clock" aria-live="off">
        <span className="pg-muted">virtual time </span>
        <output aria-label="Virtual time" data-testid="clock">
          {formatClock(now)}
        </output>
      </span>
    </div>
  );
}
