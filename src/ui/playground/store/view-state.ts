/** The playground store's view state: what React reads, and the small helpers that derive it. */
import type {
  ComparisonRow,
  MessageInspection,
  RunRecord,
  ScenarioFile,
  Snapshot,
} from '../../../bridge/playground-api';
import { MAX_DRAWN_PHONES } from '../../../views/diagram-layout';
import type { Flight } from '../model/flights';
import type { MetricSample } from './metric-history';

/** Everything React reads. Replaced (never mutated) on change, so selectors can compare by identity. */
export interface ViewState {
  /** The latest snapshot: every frame (with the inputs given while paused already shown). */
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
  /** Phones the diagram draws one by one at most (it fits them to its pane; beyond, groups). */
  readonly drawLimit: number;
  readonly followedMsg: number | undefined;
  readonly inspection: MessageInspection | undefined;
  readonly comparison: {
    readonly running: boolean;
    readonly rows: readonly ComparisonRow[];
    readonly error?: string;
  };
  readonly error: string | undefined;
  /** Something the learner should know about where this run lives (reopened, not kept, …). */
  readonly notice: string | undefined;
  /** Another tab's run this tab may open a copy of (a new tab offers it). */
  readonly copyOffer: CopyOffer | undefined;
  /** Why a shared link could not be opened (the page shows the share error view). */
  readonly shareError: string | undefined;
  readonly ready: boolean;
}

/** Pulses (hops with no travel time) stay visible this long on the display clock. */
export const PULSE_MS = 700;

export interface Pulse {
  readonly flight: Flight;
  readonly bornMs: number;
}

/** A copy of another tab's run, offered to a new tab. */
export interface CopyOffer {
  load(): Promise<RunRecord | undefined>;
}

/** An example scenario offered by name (its file loads when chosen). */
export interface ExampleScenario {
  readonly name: string;
  load(): Promise<ScenarioFile>;
}

export const INITIAL_VIEW: ViewState = {
  snapshot: undefined,
  slow: undefined,
  history: [],
  heat: {},
  logVersion: 0,
  maxReachedMs: 0,
  names: new Map(),
  selectedMsg: undefined,
  selectedPhone: 1,
  drawLimit: MAX_DRAWN_PHONES,
  followedMsg: undefined,
  inspection: undefined,
  comparison: { running: false, rows: [] },
  error: undefined,
  shareError: undefined,
  notice: undefined,
  copyOffer: undefined,
  ready: false,
};
/** Edge id of a hop between two nodes (the layout's ids: `e-phone-3`, `e-store`, `e-sessions`). */
export function edgeIdFor(a: string, b: string): string {
  const other = a === 'gateway' ? b : a;
  return `e-${other}`;
}

/** The phones' names by user, with a key that changes only when they do. */
export function namesOf(s: Snapshot): { key: string; map: Map<number, string> } {
  const map = new Map<number, string>();
  let key = '';
  for (const p of s.phones) {
    map.set(p.user, p.name);
    key += `${p.user}:${p.name},`;
  }
  return { key, map };
}
