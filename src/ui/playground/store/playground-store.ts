import type {
  ComparisonRow,
  FrameBatch,
  InputAction,
  PlaygroundHost,
  ProtocolName,
  RunRecord,
  ScenarioFile,
  SearchResultView,
} from '../../../bridge/playground-api';
import { PROTOCOLS } from '../../../bridge/vocabulary';
import { withPending } from '../model/pending';
import {
  DEFAULT_SETTINGS,
  RETRY_PRESETS,
  scenarioFor,
  type RetryPreset,
  type RunSettings,
} from '../model/settings';
import { reopenNotice } from '../model/reopen-notice';
import { EdgeHeat } from './edge-heat';
import { FlightTracker } from './flight-tracker';
import { EventLog } from './event-log';
import { pushSample, sampleOf } from './metric-history';
import {
  INITIAL_VIEW,
  namesOf,
  type CopyOffer,
  type ExampleScenario,
  type ViewState,
} from './view-state';

const SLOW_EVERY_MS = 200;
const LOG_EVERY_MS = 250;

type Listener = () => void;

/**
 * The one store over the host: it turns the stream of frame batches into view state, keeps the
 * event log, the flights the canvas draws, and the chart history, and forwards the learner's
 * actions to the host. Components subscribe to slices through `useView`.
 */
export class PlaygroundStore {
  private state: ViewState = INITIAL_VIEW;

  private readonly listeners = new Set<Listener>();
  readonly log = new EventLog();
  private lastWallMs = 0;
  private lastSlowMs = -Infinity;
  private lastLogMs = -Infinity;
  private logDirty = false;
  private lastInspectMs = -Infinity;
  private namesKey = '';
  private readonly heat = new EdgeHeat();
  /** Hops in flight and pulses, read by the canvas each animation frame (not React state). */
  readonly motion = new FlightTracker(this.heat);
  private unsubscribe: (() => void) | undefined;

  constructor(
    readonly host: PlaygroundHost,
    private readonly wallNow: () => number = () => performance.now(),
    readonly examples: readonly ExampleScenario[] = [],
  ) {}

  getState = (): ViewState => this.state;

  subscribe = (fn: Listener): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  private set(patch: Partial<ViewState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }

  /** Starts listening to the host and loads the first run. */
  async start(settings: RunSettings = DEFAULT_SETTINGS, autoplay = true): Promise<void> {
    this.unsubscribe ??= this.host.subscribe(this.onBatch);
    await this.reset(settings);
    if (autoplay) await this.host.play();
  }

  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  // ————— the stream —————

  private onBatch = (b: FrameBatch): void => {
    const s = withPending(b.snapshot);
    const prev = this.state.snapshot;
    const wall = this.wallNow();
    if (b.replaceLog) this.rewind(b.events, b.replaceLog.dropped);
    else this.log.append(b.events);
    this.motion.tick(!!(s.running && prev?.running), wall - this.lastWallMs);
    this.lastWallMs = wall;
    if (b.events.length || b.replaceLog) this.logDirty = true;
    this.motion.add(b, s, this.state.drawLimit);
    const patch: { -readonly [K in keyof ViewState]?: ViewState[K] } = {
      snapshot: s,
      maxReachedMs: Math.max(this.state.maxReachedMs, s.nowMs),
    };
    const calm = !s.running;
    if (calm || wall - this.lastSlowMs >= SLOW_EVERY_MS) {
      this.lastSlowMs = wall;
      patch.slow = s;
      patch.history = pushSample(this.state.history, sampleOf(s));
      patch.heat = this.heat.rates(s.nowMs);
      const names = namesOf(s);
      if (names.key !== this.namesKey) {
        this.namesKey = names.key;
        patch.names = names.map;
      }
    }
    if (this.logDirty && (calm || wall - this.lastLogMs >= LOG_EVERY_MS)) {
      this.lastLogMs = wall;
      this.logDirty = false;
      patch.logVersion = this.state.logVersion + 1;
    }
    this.set(patch);
    const sel = this.state.selectedMsg;
    if (
      sel !== undefined &&
      b.events.some((e) => e.msg === sel) &&
      (calm || wall - this.lastInspectMs >= 300)
    )
      void this.refreshInspection();
  };

  /** The run was rebuilt (a seek, fork or reopen): its log replaces the page's, and nothing is in flight. */
  private rewind(events: readonly FrameBatch['events'][number][], dropped: number): void {
    this.log.replace(events, dropped);
    this.motion.clear();
  }

  // ————— actions —————

  private guard = async (what: string, fn: () => Promise<unknown>): Promise<void> => {
    try {
      await fn();
      if (this.state.error) this.set({ error: undefined });
    } catch (e) {
      this.set({ error: `${what}: ${(e as Error).message}` });
    }
  };

  /** Searches one phone's own history on the phone (the server has nothing to search). */
  searchPhone = async (user: number, query: string): Promise<readonly SearchResultView[]> =>
    query.trim() === '' || !this.host.search ? [] : this.host.search(user, query);

  play = (): Promise<void> => this.guard('play', () => this.host.play());
  pause = (): Promise<void> => this.guard('pause', () => this.host.pause());
  toggle = (): Promise<void> => (this.state.snapshot?.running ? this.pause() : this.play());
  /** To the next event (every event at that instant), so a lifecycle can be walked hop by hop. */
  step = (): Promise<void> =>
    this.guard('step', async () => {
      await this.host.pause();
      await this.host.step();
    });
  /** One second of virtual time. */
  stepSecond = (): Promise<void> =>
    this.guard('step', async () => {
      await this.host.pause();
      await this.host.advanceBy(1000);
    });
  setSpeed = (speed: number): Promise<void> =>
    this.guard('speed', async () => {
      await this.host.setSpeed(speed);
      if (!this.state.snapshot?.running)
        this.set({ snapshot: this.state.snapshot && { ...this.state.snapshot, speed } });
    });
  input = (action: InputAction): Promise<void> =>
    this.guard(action.do, () => this.host.input(action));

  setRetry = (preset: RetryPreset): Promise<void> =>
    this.input({ do: 'retry', policy: RETRY_PRESETS[preset].policy });

  setProtocolAll = (protocol: ProtocolName): Promise<void> =>
    this.input({ do: 'protocol', user: 'all', protocol });

  /** A new run from the settings (seed, encryption, starting protocol, retry policy). */
  reset = (settings: RunSettings = DEFAULT_SETTINGS): Promise<void> =>
    this.loadWith('reset', () => this.host.load(scenarioFor(settings)));

  /**
   * A scenario file (an example, or one the learner opened): a new run of it. `paused` (a
   * lesson's run) starts it paused at time 0 whatever the page was doing.
   */
  loadScenario = (file: ScenarioFile, opts: { paused?: boolean } = {}): Promise<void> =>
    this.loadWith(
      'open',
      async () => {
        if (opts.paused) await this.host.pause();
        return this.host.load(file);
      },
      !opts.paused,
    );

  /** A saved or shared run: replayed to where it had got, paused there. */
  openRun = (record: RunRecord): Promise<void> =>
    this.loadWith('open', () => this.host.open(record), false);

  /** The run so far (to share or export). */
  record = (): Promise<RunRecord> => this.host.record();

  /**
   * Opens a shared run from link text (`#run=…`): the codec loads only then. A bad link, or a run
   * inside it that does not check out, shows the share error view instead of the run.
   */
  openShared = async (text: string): Promise<void> => {
    this.unsubscribe ??= this.host.subscribe(this.onBatch);
    const { decodeShare } = await import('../../../bridge/share-link');
    const d = decodeShare(text);
    if (!d.ok) return this.set({ shareError: d.message, ready: true });
    const record = d.record as RunRecord;
    // The one-thread replay is shown as soon as it is ready, unless the host's own is first.
    let opened = false;
    void this.host
      .preview?.(record)
      .then((b) => {
        if (b && !opened) this.onBatch(b);
      })
      .catch(() => undefined);
    const r = await this.host.open(record);
    opened = true;
    if (!r.ok)
      return this.set({
        shareError: `The run in the link does not check out: ${r.errors.slice(0, 3).join('; ')}`,
        ready: true,
      });
    this.afterLoad();
  };

  /**
   * Reopens this tab's run after a reload (the host replays it and takes the stored messages from
   * IndexedDB); says whether there was one.
   */
  reopen = async (): Promise<boolean> => {
    this.unsubscribe ??= this.host.subscribe(this.onBatch);
    const r = await this.host.reopen();
    if (!r) return false;
    this.afterLoad();
    this.set({ notice: reopenNotice(r) });
    return true;
  };

  setNotice = (notice: string | undefined): void => this.set({ notice });
  offerCopy = (copyOffer: CopyOffer | undefined): void => this.set({ copyOffer });

  /** Opens a copy of the offered run in this tab (its own run from now on). */
  openCopy = (): Promise<void> =>
    this.guard('open a copy', async () => {
      const record = await this.state.copyOffer?.load();
      this.set({ copyOffer: undefined });
      if (!record) throw new Error('the other run is no longer stored');
      await this.openRun(record);
      this.set({
        notice: 'This tab now has a copy of the newest run; changes here stay in this tab.',
      });
    });

  /** Leaves the share error view for a fresh run. */
  dismissShareError = async (): Promise<void> => {
    this.set({ shareError: undefined });
    await this.reset();
  };

  private loadWith = (
    what: string,
    load: () => Promise<{ ok: true } | { ok: false; errors: readonly string[] }>,
    keepPlaying = true,
  ): Promise<void> =>
    this.guard(what, async () => {
      // A lesson's run may be the page's first: the page then listens from here.
      this.unsubscribe ??= this.host.subscribe(this.onBatch);
      const wasRunning = this.state.snapshot?.running ?? false;
      const r = await load();
      if (!r.ok) throw new Error(r.errors.join('; '));
      this.afterLoad();
      if (wasRunning && keepPlaying) await this.host.play();
    });

  /** A new run is shown (its first batch, with its log, has arrived): forget the old one's view. */
  private afterLoad(): void {
    this.motion.clear();
    this.heat.clear();
    this.set({
      selectedPhone: 1,
      history: this.state.snapshot ? [sampleOf(this.state.snapshot)] : [],
      heat: {},
      maxReachedMs: this.state.snapshot?.nowMs ?? 0,
      selectedMsg: undefined,
      followedMsg: undefined,
      inspection: undefined,
      shareError: undefined,
      ready: true,
      logVersion: this.state.logVersion + 1,
    });
  }

  seek = (ms: number): Promise<void> => this.guard('seek', () => this.host.seek(ms));
  fork = (): Promise<void> =>
    this.guard('fork', async () => {
      await this.host.fork();
      this.set({ maxReachedMs: this.state.snapshot?.nowMs ?? 0 });
    });

  select = (msg: number | undefined): void => {
    this.set({
      selectedMsg: msg,
      inspection: msg === this.state.inspection?.msg ? this.state.inspection : undefined,
    });
    if (msg !== undefined) void this.refreshInspection();
  };

  /** The diagram's pane can draw this many phones one by one (see drawLimitFor). */
  setDrawLimit = (drawLimit: number): void => {
    if (drawLimit === this.state.drawLimit) return;
    this.motion.clear();
    this.set({ drawLimit });
  };

  choosePhone = (user: number): void => {
    this.set({ selectedPhone: user });
    // Past the first phones the host must be asked to include this one in detail.
    void this.guard('select', () => this.host.select(user));
  };

  /** Follows the most recent chat message (sampled from the trace) on the diagram and in the inspector. */
  follow = (): void => {
    const msg = this.log.latestSentMessage();
    if (msg === undefined)
      return this.set({
        error: 'No message to follow yet: send one, or fire a spike with messages.',
      });
    this.set({ followedMsg: msg });
    this.select(msg);
  };

  unfollow = (): void => this.set({ followedMsg: undefined });

  private refreshInspection = async (): Promise<void> => {
    const msg = this.state.selectedMsg;
    if (msg === undefined) return;
    this.lastInspectMs = this.wallNow();
    try {
      const inspection = await this.host.inspect(msg);
      if (this.state.selectedMsg === msg) this.set({ inspection });
    } catch (e) {
      this.set({ error: `inspect: ${(e as Error).message}` });
    }
  };

  compare = (seconds: number, phones: number): Promise<void> =>
    this.guard('compare', async () => {
      const run = this.host.compare;
      if (!run) throw new Error('this host cannot run comparisons');
      this.set({ comparison: { running: true, rows: [] } });
      const rows: ComparisonRow[] = [];
      try {
        // One protocol per call, so the table fills in live as each run ends.
        for (const protocol of PROTOCOLS) {
          const [row] = await run.call(this.host, seconds, { protocols: [protocol], phones });
          if (row) rows.push(row);
          this.set({ comparison: { running: true, rows: [...rows] } });
        }
      } finally {
        this.set({ comparison: { running: false, rows: [...rows] } });
      }
    });

  clearError = (): void => this.set({ error: undefined });
}
