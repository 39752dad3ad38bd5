/**
 * Whether this page may use IndexedDB. Private windows and blocked storage either have no
 * `indexedDB`, throw on open, or never answer; the workers' host needs it, so the page probes
 * before starting them and otherwise runs in this thread with a notice.
 */
const PROBE_DB = 'doubletick-probe';
/** How long an open may take before storage counts as blocked (an open answers in milliseconds). */
const PROBE_WAIT_MS = 3_000;

export function indexedDbWorks(): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), PROBE_WAIT_MS);
    const done = (ok: boolean): void => {
      clearTimeout(timer);
      resolve(ok);
    };
    try {
      const req = indexedDB.open(PROBE_DB);
      req.onsuccess = () => {
        req.result.close();
        done(true);
      };
      req.onerror = () => done(false);
    } catch {
      done(false);
    }
  });
}
