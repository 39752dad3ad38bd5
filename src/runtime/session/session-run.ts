/**
 * What the run session needs of one run of the engine, whichever host runs it: a Simulation in
 * this thread (local-run.ts) or a Coordinator over host workers (cluster-run.ts).
 */
import type { SearchResultView, Snapshot } from '../../bridge/playground-api';
import type { TimeMark } from '../../bridge/run-record';
import type { TraceSink } from '../../engine/kernel/trace';
import type { InputAction, StoredItem } from '../../engine/model/messages';
import type { Scenario } from '../../engine/scenario/scenario';
import type { SnapshotMeta } from '../snapshot';

export interface SessionRun {
  /** How far the run has got. */
  readonly reached: TimeMark;
  /** The earliest pending event, or Infinity. */
  nextTime(): number;
  /** Schedules an input at `atMs` (never before `reached`). */
  input(action: InputAction, atMs: number): void;
  /** Takes an input's place in the numbering without scheduling it (a worker crash being replayed). */
  reserveInput(atMs: number): void;
  /** Runs to `ms`; `stop` is asked between slices (a frame's budget). False if it stopped early. */
  runUntil(ms: number, inclusive: boolean, stop?: () => boolean): Promise<boolean>;
  /** Terminates the gateway's worker now (only hosts with workers have one to terminate). */
  crashWorker?(replaying: boolean): Promise<void>;
  /** The snapshot at `reached`; `mayReuse`: a playing frame may reuse costly parts (see local-run.ts). */
  snapshot(meta: SnapshotMeta, selected: number | undefined, mayReuse: boolean): Promise<Snapshot>;
  /** What the store holds now for message `msg` (the inspector's server view). */
  storedItems(msg: number): Promise<readonly StoredItem[]>;
  search(user: number, query: string): Promise<readonly SearchResultView[]>;
  /** A replay ended here: durable copies (store, phones' history) are rewritten from memory. */
  checkpoint(): Promise<void>;
  /** Reopening after a reload: the point the store's durable copy was written at, if any. */
  durableMark?(): Promise<TimeMark | undefined>;
  /** Reopening after a reload: the store takes its items from its durable copy. */
  adoptDurable?(): Promise<{ restored: number; agreed: boolean; detail?: string }>;
}

/** Starts runs: `fresh` for a new run, `replay` when an input log is replayed to a point. */
export interface RunFactory<R extends SessionRun = SessionRun> {
  start(scenario: Scenario, sinks: readonly TraceSink[], begin: 'fresh' | 'replay'): Promise<R>;
}
