/**
 * The hosts' hook for the lesson player: one trace sink that is always in the run's sinks and
 * forwards to the checkpoint sink of the lesson being watched, if any.
 */
import type { TraceEvent, TraceSink } from '../engine/kernel/trace';
import {
  createCheckpointSink,
  type CheckpointSink,
  type CheckpointStatus,
} from '../lessons/checkpoint-sink';
import type { Lesson } from '../lessons/model';

export class LessonWatch implements TraceSink {
  readonly borrows = true;
  private sink: CheckpointSink | undefined;
  private lesson: Lesson | null = null;
  private step = 0;
  /** The learner has acted in the watched step (its window started again then). */
  private acted = false;

  emit(ev: TraceEvent): void {
    this.sink?.emit(ev);
  }

  watch(lesson: Lesson | null, step: number, nowMs: number): void {
    if (!lesson) {
      this.lesson = null;
      this.sink = undefined;
      return;
    }
    if (!this.sink || this.lesson?.id !== lesson.id) this.sink = createCheckpointSink(lesson);
    this.lesson = lesson;
    this.step = Math.max(0, Math.min(step, lesson.steps.length - 1));
    this.acted = false;
    this.sink.startStep(this.step, nowMs);
  }

  /**
   * The learner gave an input at `atMs` (a click, not a planned "Do it for me" action). In a step
   * that asks for actions, the first one starts the checkpoint's window again: its measures count
   * from what the learner did, not from when they began reading the step (as "Do it for me" counts
   * from its click). Later inputs of the same step belong to the same attempt.
   */
  inputGiven(atMs: number): void {
    if (!this.lesson || !this.sink || this.acted) return;
    if (this.lesson.steps[this.step]!.actions.length === 0) return;
    this.acted = true;
    this.sink.startStep(this.step, atMs);
  }

  /** The run starts again from time 0 (a new load, or a seek replaying it): so does the sink. */
  restart(): void {
    if (!this.lesson) return;
    this.sink = createCheckpointSink(this.lesson);
    this.sink.startStep(this.step, 0);
  }

  status(nowMs: number): CheckpointStatus | null {
    if (!this.sink) return null;
    this.sink.advance(nowMs);
    return this.sink.status(this.step);
  }
}
