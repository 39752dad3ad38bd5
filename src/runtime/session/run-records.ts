import type { RunRecord } from '../../bridge/run-record';

/**
 * Where a run session keeps its run to reopen after a reload (IndexedDB in the browser, one
 * record per run id; memory in tests).
 */
export interface RunRecords {
  load(): Promise<RunRecord | undefined>;
  save(run: RunRecord): Promise<void>;
  clear(): Promise<void>;
}
