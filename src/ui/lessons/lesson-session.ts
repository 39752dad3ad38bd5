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

/**
 * How often the pane asks the host how the checkpoint stands (wall time). Only the display waits
 * for it: the host's checkpoint sink judges on the run's virtual time, and "Do it for me" actions
 * are planned at their virtual instants, so neither depends on when the page looks.
 */
const LOOK_EVERY_MS = 250;

export class LessonSession {
  private state: SessionState;
  private readonly listeners = new Set<() => void>();
  private timer: number | undefined;
  /** Virtual times of the "Do it for me" actions planned with the host and not yet given. */
  private planned: readonly number[] = [];
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

  private get host(): PlaygroundStore['host'] {
    return this.store.host;
  }

  /** Loads the lesson and its run; resumes saved progress unless `step` says where to start. */
  async open(step?: number, fresh = false): Promise<void> {
    try {
      // The lesson's chunk and the saved progress load side by side: the step shows sooner.
      const [mod, saved] = await Promise.all([
        this.state.entry.load(),
        fresh ? undefined : loadProgress(this.state.entry.id),
      ]);
      const content = mod.default;
      const lesson = content.lesson;
      const at = Math.max(0, Math.min(step ?? saved?.step ?? 0, lesson.steps.length - 1));
      this.planned = [];
      this.set({
        content,
        step: at,
        met: new Set(saved?.met ?? []),
        graded: (saved?.graded ?? {}) as Record<number, Grade>,
        hintsShown: 0,
        acting: 0,
        error: undefined,
        // Until the run is loaded (and caught up), the step's buttons wait.
        catchingUp: true,
      });
      // Watched before the run starts, so the checkpoint sink sees the run from time 0.
      await this.host.watchLesson?.(lesson, at);
      if (at > 0 && this.host.lessonStepRecord) {
        // The world as the earlier steps' "Do it for me" left it, exactly as the headless replay
        // has it: the host works out that run record, and the page opens it (paused there).
        await this.store.openRun(await this.host.lessonStepRecord(lesson, at + 1));
      } else {
        await this.store.loadScenario(lesson.scenario, { paused: true });
      }
      // The step's window starts where the learner starts it.
      await this.host.watchLesson?.(lesson, at);
      await this.store.play();
      this.set({ catchingUp: false });
      this.save();
      this.timer ??= window.setInterval(() => void this.look(), LOOK_EVERY_MS);
    } catch (e) {
      this.set({ error: `the lesson could not start: ${(e as Error).message}`, catchingUp: false });
    }
  }

  dispose(): void {
    this.disposed = true;
    window.clearInterval(this.timer);
    void this.host.planInputs?.([]);
    void this.host.watchLesson?.(null, 0);
  }

  private async look(): Promise<void> {
    if (this.disposed || this.state.catchingUp) return;
    const status = (await this.host.lessonStatus?.()) ?? null;
    if (this.disposed || status?.step !== this.state.step) return;
    const now = this.store.getState().snapshot?.nowMs ?? 0;
    const acting = this.planned.filter((t) => t > now).length;
    const patch: { -readonly [K in keyof SessionState]?: SessionState[K] } = { status, acting };
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
    // "Do it for me" actions still to come are kept: cut short, they would leave the world half
    // done (Bob never back online). The next step's own "Do it for me" replaces them.
    this.set({ step: index, status: null, hintsShown: 0 });
    await this.host.watchLesson?.(lesson, index);
    this.save();
  }

  showHint(): void {
    this.set({ hintsShown: this.state.hintsShown + 1 });
  }

  /**
   * "Do it for me": the step's actions through the same input path as the learner's clicks, each
   * planned with the host at its moment of virtual time from now, so it lands on time at any speed.
   * The step's checkpoint starts again from now (as the headless replay starts it with them).
   */
  async doItForMe(): Promise<void> {
    const lesson = this.state.content?.lesson;
    const step = lesson?.steps[this.state.step];
    if (!lesson || !step || !this.host.planInputs) return;
    await this.host.watchLesson?.(lesson, this.state.step);
    this.planned = await this.host.planInputs(
      step.actions.map((a) => ({ afterMs: a.atSec * 1000, action: a.action })),
    );
    this.set({ acting: this.planned.length });
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
    await this.open(0, true);
  }
}
