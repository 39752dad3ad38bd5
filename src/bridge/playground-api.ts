/**
 * The API between the page and the simulation's hosts (workers in the app, one thread in tests).
 * Types only: the UI depends on this file, never on the engine's code.
 */
import type { ProtocolName } from '../engine/model/protocols';
import type { TraceEvent, TraceKind } from '../engine/kernel/trace';
import type { LinkQuality } from '../engine/model/link-quality';
import type { ReceiptStatus } from '../engine/phone/chat-book';
import type { PhoneStatus } from '../engine/phone/connection-state';
import type { ScenarioFile } from '../engine/scenario/scenario';
import type { InputAction } from '../engine/model/messages';
import type { Report } from '../engine/sim/report';
import type { RetryPolicy } from '../engine/model/retry-policy';
import type { ProtocolSettings } from '../engine/protocols/transport';
import type { RunRecord, TimedInput } from './run-record';
import type { LessonWatchControl } from './lesson-api';

export type {
  InputAction,
  ProtocolSettings,
  RetryPolicy,
  RunRecord,
  TimedInput,
  LinkQuality,
  PhoneStatus,
  ProtocolName,
  ReceiptStatus,
  Report,
  ScenarioFile,
  TraceEvent,
  TraceKind,
};

/** One message in a phone's chat, as the phone shows it. */
export interface ChatMessageView {
  readonly msg: number;
  readonly from: number;
  readonly to: number;
  readonly text: string;
  readonly atMs: number;
  /** For messages this phone sent: ✓ sent, ✓✓ delivered, read (or queued: not yet accepted). */
  readonly status?: ReceiptStatus;
  /** For messages this phone received: whether it opened them. */
  readonly read?: boolean;
  /** A received message that failed to decrypt, with the reason. */
  readonly error?: string;
}

/** One phone, as the diagram and the phone panel show it. */
export interface PhoneView {
  readonly user: number;
  readonly name: string;
  readonly proto: ProtocolName;
  readonly status: PhoneStatus;
  readonly link: LinkQuality;
  readonly bytesUp: number;
  readonly bytesDown: number;
  readonly joules: number;
  readonly highPowerMs: number;
  /** Sent messages not yet accepted by the server (the clock icon). */
  readonly outbox: number;
  readonly unread: number;
  /** Chats by peer, oldest first (detailed views only: the first phones and the selected one). */
  readonly chats?: readonly {
    readonly peer: number;
    readonly messages: readonly ChatMessageView[];
  }[];
}

/** Phones grouped by protocol and status, for fleets too large to draw one by one. */
export interface PhoneGroupView {
  readonly proto: ProtocolName;
  readonly count: number;
  readonly byStatus: Readonly<Partial<Record<PhoneStatus, number>>>;
}

/** The state of every component at one virtual instant. */
export interface Snapshot {
  readonly nowMs: number;
  readonly durationMs: number;
  readonly running: boolean;
  readonly speed: number;
  readonly seed: number;
  readonly scenarioName: string;
  readonly description: string;
  /** The run's switches as they are now (the retry policy changes with the learner's inputs). */
  readonly settings: {
    readonly encryption: boolean;
    readonly retry: RetryPolicy;
    readonly protocolSettings: ProtocolSettings;
  };
  /**
   * Inputs given at this moment that the run applies at its next step (given while paused): the
   * page shows them at once, before the run has acted on them.
   */
  readonly pendingInputs: readonly TimedInput[];
  readonly phoneCount: number;
  /** Detailed phones (all of them up to a limit, then the first ones and the selected one). */
  readonly phones: readonly PhoneView[];
  readonly groups: readonly PhoneGroupView[];
  readonly gateway: {
    readonly connections: number;
    readonly load: number;
    readonly crashed: boolean;
    readonly epoch: number;
    readonly maxConnections: number;
    readonly workPerSec: number;
    readonly backpressure: boolean;
    readonly thresholdPct: number;
    /** What each kind of work costs the gateway, in the units `workPerSec` counts. */
    readonly workUnits: {
      readonly handshake: number;
      readonly message: number;
      readonly control: number;
    };
  };
  readonly sessions: { readonly online: number };
  readonly store: {
    readonly pending: number;
    readonly byUser: readonly (readonly [user: number, count: number])[];
  };
  readonly report: Report;
  /** When `report` was measured, if earlier than `nowMs` (a busy host refreshes it less often). */
  readonly measuredAtMs?: number;
}

/** What the page receives at most once per animation frame. */
export interface FrameBatch {
  readonly events: readonly TraceEvent[];
  readonly snapshot: Snapshot;
  /**
   * The run was rebuilt (a seek, a fork, a reopen): `events` are the log from the start up to
   * now (its newest part when the host keeps fewer), and replace what the page holds.
   */
  readonly replaceLog?: { readonly dropped: number };
}

/** One field of a decoded packet, as text for the inspector (`topic` → `u2/inbox`). */
export interface DecodedField {
  readonly name: string;
  readonly value: string;
}

/** One packet of a hop, decoded by the host with the real codecs (the page knows none). */
export interface DecodedPacket {
  /** Which codec read it: an MQTT 3.1.1 packet, a WebSocket frame, an HTTP/1.1 message, or our envelope. */
  readonly layer: 'mqtt' | 'websocket' | 'http' | 'envelope' | 'raw';
  /** What it is, as a learner reads it: `MQTT PUBLISH`, `WebSocket binary frame`, `HTTP POST /v1/messages`. */
  readonly title: string;
  /** Bytes this packet used, and of them how many are its own header. */
  readonly bytes: number;
  readonly headerBytes: number;
  readonly fields: readonly DecodedField[];
  /** Why the bytes did not decode, at which byte. */
  readonly error?: string;
  /** What this packet carries (the chat envelope inside a PUBLISH or an HTTP body). */
  readonly inner?: readonly DecodedPacket[];
}

/** The real bytes of one hop (one trace event with `wire`), as hex and decoded. */
export interface HopBytes {
  /** Index of the event in `MessageInspection.events`. */
  readonly event: number;
  readonly chunks: readonly { readonly hex: string; readonly decoded: readonly DecodedPacket[] }[];
}

/** One message's life for the inspector: its events in order, with each hop's real bytes. */
export interface MessageInspection {
  readonly msg: number;
  readonly events: readonly TraceEvent[];
  /** What the server-side components held of this message (ciphertext when E2E is on), hex. */
  readonly serverView: readonly string[];
  /** Each hop's bytes decoded by the host (hosts that record wire bytes fill this). */
  readonly hops?: readonly HopBytes[];
}

/** Protocol comparison: the same seeded traffic, run once per protocol. */
export interface ComparisonOptions {
  /** Protocols to run, in order (default all four). */
  readonly protocols?: readonly ProtocolName[];
  /** Phones in each run (default 20). */
  readonly phones?: number;
  /** Background chat messages per minute (default 30). */
  readonly messagesPerMinute?: number;
  /** The seed (default the current run's). */
  readonly seed?: number;
  /** End-to-end encryption (default the current run's). */
  readonly encryption?: boolean;
}

/** One protocol's figures from a comparison run, all measured by the simulation. */
export interface ComparisonRow {
  readonly protocol: ProtocolName;
  readonly phones: number;
  readonly seconds: number;
  readonly seed: number;
  readonly sent: number;
  readonly delivered: number;
  readonly bytesPerDeliveredMessage: number | null;
  readonly headerBytes: number;
  readonly payloadBytes: number;
  readonly requests: number;
  readonly joulesPerPhoneHour: number | null;
  /** Null when nothing was delivered. */
  readonly latencyP50Ms: number | null;
  readonly latencyP95Ms: number | null;
}

/** One hit of a phone's on-device search. */
export interface SearchResultView {
  readonly msg: number;
  readonly peer: number;
  readonly from: number;
  readonly text: string;
  readonly atMs: number;
  readonly matchedTerms: readonly string[];
}

/** An input planned ahead: given `afterMs` after the moment it was planned, at that virtual instant. */
export interface PlannedInput {
  readonly afterMs: number;
  readonly action: InputAction;
}

export type LoadResult =
  { readonly ok: true } | { readonly ok: false; readonly errors: readonly string[] };

/** The control plane the page drives (over comlink in the app). */
export interface PlaygroundControl {
  /** Starts a new run of a scenario (paused at time 0). */
  load(scenario: ScenarioFile): Promise<LoadResult>;
  /** Replays a saved or shared run and pauses where it had got (its `reached`). */
  open(record: RunRecord): Promise<LoadResult>;
  /** The run so far as a record (to save, share or export). */
  record(): Promise<RunRecord>;
  play(): Promise<void>;
  pause(): Promise<void>;
  /** Runs exactly to the next event; returns its time, or undefined when nothing is pending. */
  step(): Promise<number | undefined>;
  /** Runs `ms` of virtual time (paused); returns the time reached. */
  advanceBy(ms: number): Promise<number>;
  /** Virtual seconds per wall second, 0.1 to 1000. */
  setSpeed(speed: number): Promise<void>;
  /** A learner's action at the current virtual time; recorded in the input log. */
  input(action: InputAction): Promise<void>;
  /**
   * Plans inputs at virtual times from now (the instant `input` would use, plus each `afterMs`):
   * the run gives each exactly at its time as it plays or steps past it, logged as if the learner
   * had clicked then, however fast the run goes. Replaces inputs planned before and not yet given
   * (`[]` cancels them); a load, open or seek cancels them too. Returns the planned times.
   */
  planInputs?(plan: readonly PlannedInput[]): Promise<readonly number[]>;
  /** Time travel: replays seed + input log up to `ms` (deterministic), paused there. */
  seek(ms: number): Promise<void>;
  /** The learner's inputs so far, at the virtual times the run applies them. */
  inputLog(): Promise<readonly TimedInput[]>;
  inspect(msg: number): Promise<MessageInspection>;
  snapshot(): Promise<Snapshot>;
  /**
   * Searches one phone's own decrypted history (tokenised, case- and accent-insensitive, newest
   * first). There is no server-side equivalent: the server holds only ciphertext, and no history.
   */
  search?(user: number, query: string): Promise<readonly SearchResultView[]>;
  /** Drops the recorded inputs after now, so the run continues from here with new ones. */
  fork(): Promise<void>;
  /** Runs the same seeded traffic under each protocol for `seconds` of virtual time. */
  compare?(seconds: number, options?: ComparisonOptions): Promise<readonly ComparisonRow[]>;
  /** The lesson player's checkpoint sink (`lesson-api.ts`). */
  watchLesson?: LessonWatchControl['watchLesson'];
  lessonStatus?: LessonWatchControl['lessonStatus'];
  lessonStepRecord?: LessonWatchControl['lessonStepRecord'];
}

/** What reopening a saved run found. */
export interface ReopenResult {
  readonly atMs: number;
  /** Pending messages the store took from its durable copy (IndexedDB in the browser). */
  readonly restored: number;
  /** Whether that copy held exactly what the replay of the input log rebuilt. */
  readonly agreed: boolean;
  readonly detail?: string;
}

/** What the page needs of a host: the control plane plus the stream of frame batches (both hosts have it). */
export interface PlaygroundHost extends PlaygroundControl {
  /** Reopens this tab's run as saved before a reload (undefined when none was saved). */
  reopen(): Promise<ReopenResult | undefined>;
  /** Receives one FrameBatch per animation frame while playing, and one after each control call. */
  subscribe(fn: (batch: FrameBatch) => void): () => void;
  /** Shows `user` in detail in snapshots even past the first phones. */
  select(user: number | undefined): Promise<void>;
  /**
   * A first look at a run being opened: the same record replayed in one thread, which the page
   * may show while `open` rebuilds it over the host's workers (same engine, same state, so the
   * same frame). Undefined when the host has nothing quicker than `open`, or the record does not
   * check out (`open` says why).
   */
  preview?(record: RunRecord): Promise<FrameBatch | undefined>;
}
