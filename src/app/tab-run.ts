/**
 * Which run this tab shows. Each tab keeps its run's id in sessionStorage (it survives a reload,
 * and a second tab gets its own), and each run has its own IndexedDB databases, so two tabs never
 * write into each other's run. localStorage lists the runs by when a tab last saw them, so a new
 * tab can offer a copy of the newest one.
 */
const TAB_KEY = 'doubletick.run-id';
const RUNS_KEY = 'doubletick.runs';
/** Runs listed for "open a copy"; older ones drop off the list (their databases stay until cleared). */
const LISTED_RUNS = 20;

export interface TabRun {
  readonly runId: string;
  /** Whether this tab had the run before (a reload), rather than starting one now. */
  readonly reloaded: boolean;
}

/** This tab's run id: the one it had before a reload, or a new one. */
export function tabRun(): TabRun {
  const had = sessionStorage.getItem(TAB_KEY);
  if (had) return { runId: had, reloaded: true };
  const runId = crypto.randomUUID().slice(0, 8);
  sessionStorage.setItem(TAB_KEY, runId);
  return { runId, reloaded: false };
}

type Listed = Record<string, number>;

function listed(): Listed {
  try {
    const v = JSON.parse(localStorage.getItem(RUNS_KEY) ?? '{}') as unknown;
    return typeof v === 'object' && v !== null ? (v as Listed) : {};
  } catch {
    return {};
  }
}

/** Marks run `runId` as seen now (a tab showing it calls this as it plays). */
export function touchRun(runId: string, wallMs = Date.now()): void {
  const runs = { ...listed(), [runId]: wallMs };
  const kept = Object.entries(runs)
    .sort((a, b) => b[1] - a[1])
    .slice(0, LISTED_RUNS);
  localStorage.setItem(RUNS_KEY, JSON.stringify(Object.fromEntries(kept)));
}

/** The most recently seen run other than `runId`, if any. */
export function newestOtherRun(runId: string): string | undefined {
  return Object.entries(listed())
    .filter(([id]) => id !== runId)
    .sort((a, b) => b[1] - a[1])[0]?.[0];
}
