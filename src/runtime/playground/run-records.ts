import type { ScenarioFile, TimedAction } from '../../engine/scenario/scenario';
import type { TimeMark } from '../cluster/host-messages';

/** A gateway worker terminated mid-run: when, and which entry of the input log records it. */
export interface WorkerCrash {
  readonly at: TimeMark;
  readonly logIndex: number;
}

/** A run as saved to reopen it after a page reload: scenario, input log, and the time reached. */
export interface SavedRun {
  readonly file: ScenarioFile;
  readonly log: readonly TimedAction[];
  readonly reached: TimeMark;
  /** Crash-button crashes, so a replay over workers terminates the gateway worker again at the same point. */
  readonly workerCrashes?: readonly WorkerCrash[];
}

/** Where the coordinator keeps the run to reopen (IndexedDB in the browser, memory in tests). */
export interface RunRecords {
  load(): Promise<SavedRun | undefined>;
  save(run: SavedRun): Promise<void>;
  clear(): Promise<void>;
}

/** Run records in memory (tests; or a page that does not reopen runs). */
export class MemoryRunRecords implements RunRecords {
  private run: SavedRun | undefined;

  async load(): Promise<SavedRun | undefined> {
    return this.run && structuredClone(this.run);
  }

  async save(run: SavedRun): Promise<void> {
    this.run = structuredClone(run);
  }

  async clear(): Promise<void> {
    this.run = undefined;
  }
}

/** Whether point `a` of virtual time is not after `b`. */
export const notAfter = (a: TimeMark, b: TimeMark): boolean =>
  a.ms < b.ms || (a.ms === b.ms && (!a.inclusive || b.inclusive));

/** The later of two points of virtual time (inclusive is later than exclusive at the same ms). */
export function laterMark(a: TimeMark, b: TimeMark | undefined): TimeMark {
  if (!b) return a;
  if (b.ms !== a.ms) return b.ms > a.ms ? b : a;
  return a.inclusive ? a : b;
}
