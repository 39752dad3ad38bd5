/**
 * A run as plain data: the one record the page, IndexedDB, share links, exported files, lessons
 * and embeds all read and write. The engine is deterministic, so the record is the whole run:
 * replaying its scenario (with the scenario's seed) and its inputs rebuilds every component.
 */
import type { InputAction } from '../engine/model/messages';
import type { ProtocolName } from '../engine/model/protocols';
import type { RetryPolicy } from '../engine/model/retry-policy';
import type { ScenarioFile } from '../engine/scenario/scenario';

/** Bumped when a record's shape changes; a record from a later version is refused, never guessed at. */
export const RUN_RECORD_VERSION = 1;

/** The URL fragment's key of a shared run: `#run=…` (here, so finding it loads no codec). */
export const SHARE_KEY = 'run';

/** A point of virtual time: the events before `ms`, or up to and including it. */
export interface TimeMark {
  readonly ms: number;
  readonly inclusive: boolean;
}

/** Whether point `a` of virtual time is not after `b`. */
export const notAfter = (a: TimeMark, b: TimeMark): boolean =>
  a.ms < b.ms || (a.ms === b.ms && (!a.inclusive || b.inclusive));

/** Whether an input at `atMs` has been applied by a run that has reached `reached`. */
export const applied = (atMs: number, reached: TimeMark): boolean =>
  notAfter({ ms: atMs, inclusive: true }, reached);

/** One input the learner gave, at the virtual time the run applies it. */
export interface TimedInput {
  readonly atMs: number;
  readonly action: InputAction;
}

/** A gateway worker terminated mid-run (the crash button over workers): when, and which input records it. */
export interface WorkerCrash {
  readonly at: TimeMark;
  readonly logIndex: number;
}

/** How the run is played, beside what it is. */
export interface RunSettings {
  /** Virtual seconds per wall second. */
  readonly speed: number;
}

export interface RunRecord {
  readonly version: typeof RUN_RECORD_VERSION;
  /** What runs, with its seed (`scenario.seed`): the same scenario and inputs give the same trace. */
  readonly scenario: ScenarioFile;
  /** The learner's inputs, in the order given (their times never go back). */
  readonly inputs: readonly TimedInput[];
  /** How far the run had got: reopening, or opening a shared link, replays to here and pauses. */
  readonly reached: TimeMark;
  readonly settings: RunSettings;
  /** Crash-button crashes over workers, so a replay terminates the gateway worker at the same point. */
  readonly workerCrashes?: readonly WorkerCrash[];
}

/** The longest run the playground allows (the engine's limit): a day of virtual time. */
export const PLAYGROUND_DURATION_SEC = 24 * 3600;

/** The switches a fresh playground run starts from (the page's Run panel sets them). */
export interface PlaygroundChoices {
  readonly seed: number;
  readonly encryption: boolean;
  readonly protocol: ProtocolName;
  readonly retry: RetryPolicy;
}

/** The run a fresh playground starts: Alice and Bob, online, on one protocol, at one seed. */
export function playgroundScenario(c: PlaygroundChoices): ScenarioFile {
  return {
    name: 'Playground',
    description: 'Alice and Bob are online; spawn more phones, take them offline, send, and watch.',
    seed: c.seed,
    durationSec: PLAYGROUND_DURATION_SEC,
    encryption: c.encryption,
    retry: c.retry,
    phones: [{ count: 2, protocol: c.protocol, names: ['alice', 'bob'] }],
  };
}
