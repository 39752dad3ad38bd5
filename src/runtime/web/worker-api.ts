/** Types between the page, the coordinator worker and the host workers (browser only). */
import type {
  ComparisonOptions,
  ComparisonRow,
  FrameBatch,
  PlaygroundControl,
  RunRecord,
  SearchResultView,
} from '../../bridge/playground-api';
import type { LessonWatchControl } from '../../bridge/lesson-api';
import type { HostName } from '../cluster/partition';
import type { ReopenResult } from '../../bridge/playground-api';

/** Where one run keeps what outlives a reload (one set of IndexedDB databases per run id). */
export interface RunStorage {
  /** The run's id (a tab's, from sessionStorage); its databases are named after it. */
  readonly runId: string;
}

/** The IndexedDB databases of run `runId`: the store's items and the run record, and the phones' history. */
export const runDatabases = (runId: string): { store: string; history: string } => ({
  store: `doubletick-run-${runId}`,
  history: `doubletick-history-${runId}`,
});

/** What the page does for the coordinator: only the page can create and terminate workers. */
export interface HostWorkerFactory {
  /** Starts the host worker `name`; returns a port to its control API (transferred). */
  spawn(name: HostName): Promise<MessagePort>;
  terminate(name: HostName): Promise<void>;
  /** Creates a MessageChannel and hands one end to each of two host workers (their data link). */
  link(a: HostName, b: HostName): Promise<void>;
}

/** The coordinator worker's API: the page API, plus the frame pull and the faults. */
export interface CoordinatorApi extends PlaygroundControl {
  watchLesson: LessonWatchControl['watchLesson'];
  lessonStatus: LessonWatchControl['lessonStatus'];
  lessonStepRecord: LessonWatchControl['lessonStepRecord'];
  planInputs: NonNullable<PlaygroundControl['planInputs']>;
  /** The record replayed in one thread, while the hosts start and then rebuild it (see PlaygroundHost.preview). */
  preview(record: RunRecord): Promise<FrameBatch | undefined>;
  /** Gives the coordinator the page's worker factory; it spawns and links the hosts. */
  attach(factory: HostWorkerFactory, run: RunStorage): Promise<void>;
  /** One batch of trace events and a snapshot (advancing a playing run by the wall time since the last one). */
  frame(): Promise<FrameBatch | undefined>;
  reopen(): Promise<ReopenResult | undefined>;
  /** Terminates the gateway's worker (the crash button). */
  crashGateway(): Promise<void>;
  fork(): Promise<void>;
  compare(seconds: number, options?: ComparisonOptions): Promise<readonly ComparisonRow[]>;
  /** The phone shown in detail beside the first ones. */
  select(user: number | undefined): Promise<void>;
  search(user: number, query: string): Promise<readonly SearchResultView[]>;
}
