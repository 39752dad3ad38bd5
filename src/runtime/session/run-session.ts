/**
 * The run session: one run of a scenario, whichever host runs it. It keeps the run record
 * (scenario, inputs, time reached), paces the run against the wall clock, logs the learner's
 * inputs at exact virtual times, travels in time by replaying the record (seek), continues a
 * replayed run with new inputs (fork), replays worker crashes, saves the record, and hands the
 * page one batch per frame. Calls are serialised: a control call never interleaves with a frame.
 */
import type { CheckpointStatus, Lesson } from '../../bridge/lesson-api';
import type {
  ComparisonOptions,
  ComparisonRow,
  FrameBatch,
  LoadResult,
  MessageInspection,
  PlannedInput,
  SearchResultView,
  Snapshot,
} from '../../bridge/playground-api';
import { type RunRecord, type TimedInput, type TimeMark } from '../../bridge/run-record';
import type { InputAction } from '../../engine/model/messages';
import type { ScenarioFile } from '../../engine/scenario/scenario';
import { validateScenario } from '../../engine/scenario/validate-scenario';
import { compareProtocols, resolveComparison } from '../compare-protocols';
import { messageInspection } from '../inspection';
import { lessonStepRecord } from '../lesson-step-record';
import { checkSpeed, MAX_BACKLOG_WALL_MS, MAX_FRAME_WALL_MS, SAVE_EVERY_WALL_MS } from './pacing';
import { checkRunRecord } from './record-check';
import type { SessionRun } from './session-run';
import { inputTimeAfter, laterMark, notAfter } from './time-mark';
import { RunCore } from './run-core';

/** How far ahead a learner's input is checked against the work budget (ten virtual minutes). */
const INPUT_HORIZON_MS = 600_000;
import type { ReopenResult } from '../../bridge/playground-api';

export type { ReopenResult, RunSessionOptions, RunSink } from './run-core';

export class RunSession<R extends SessionRun = SessionRun> extends RunCore<R> {
  // ————— loading —————

  load(file: ScenarioFile): Promise<LoadResult> {
    return this.serial(async () => {
      const r = validateScenario(file);
      if (!r.ok) return { ok: false, errors: r.errors };
      this.begin(file, r.scenario, [], []);
      const run = await this.build('fresh');
      await run.runUntil(0, true);
      this.run = run;
      this.trace.replaceLog();
      await this.save();
      return { ok: true };
    });
  }

  open(record: RunRecord): Promise<LoadResult> {
    return this.serial(async () => {
      const c = checkRunRecord(record);
      if (!c.ok) return { ok: false, errors: c.errors };
      this.begin(c.record.scenario, c.scenario, c.record.inputs, c.record.workerCrashes ?? []);
      this.speed = c.record.settings.speed;
      this.run = await this.rebuild(c.record.reached);
      await this.save();
      return { ok: true };
    });
  }

  /**
   * Reopens the saved run after a reload: replays scenario + inputs to where it got (every host's
   * memory); then the store takes its pending items from its durable copy, written up to that same
   * point of virtual time. A difference from the replay is reported, and the copy kept.
   */
  reopen(): Promise<ReopenResult | undefined> {
    return this.serial(async () => {
      const saved = await this.opts.records?.load();
      if (!saved) return undefined;
      const c = checkRunRecord(saved);
      if (!c.ok) {
        this.opts.warn?.(`[doubletick] the saved run cannot be reopened: ${c.errors.join('; ')}`);
        await this.opts.records?.clear();
        return undefined;
      }
      this.begin(c.record.scenario, c.scenario, c.record.inputs, c.record.workerCrashes ?? []);
      this.speed = c.record.settings.speed;
      const run = await this.build('replay');
      const target = laterMark(c.record.reached, await run.durableMark?.());
      await this.advance(run, target);
      const adopted = run.adoptDurable
        ? await run.adoptDurable()
        : (await run.checkpoint(), { restored: 0, agreed: true });
      if (!adopted.agreed)
        this.opts.warn?.(
          `[doubletick] reopened the run at ${target.ms} ms; the store's durable copy differs from the replay (${adopted.detail ?? ''}); the durable copy is kept`,
        );
      this.run = run;
      this.trace.replaceLog();
      await this.save();
      return {
        atMs: target.ms,
        restored: adopted.restored,
        agreed: adopted.agreed,
        ...(adopted.detail ? { detail: adopted.detail } : {}),
      };
    });
  }

  record(): Promise<RunRecord> {
    return this.serial(async () => this.recordNow(), false);
  }

  // ————— pacing —————

  play(): Promise<void> {
    return this.serial(async () => {
      const run = this.run;
      if (this.running || !run || !this.scenario) return;
      if (run.reached.ms >= this.scenario.durationMs && run.reached.inclusive) return;
      this.running = true;
      this.paceMs = run.reached.ms;
      this.lastWallMs = this.now();
    });
  }

  pause(): Promise<void> {
    return this.serial(async () => {
      this.running = false;
      await this.settle();
      await this.save();
    });
  }

  setSpeed(speed: number): Promise<void> {
    return this.serial(async () => {
      checkSpeed(speed);
      this.speed = speed;
    });
  }

  /** Runs exactly to the next event (every event at that instant, so a step shows one moment). */
  step(): Promise<number | undefined> {
    return this.serial(async () => {
      const { run, scenario } = this.loaded();
      const t = Math.min(run.nextTime(), this.planned.nextTime());
      if (t === Infinity || t > scenario.durationMs) return undefined;
      await this.advance(run, { ms: t, inclusive: true });
      await this.save();
      return t;
    });
  }

  advanceBy(ms: number): Promise<number> {
    return this.serial(async () => {
      if (!(ms > 0)) throw new RangeError(`advanceBy needs a positive number of ms (got ${ms})`);
      const { run, scenario } = this.loaded();
      const target = Math.min(scenario.durationMs, Math.floor(run.reached.ms) + ms);
      await this.advance(run, { ms: target, inclusive: true });
      await this.save();
      return run.reached.ms;
    });
  }

  /** Advances a playing run by the wall time since the last frame × speed (within a budget), then hands back one batch. */
  frame(): Promise<FrameBatch | undefined> {
    return this.serial(async () => {
      const run = this.run;
      const s = this.scenario;
      if (!run || !s) return undefined;
      if (this.running) {
        const wall = this.now();
        const dt = Math.max(0, Math.min(MAX_FRAME_WALL_MS, wall - this.lastWallMs));
        this.lastWallMs = wall;
        this.paceMs = Math.min(s.durationMs, this.paceMs + dt * this.speed);
        const target: TimeMark = { ms: Math.floor(this.paceMs), inclusive: true };
        const deadline = wall + (this.opts.frameBudgetMs ?? Infinity);
        if (!notAfter(target, run.reached)) {
          // A run that cannot keep up falls behind the requested speed instead of freezing the page:
          // it may owe at most MAX_BACKLOG_WALL_MS of wall time, which it makes up when it can.
          const done = await this.advance(run, target, () => this.now() > deadline);
          if (!done)
            this.paceMs = Math.min(this.paceMs, run.reached.ms + MAX_BACKLOG_WALL_MS * this.speed);
        }
        if (run.reached.ms >= s.durationMs && run.reached.inclusive) this.running = false;
        if (!this.running || wall - this.lastSavedWallMs > SAVE_EVERY_WALL_MS) await this.save();
      }
      const batch = await this.batch(this.running);
      this.keepGoing();
      return batch;
    }, false);
  }

  // ————— inputs and time travel —————

  /** A learner's action now; it applies at the next whole millisecond no event has run at. */
  input(action: InputAction): Promise<void> {
    return this.serial(async () => {
      await this.dropFuture();
      const { run, scenario } = this.loaded();
      const atMs = inputTimeAfter(run.reached);
      if (atMs > scenario.durationMs)
        throw new Error(
          `the run is over (it ends at ${scenario.durationMs / 1000} s): seek back or reset`,
        );
      // An input the run could not be reopened or shared with once it has played on a while
      // (over the work budget, too many phones) is refused now, with the reason, rather than
      // lost with the run on a later reload.
      const next = this.recordNow();
      const check = checkRunRecord({
        ...next,
        inputs: [...next.inputs, { atMs, action }],
        reached: { ms: Math.min(scenario.durationMs, atMs + INPUT_HORIZON_MS), inclusive: false },
      });
      if (!check.ok) throw new Error(`not applied: ${check.errors[0]}`);
      this.log.add(atMs, action);
      run.input(action, atMs);
      this.lessons.inputGiven(atMs);
      await this.save();
    });
  }

  /** Inputs at virtual times from now (a lesson's "Do it for me"); see PlaygroundControl.planInputs. */
  planInputs(plan: readonly PlannedInput[]): Promise<readonly number[]> {
    return this.serial(async () => {
      await this.dropFuture();
      const { run } = this.loaded();
      const from = inputTimeAfter(run.reached);
      // A planned attempt is the learner's acting in the step: a click meanwhile does not restart it.
      if (plan.length > 0) this.lessons.inputGiven(from);
      return this.planned.plan(from, plan);
    }, false);
  }

  /** Terminates the gateway's worker now (hosts without workers crash the gateway by an input). */
  crashGateway(): Promise<void> {
    return this.serial(async () => {
      await this.dropFuture();
      const { run, scenario } = this.loaded();
      const atMs = inputTimeAfter(run.reached);
      if (atMs > scenario.durationMs) throw new Error('the run is over: seek back or reset');
      const crash: InputAction = { do: 'crash' };
      if (!run.crashWorker) {
        this.log.add(atMs, crash);
        run.input(crash, atMs);
      } else {
        // At an instant no event has run at, so the crash replays in one thread as this input.
        await run.runUntil(atMs, false);
        this.log.addWorkerCrash(run.reached, atMs);
        this.crashesDone = this.log.crashes.length;
        await run.crashWorker(false);
      }
      this.lessons.inputGiven(atMs);
      await this.save();
    });
  }

  fork(): Promise<void> {
    return this.serial(async () => {
      await this.dropFuture();
      await this.save();
    });
  }

  /** Time travel: replays scenario + inputs to `ms` (inclusive), exactly; a playing run plays on from there. */
  seek(ms: number): Promise<void> {
    return this.serial(async () => {
      const { scenario } = this.loaded();
      if (!Number.isFinite(ms)) throw new RangeError(`seek needs a time in ms (got ${ms})`);
      const target = Math.max(0, Math.min(Math.round(ms), scenario.durationMs));
      this.planned.clear();
      this.run = await this.rebuild({ ms: target, inclusive: true });
      this.paceMs = target;
      this.lastWallMs = this.now();
      await this.save();
    });
  }

  async inputLog(): Promise<readonly TimedInput[]> {
    return [...this.log.entries];
  }

  // ————— views —————

  select(user: number | undefined): Promise<void> {
    return this.serial(async () => {
      this.selected = user;
    });
  }

  snapshot(): Promise<Snapshot> {
    return this.serial(() => this.snapshotNow(false), false);
  }

  inspect(msg: number): Promise<MessageInspection> {
    return this.serial(async () => {
      const stored = this.run ? await this.run.storedItems(msg) : [];
      const events = this.trace.forMessage(msg);
      return messageInspection(msg, events, stored, this.scenario?.encryption ?? true);
    }, false);
  }

  search(user: number, query: string): Promise<readonly SearchResultView[]> {
    return this.serial(async () => (this.run ? this.run.search(user, query) : []), false);
  }

  // ————— lessons —————

  /** Watches `lesson`'s checkpoint at `step`, from now (null: no lesson shown). */
  watchLesson(lesson: Lesson | null, step: number): Promise<void> {
    return this.serial(async () => this.lessons.watch(lesson, step, this.run?.reached.ms ?? 0));
  }

  lessonStatus(): Promise<CheckpointStatus | null> {
    return this.serial(async () => this.lessons.status(this.run?.reached.ms ?? 0), false);
  }

  /** Where step `step` of `lesson` begins, as a run record (computed here: the page has no engine). */
  async lessonStepRecord(lesson: Lesson, step: number): Promise<RunRecord> {
    return lessonStepRecord(lesson, step);
  }

  async compare(
    seconds: number,
    options: ComparisonOptions = {},
  ): Promise<readonly ComparisonRow[]> {
    const current = {
      seed: this.scenario?.seed ?? 1,
      encryption: this.scenario?.encryption ?? true,
    };
    return compareProtocols(seconds, resolveComparison(options, current));
  }
}
