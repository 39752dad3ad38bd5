/**
 * The lesson player's part of the page's API: the hosts run a checkpoint sink beside the run,
 * so a checkpoint sees every trace event (not the page's bounded log). Types only.
 */
import type { CheckpointItem, CheckpointStatus } from '../lessons/checkpoint-sink';
import type { Guess, Grade } from '../lessons/grade';
import type {
  Checkpoint,
  Lesson,
  LessonAction,
  LessonStep,
  Measure,
  Prediction,
  Predicate,
} from '../lessons/model';
import type { Source } from '../lessons/sources';
import type { LessonContent } from '../lessons/lesson-content';
import type { ProseNode } from '../lessons/prose-tree';
import type { ControlId } from '../lessons/controls';
import type { RunRecord } from './run-record';

export type {
  Checkpoint,
  CheckpointItem,
  CheckpointStatus,
  ControlId,
  Grade,
  Guess,
  Lesson,
  LessonAction,
  LessonContent,
  LessonStep,
  Measure,
  Predicate,
  ProseNode,
  Prediction,
  Source,
};

/** What a host does for the lesson player. */
export interface LessonWatchControl {
  /**
   * Watches `lesson`'s checkpoint for `step` from now on (null stops watching). Called again for
   * the same lesson, it keeps what the run has shown so far and starts the new step's window.
   */
  watchLesson(lesson: Lesson | null, step: number): Promise<void>;
  /** The watched step's checkpoint as of the host's current virtual time. */
  lessonStatus(): Promise<CheckpointStatus | null>;
  /**
   * The run record of `lesson` where step `step` (from 1) begins: the earlier steps' "Do it for
   * me" actions at the moments the headless replay gives them (a resumed lesson opens it).
   */
  lessonStepRecord(lesson: Lesson, step: number): Promise<RunRecord>;
}

/** A lesson in the list, before its content is loaded. */
export interface LessonEntry {
  readonly id: string;
  readonly order: number;
  readonly title: string;
  readonly summary: string;
  readonly minutes: number;
  readonly steps: number;
  readonly load: () => Promise<{ default: LessonContent }>;
}

/** Runs a lesson up to a step with a fresh seed and grades the learner's guess. */
export type PredictionGrader = (
  lesson: Lesson,
  step: number,
  guess: Guess,
  seed: number,
) => Promise<Grade>;
