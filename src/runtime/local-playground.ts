/**
 * The playground in one thread: the run session over a Simulation, paced by the page's animation
 * frames and pushing one batch per frame to its subscribers. It is the reference host; the worker
 * host (cluster-playground.ts) is the same session over workers and gives the same answers.
 */
import type { FrameBatch, PlaygroundHost } from '../bridge/playground-api';
import { localRuns, type LocalRun } from './session/local-run';
import { RunSession, type RunSessionOptions } from './session/run-session';

/** Wall-clock facilities, injected so tests can drive frames by hand. */
export interface FrameClock {
  nowMs(): number;
  /** Calls `fn` at the next frame; returns a cancel function. */
  nextFrame(fn: () => void): () => void;
}

export interface LocalPlaygroundOptions extends Omit<RunSessionOptions, 'nowMs'> {
  /** Keep each hop's bytes in the trace (for the inspector). Default true. */
  readonly recordWire?: boolean;
  /** The most of the wall clock building snapshots may take while playing (see local-run.ts). */
  readonly snapshotShare?: number;
}

export class LocalPlayground extends RunSession<LocalRun> implements PlaygroundHost {
  private readonly listeners = new Set<(b: FrameBatch) => void>();
  private cancelFrame: (() => void) | undefined;

  constructor(
    private readonly clock: FrameClock,
    opts: LocalPlaygroundOptions = {},
  ) {
    const { recordWire, snapshotShare, ...session } = opts;
    super(
      localRuns({
        ...(recordWire !== undefined ? { recordWire } : {}),
        ...(snapshotShare !== undefined ? { snapshotShare } : {}),
        nowMs: () => clock.nowMs(),
      }),
      { ...session, nowMs: () => clock.nowMs() },
    );
  }

  subscribe(fn: (b: FrameBatch) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** After a control call: subscribers see its effect, and a playing run asks for frames. */
  protected override async changed(): Promise<void> {
    if (!this.run) return;
    const b = await this.batch(false);
    this.emit(b);
    if (b.snapshot.running) this.schedule();
    else this.stopFrames();
  }

  private schedule(): void {
    this.cancelFrame ??= this.clock.nextFrame(() => {
      this.cancelFrame = undefined;
      void this.frame().then((b) => {
        if (!b) return;
        this.emit(b);
        if (b.snapshot.running) this.schedule();
      });
    });
  }

  private stopFrames(): void {
    this.cancelFrame?.();
    this.cancelFrame = undefined;
  }

  private emit(batch: FrameBatch): void {
    for (const l of this.listeners) l(batch);
  }
}
