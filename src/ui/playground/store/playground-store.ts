import type {
  ComparisonRow,
  FrameBatch,
  InputAction,
  MessageInspection,
  ProtocolName,
  ScenarioFile,
  Snapshot,
  SearchResultView,
} from '../../../bridge/playground-api';
import { diagramMode, MAX_DRAWN_PHONES, nodeForActor } from '../../../views/diagram-layout';
import { flightsFrom, type Flight } from '../model/flights';
import {
  DEFAULT_SETTINGS,
  playgroundScenario,
  RETRY_PRESETS,
  type RetryPreset,
  type RunSettings,
} from '../model/settings';
import { EdgeHeat } from './edge-heat';
import { EventLog } from './event-log';
import type { PlaygroundHost } from './host';
import { pushSample, sampleOf, type MetricSample } from './metric-history';

/** Everything React reads. Replaced (never mutated) on change, so selectors can compare by identity. */
export interface ViewState {
  /** The latest snapshot: every frame. */
  readonly snapshot: Snapshot | undefined;
  /** The snapshot at most a few times a second (charts and tables need no more). */
  readonly slow: Snapshot | undefined;
  readonly history: readonly MetricSample[];
  /** Bytes per virtual second on each diagram edge, decaying (the heat of grouped fleets). */
  readonly heat: Readonly<Record<string, number>>;
  /** Bumps when the event log changed (at most a few times a second while playing). */
  readonly logVersion: number;
  /** The furthest virtual time this run has reached (the scrubber's end). */
  readonly maxReachedMs: number;
  readonly names: ReadonlyMap<number, string>;
  readonly selectedMsg: number | undefined;
  /** The phone the phone panel acts on (clicking a phone on the diagram picks it). */
  readonly selectedPhone: number;
  readonly followedMsg: number | undefined;
  readonly inspection: MessageInspection | undefined;
  readonly settings: RunSettings;
  readonly retry: RetryPreset;
  readonly comparison: {
    readonly running: boolean;
    readonly rows: readonly ComparisonRow[];
    readonly error?: string;
  };
  readonly error: string | undefined;
  readonly ready: boolean;
}

const SLOW_EVERY_MS = 200;
const LOG_EVERY_MS = 250;
/** Flights kept after arrival, so a dot that lands is still seen landing (virtual ms). */
const FLIGHT_TRAIL_MS = 30;
const MAX_FLIGHTS = 20_000;
/** Pulses (hops with no travel time) stay visible this long on the display clock. */
export const PULSE_MS = 700;

export interface Pulse {
  readonly flight: Flight;
  readonly bornMs: number;
}

type Listener = () => void;

/**
 * The one store over the host: it turns the stream of frame batches into view state, keeps the
 * event log, the flights the canvas draws, and the chart history, and forwards the learner's
 * actions to the host. Components subscribe to slices through `useView`.
 */
export class PlaygroundStore {
  private state: ViewState = {
    snapshot: undefined,
    slow: undefined,
    history: [],
    heat: {},
    logVersion: 0,
    maxReachedMs: 0,
    names: new Map(),
    selectedMsg: undefined,
    selectedPhone: 1,
    followedMsg: undefined,
    inspection: undefined,
    settings: DEFAULT_SETTINGS,
    retry: DEFAULT_SETTINGS.retry,
    comparison: { running: false, rows: [] },
    error: undefined,
    ready: false,
  };
  private readonly listeners = new Set<Listener>();
  readonly log = new EventLog();
  /** Hops in flight, read by the canvas each animation frame (not React state). */
  flights: Flight[] = [];
  pulses: Pulse[] = [];
  /**
   * Keep arrived flights until this virtual time has been drawn (reduced motion draws each step's
   * hops after the fact); undefined keeps them only until they land.
   */
  private flightHorizonMs: number | undefined;

  /** Keeps arrived flights until `ms` has been drawn (reduced motion); undefined: until they land. */
  setFlightHorizon(ms: number | undefined): void {
    this.flightHorizonMs = ms;
  }
  /** A clock for pulses that advances with wall time while playing and by a step when stepping. */
  displayMs = 0;
  private lastWallMs = 0;
  private lastSlowMs = -Infinity;
  private lastLogMs = -Infinity;
  private logDirty = false;
  private lastInspectMs = -Infinity;
  private namesKey = '';
  private readonly heat = new EdgeHeat();
  private unsubscribe: (() => void) | undefined;

  constructor(
    readonly host: PlaygroundHost,
    private readonly wallNow: () => number = () => performance.now(),
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
    const s = b.snapshot;
    const prev = this.state.snapshot;
    const wall = this.wallNow();
    if (prev && s.nowMs < prev.nowMs) this.rewind(s.nowMs);
    this.displayMs += s.running && prev?.running ? Math.min(100, wall - this.lastWallMs) : PULSE_MS;
    this.lastWallMs = wall;
    this.log.append(b.events);
    if (b.events.length) this.logDirty = true;
    this.addFlights(b, s);
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

  /** Time went back (a seek): forget what the replay will show again. */
  private rewind(toMs: number): void {
    this.log.truncateAfter(toMs);
    this.flights = this.flights.filter((f) => f.atMs <= toMs);
    this.pulses = [];
    this.logDirty = true;
  }

  private addFlights(b: FrameBatch, s: Snapshot): void {
    const mode = diagramMode(s.phoneCount);
    const drawn = new Set<number>();
    if (mode === 'phones')
      for (const p of s.phones) if (p.user <= MAX_DRAWN_PHONES) drawn.add(p.user);
    const fresh = flightsFrom(b.events, (actor, e) => nodeForActor(actor, e.proto, mode, drawn));
    const now = s.nowMs;
    const horizon = Math.min(now, this.flightHorizonMs ?? Infinity);
    const kept = this.flights.filter((f) => f.arriveAtMs + FLIGHT_TRAIL_MS >= horizon);
    for (const f of fresh) {
      if (f.arriveAtMs > f.atMs || this.flightHorizonMs !== undefined) kept.push(f);
      else this.pulses.push({ flight: f, bornMs: this.displayMs });
      this.heat.add(edgeIdFor(f.from, f.to), f.bytes, now);
    }
    this.flights = kept.length > MAX_FLIGHTS ? kept.slice(kept.length - MAX_FLIGHTS) : kept;
    this.pulses = this.pulses.filter((p) => this.displayMs - p.bornMs < PULSE_MS).slice(-500);
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
  step = (): Promise<void> =>
    this.guard('step', async () => {
      await this.host.pause();
      await this.host.step();
    });
  setSpeed = (speed: number): Promise<void> =>
    this.guard('speed', async () => {
      await this.host.setSpeed(speed);
      if (!this.state.snapshot?.running)
        this.set({ snapshot: this.state.snapshot && { ...this.state.snapshot, speed } });
    });
  input = (action: InputAction): Promise<void> =>
    this.guard(action.do, () => this.host.input(action));

  setRetry = (preset: RetryPreset): Promise<void> => {
    this.set({ retry: preset });
    return this.input({ do: 'retry', policy: RETRY_PRESETS[preset].policy });
  };

  setProtocolAll = (protocol: ProtocolName): Promise<void> =>
    this.input({ do: 'protocol', user: 'all', protocol });

  /** A new run from the settings (seed, encryption, starting protocol, retry policy). */
  reset = (settings: RunSettings = this.state.settings): Promise<void> =>
    this.loadWith('reset', settings, () => this.host.load(playgroundScenario(settings)));

  /** A scenario file (an example by name, or one from a link or an embed): a new run of it. */
  loadScenario = (file: ScenarioFile): Promise<void> =>
    this.loadWith('open', this.state.settings, () => this.host.load(file));

  private loadWith = (
    what: string,
    settings: RunSettings,
    load: () => ReturnType<PlaygroundHost['load']>,
  ): Promise<void> =>
    this.guard(what, async () => {
      const wasRunning = this.state.snapshot?.running ?? false;
      this.log.clear();
      this.flights = [];
      this.pulses = [];
      this.heat.clear();
      this.namesKey = '';
      this.set({
        settings,
        retry: settings.retry,
        selectedPhone: 1,
        history: [],
        heat: {},
        maxReachedMs: 0,
        selectedMsg: undefined,
        followedMsg: undefined,
        inspection: undefined,
        snapshot: undefined,
        slow: undefined,
        logVersion: this.state.logVersion + 1,
      });
      const r = await load();
      if (!r.ok) throw new Error(r.errors.join('; '));
      this.set({ ready: true });
      if (wasRunning) await this.host.play();
    });

  seek = (ms: number): Promise<void> => this.guard('seek', () => this.host.seek(ms));
  fork = (): Promise<void> =>
    this.guard('fork', async () => {
      if (this.host.fork) await this.host.fork();
      this.set({ maxReachedMs: this.state.snapshot?.nowMs ?? 0 });
    });

  select = (msg: number | undefined): void => {
    this.set({
      selectedMsg: msg,
      inspection: msg === this.state.inspection?.msg ? this.state.inspection : undefined,
    });
    if (msg !== undefined) void this.refreshInspection();
  };

  choosePhone = (user: number): void => {
    this.set({ selectedPhone: user });
    // Past the first phones the host must be asked to include this one in detail.
    if (this.host.select) void this.guard('select', () => this.host.select!(user));
  };

  /** Follows the most recent chat message (sampled from the trace) on the diagram and in the inspector. */
  follow = (): void => {
    const items = this.log.items;
    for (let i = items.length - 1; i >= 0; i--) {
      const e = items[i]!;
      if (e.kind === 'sent' && e.msg > 0) {
        this.set({ followedMsg: e.msg });
        this.select(e.msg);
        return;
      }
    }
    this.set({ error: 'No message to follow yet: send one, or fire a spike with messages.' });
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
        for (const protocol of ['short-poll', 'long-poll', 'websocket', 'mqtt'] as const) {
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

/** Edge id of a hop between two nodes (the layout's ids: `e-phone-3`, `e-store`, `e-sessions`). */
export function edgeIdFor(a: string, b: string): string {
  const other = a === 'gateway' ? b : a;
  return `e-${other}`;
}

function namesOf(s: Snapshot): { key: string; map: Map<number, string> } {
  const map = new Map<number, string>();
  let key = '';
  for (const p of s.phones) {
    map.set(p.user, p.name);
    key += `${p.user}:${p.name},`;
  }
  return { key, map };
}
