/**
 * One lesson being taken: which step, what the host's checkpoint sink says about it, the steps
 * already met, hints shown, predictions graded, and "Do it for me" actions waiting for their
 * moment. Saved to IndexedDB on every change, so a reload resumes at the same step.
 */
import type {
  CheckpointStatus,
  Grade,
  Guess,
  LessonContent,
  LessonEntry,
  PredictionGrader,
} from '../../bridge/lesson-api';
import type { InputAction } from '../../bridge/playground-api';
import type { PlaygroundStore } from '../playground/store/playground-store';
import { clearProgress, loadProgress, saveProgress } from './progress';

export interface SessionState {
  readonly entry: LessonEntry;
  readonly content: LessonContent | undefined;
  readonly step: number;
  readonly met: ReadonlySet<number>;
  readonly status: CheckpointStatus | null;
  readonly hintsShown: number;
  readonly graded: Readonly<Record<number, Grade>>;
  readonly grading: boolean;
  /** "Do it for me" is under way: actions still to give. */
  readonly acting: number;
  readonly error: string | undefined;
  /** Replaying the earlier steps of a resumed lesson. */
  readonly catchingUp: boolean;
}

const LOOK_EVERY_MS = 250;
/** How fast a resumed lesson replays the steps before the one it resumes at. */
const CATCH_UP_SPEED = 100;

export class LessonSession {
  private state: SessionState;
  private readonly listeners = new Set<() => void>();
  private timer: number | undefined;
  private queue: { dueMs: number; action: InputAction }[] = [];
  private disposed = false;

  constructor(
    entry: LessonEntry,
    private readonly store: PlaygroundStore,
    private readonly grader: PredictionGrader,
  ) {
    this.state = {
      entry,
      content: undefined,
      step: 0,
      met: new Set(),
      status: null,
      hintsShown: 0,
      graded: {},
      grading: false,
      acting: 0,
      error: undefined,
      catchingUp: false,
    };
  }

  getState = (): SessionState => this.state;
  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };
  private set(patch: Partial<SessionState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }

  /** Loads the lesson and its run; resumes saved progress unless `step` says where to start. */
  async open(step?: number, fresh = false): Promise<void> {
    try {
      const content = (await this.state.entry.load()).default;
      const lesson = content.lesson;
      const saved = fresh ? undefined : await loadProgress(lesson.id);
      const at = Math.max(0, Math.min(step ?? saved?.step ?? 0, lesson.steps.length - 1));
      this.set({
        content,
        step: at,
        met: new Set(saved?.met ?? []),
        graded: (saved?.graded ?? {}) as Record<number, Grade>,
        hintsShown: 0,
        error: undefined,
        // Until the run is loaded (and caught up), the step's buttons wait.
        catchingUp: true,
      });
      await this.store.loadScenario(lesson.scenario, { paused: true });
      await this.store.play();
      if (at > 0) await this.catchUp(at);
      await this.store.host.watchLesson?.(lesson, at);
      this.set({ catchingUp: false });
      this.save();
      this.timer ??= window.setInterval(() => void this.look(), LOOK_EVERY_MS);
    } catch (e) {
      this.set({ error: `the lesson could not start: ${(e as Error).message}`, catchingUp: false });
    }
  }

  /**
   * The world as the earlier steps left it: each step's scripted actions at their moments, the
   * run fast-forwarded until that step's checkpoint is met (or its wait runs out).
   */
  private async catchUp(upTo: number): Promise<void> {
    const lesson = this.state.content!.lesson;
    const speed = this.store.getState().snapshot?.speed ?? 1;
    await this.store.setSpeed(CATCH_UP_SPEED);
    const now = () => this.store.getState().snapshot?.nowMs ?? 0;
    const until = async (done: () => Promise<boolean> | boolean) => {
      while (!this.disposed && !(await done())) await new Promise((r) => setTimeout(r, 40));
    };
    try {
      for (const [i, step] of lesson.steps.slice(0, upTo).entries()) {
        await this.store.host.watchLesson?.(lesson, i);
        const start = now();
        for (const a of [...step.actions].sort((x, y) => x.atSec - y.atSec)) {
          await until(() => now() >= start + a.atSec * 1000);
          await this.store.input(a.action);
        }
        const giveUp = start + (step.checkpoint?.withinSec ?? 0) * 1000;
        await until(
          async () => now() >= giveUp || ((await this.store.host.lessonStatus?.())?.met ?? true),
        );
      }
    } finally {
      await this.store.setSpeed(speed);
    }
  }

  dispose(): void {
    this.disposed = true;
    window.clearInterval(this.timer);
    void this.store.host.watchLesson?.(null, 0);
  }

  private async look(): Promise<void> {
    if (this.disposed || this.state.catchingUp) return;
    const now = this.store.getState().snapshot?.nowMs ?? 0;
    while (this.queue.length && this.queue[0]!.dueMs <= now) {
      const { action } = this.queue.shift()!;
      await this.store.input(action);
      this.set({ acting: this.queue.length });
    }
    const status = (await this.store.host.lessonStatus?.()) ?? null;
    if (this.disposed || status?.step !== this.state.step) return;
    const patch: { -readonly [K in keyof SessionState]?: SessionState[K] } = { status };
    if (status.met && status.hasCheckpoint && !this.state.met.has(status.step))
      patch.met = new Set([...this.state.met, status.step]);
    this.set(patch);
    if (patch.met) this.save();
  }

  private save(): void {
    const lesson = this.state.content?.lesson;
    if (!lesson) return;
    void saveProgress(lesson.id, {
      step: this.state.step,
      met: [...this.state.met],
      graded: this.state.graded,
    });
  }

  /** Moves to step `index` (back and skip always work). */
  async goTo(index: number): Promise<void> {
    const lesson = this.state.content?.lesson;
    if (!lesson || index < 0 || index >= lesson.steps.length) return;
    this.queue = [];
    this.set({ step: index, status: null, hintsShown: 0, acting: 0 });
    await this.store.host.watchLesson?.(lesson, index);
    this.save();
  }

  showHint(): void {
    this.set({ hintsShown: this.state.hintsShown + 1 });
  }

  /** "Do it for me": the step's actions through the same input path as the learner's clicks. */
  async doItForMe(): Promise<void> {
    const step = this.state.content?.lesson.steps[this.state.step];
    if (!step) return;
    const now = this.store.getState().snapshot?.nowMs ?? 0;
    this.queue = step.actions
      .map((a) => ({ dueMs: now + a.atSec * 1000, action: a.action }))
      .sort((a, b) => a.dueMs - b.dueMs);
    this.set({ acting: this.queue.length });
    if (!this.store.getState().snapshot?.running) await this.store.play();
    await this.look();
  }

  /** Grades a guess against a run of the lesson with a fresh seed. */
  async predict(guess: Guess): Promise<void> {
    const lesson = this.state.content?.lesson;
    if (!lesson || this.state.grading) return;
    const index = this.state.step;
    this.set({ grading: true });
    try {
      const seed = 1 + Math.floor(Math.random() * 1_000_000);
      const grade = await this.grader(lesson, index, guess, seed);
      this.set({ graded: { ...this.state.graded, [index]: grade } });
      this.save();
    } catch (e) {
      this.set({ error: `grading failed: ${(e as Error).message}` });
    } finally {
      this.set({ grading: false });
    }
  }

  /** Starts the lesson over: progress forgotten, a fresh run at step 1. */
  async reset(): Promise<void> {
    const lesson = this.state.content?.lesson;
    if (lesson) await clearProgress(lesson.id);
    this.queue = [];
    await this.open(0, true);
  }
}
