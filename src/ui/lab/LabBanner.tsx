import { LAB_URL_MAX_CHARS } from '../../bridge/lab-url';
import { HOW_TO_START_HINT, type LabMode } from './lab-mode';
import { useLabMode, useLabSnapshot } from './useLabMode';
import type { LabHost } from '../../bridge/lab-api';
import { CodeText } from './CodeText';

/** A broker problem while the lab runs, or a passing remark. */
function RunningNotice({ host, mode }: { host: LabHost; mode: LabMode }): React.JSX.Element | null {
  const s = useLabSnapshot(host);
  if (s.problem)
    return (
      <div className="pg-error" role="alert">
        <span>
          <CodeText text={s.problem} />
        </span>
        <button type="button" className="pg-btn pg-ghost" onClick={mode.off}>
          Back to the simulation
        </button>
      </div>
    );
  if (s.notice)
    return (
      <p className="pg-lab-notice" role="status">
        <CodeText text={s.notice} />
      </p>
    );
  return null;
}

/**
 * Lab mode's line under the header: the address form when the switch is turned on, "checking"
 * while the broker is probed, and why lab mode could not start (the simulation stays on screen).
 */
export function LabBanner({ mode }: { mode: LabMode }): React.JSX.Element | null {
  const { phase, draft, error, host } = useLabMode(mode);
  if (phase === 'running' && host) return <RunningNotice host={host} mode={mode} />;
  return (
    <>
      {error !== undefined && (
        <section className="pg-error pg-lab-error" aria-labelledby="pg-lab-error-title">
          <div>
            <h2 id="pg-lab-error-title">The real broker cannot be used</h2>
            <p role="alert">
              <CodeText text={error} />
            </p>
            <p className="pg-muted">The simulated playground below keeps running.</p>
          </div>
          <button type="button" className="pg-btn pg-ghost" onClick={mode.dismissError}>
            Dismiss
          </button>
        </section>
      )}
      {phase === 'asking' && (
        <form
          className="pg-lab-form"
          aria-label="Connect to a real broker"
          onSubmit={(e) => {
            e.preventDefault();
            void mode.connect();
          }}
        >
          <label>
            Broker WebSocket address
            <input
              type="text"
              inputMode="url"
              spellCheck={false}
              autoComplete="off"
              maxLength={LAB_URL_MAX_CHARS + 1}
              placeholder="ws://127.0.0.1:9001"
              value={draft}
              onChange={(e) => mode.setDraft(e.target.value)}
            />
          </label>
          <button type="submit" className="pg-btn pg-primary">
            Connect
          </button>
          <button type="button" className="pg-btn pg-ghost" onClick={mode.off}>
            Cancel
          </button>
          <span className="pg-muted">
            <CodeText text={HOW_TO_START_HINT} />
          </span>
        </form>
      )}
      {phase === 'checking' && (
        <p className="pg-lab-notice" role="status">
          Checking the broker at {draft}…
        </p>
      )}
    </>
  );
}
