/**
 * The parsed lesson, as plain data: what the lesson player renders and what the checkpoint sink,
 * the headless replay and the grader read. Everything here survives `structuredClone` and JSON
 * (no Maps, no functions), so a worker can hand it to the page.
 */
import type { InputAction } from '../engine/model/messages';
import type { ProtocolName } from '../engine/model/protocols';
import type { ScenarioFile } from '../engine/scenario/scenario';
import type { ControlId } from './controls';

export interface Lesson {
  /** Stable id (`router-not-librarian`): deep links, saved progress. */
  readonly id: string;
  /** The lesson's file, as given to the parser (`content/lessons/01-router.md`). */
  readonly file: string;
  /** Order in the lesson list: the `NN` of `NN-slug.md`. */
  readonly order: number;
  readonly title: string;
  readonly summary: string;
  readonly minutes: number;
  /** The scenario the lesson's run starts from, validated (JSON, as a scenario file holds it). */
  readonly scenario: ScenarioFile;
  /** `scenarios/<name>` when the front matter named a file; undefined when inline. */
  readonly scenarioFile: string | undefined;
  /** Markdown before the first step (may be empty). */
  readonly intro: string;
  readonly steps: readonly LessonStep[];
  /** Every source id cited anywhere in the lesson, in first-cited order. */
  readonly sources: readonly string[];
}

export interface LessonStep {
  /** 0-based position in the lesson. */
  readonly index: number;
  readonly title: string;
  /** Line of the step's `## ` heading in the lesson file. */
  readonly line: number;
  /**
   * The step's prose as Markdown (GFM), with the lesson's own fenced blocks taken out. It may hold
   * ```mermaid fences (the player renders them lazily) and `[^source-id]` citations. Never HTML.
   */
  readonly prose: string;
  /** Source ids the prose cites (`[^erlang-process]`), in order. */
  readonly sources: readonly string[];
  /** "Do it for me": what the step does, at seconds after the learner starts it. */
  readonly actions: readonly LessonAction[];
  readonly checkpoint: Checkpoint | undefined;
  readonly prediction: Prediction | undefined;
  /** Hints in the order they are revealed, one at a time. */
  readonly hints: readonly string[];
  /** The control "Show me" highlights. */
  readonly showMe: ControlId | undefined;
}

/** One input of the page's vocabulary (users are numbers), at seconds after the step starts. */
export interface LessonAction {
  readonly atSec: number;
  readonly action: InputAction;
  readonly line: number;
}

/** A condition over the run, checked by the simulation; met when every predicate holds. */
export interface Checkpoint {
  readonly line: number;
  /** How long the headless replay waits for it after the step starts (virtual seconds). */
  readonly withinSec: number;
  readonly predicates: readonly Predicate[];
}

export const TICKS = ['✓', '✓✓', 'read'] as const;
/** What a sender's phone shows for a message: accepted by the server, delivered, read. */
export type Tick = (typeof TICKS)[number];

/**
 * The checkpoint vocabulary. Message predicates look at the whole run's state; measures count
 * from the moment the step started. Parsed from YAML, never evaluated as code.
 */
export type Predicate =
  /** `from`'s phone shows `shows` (or better) for at least `messages` messages sent to `to`. */
  | {
      readonly kind: 'ticks';
      readonly line: number;
      readonly from: number;
      readonly to: number;
      readonly shows: Tick;
      readonly messages: number;
      /** `to`'s phone received them in the order `from` sent them. */
      readonly inOrder: boolean;
      /** No message from `from` to `to` was shown twice. */
      readonly exactlyOnce: boolean;
    }
  /** The temporary store holds exactly `messages` chat messages for `user` (all users if null). */
  | {
      readonly kind: 'stored';
      readonly line: number;
      readonly user: number | null;
      readonly messages: number;
    }
  /** `user`'s phone holds a connection to the gateway (`online: true`) or does not. */
  | {
      readonly kind: 'online';
      readonly line: number;
      readonly user: number;
      readonly online: boolean;
    }
  /**
   * At least `messages` messages to `to` waited in the store, reached `to`'s phone after it came
   * online, and were deleted from the store only after its phone acknowledged them.
   */
  | {
      readonly kind: 'delivered-from-store';
      readonly line: number;
      readonly to: number;
      readonly messages: number;
    }
  /** A measure compared with a number, or with a multiple of another measure. */
  | {
      readonly kind: 'compare';
      readonly line: number;
      readonly measure: Measure;
      readonly op: CompareOp;
      readonly bound: number | { readonly times: number; readonly measure: Measure };
      /**
       * Judge it once this many seconds after the step started, rather than as soon as it holds
       * (needed for bounds a growing count could cross later, and for latencies).
       */
      readonly overSec: number | undefined;
    };

export const COMPARE_OPS = ['above', 'atLeast', 'below', 'atMost'] as const;
export type CompareOp = (typeof COMPARE_OPS)[number];

export const MEASURE_KINDS = [
  'bytes',
  'header-bytes',
  'payload-bytes',
  'requests',
  'bytes-per-message',
  'latency-ms',
  'sent',
  'delivered',
  'stored',
  'refusals',
  'connections',
  'retries',
  'crashes',
  'duplicates-dropped',
  'readable-bodies',
  'all-connected-sec',
  'radio-joules-per-hour',
] as const;
export type MeasureKind = (typeof MEASURE_KINDS)[number];

/** A number the run produces. `protocol` narrows the wire measures to one protocol's links. */
export interface Measure {
  readonly kind: MeasureKind;
  readonly protocol: ProtocolName | undefined;
  /** For `latency-ms`: 50, 95 or 99. */
  readonly percentile: number | undefined;
}

/** A guess the learner commits before the run; graded against a run with a fresh seed. */
export type Prediction = NumberPrediction | ChoicePrediction;

interface PredictionBase {
  readonly line: number;
  readonly ask: string;
  /** Why the true value is what it is: shown with the grade. */
  readonly why: string;
  /** The measure is taken over this many virtual seconds after the step starts. */
  readonly overSec: number;
}

export interface NumberPrediction extends PredictionBase {
  readonly kind: 'number';
  readonly measure: Measure;
  readonly unit: string;
  /** How far off a guess may be and still count as right. */
  readonly tolerance: Tolerance;
}

export type Tolerance =
  | { readonly kind: 'relative'; readonly fraction: number }
  | { readonly kind: 'absolute'; readonly amount: number }
  /** Right when within this factor either way (for quantities spanning orders of magnitude). */
  | { readonly kind: 'factor'; readonly factor: number };

export interface ChoicePrediction extends PredictionBase {
  readonly kind: 'choice';
  /** The right choice is the one whose measure comes out highest (or lowest). */
  readonly pick: 'highest' | 'lowest';
  readonly choices: readonly { readonly label: string; readonly measure: Measure }[];
}
