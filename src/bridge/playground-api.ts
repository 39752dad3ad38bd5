/**
 * The API between the page and the simulation's hosts (workers in the app, one thread in tests).
 * Types only: the UI depends on this file, never on the engine's code.
 */
import type { ProtocolName, TraceEvent, TraceKind } from '../engine/kernel/trace';
import type { LinkQuality } from '../engine/net/mobile-link';
import type { ReceiptStatus } from '../engine/phone/chat-book';
import type { PhoneStatus } from '../engine/phone/connection-state';
import type { ScenarioFile } from '../engine/scenario/scenario';
import type { InputAction } from '../engine/sim/messages';
import type { Report } from '../engine/sim/report';

export type { InputAction, LinkQuality, PhoneStatus, ProtocolName, ReceiptStatus, Report, ScenarioFile, TraceEvent, TraceKind };

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
  readonly chats?: readonly { readonly peer: number; readonly messages: readonly ChatMessageView[] }[];
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
  };
  readonly sessions: { readonly online: number };
  readonly store: { readonly pending: number; readonly byUser: readonly (readonly [user: number, count: number])[] };
  readonly report: Report;
}

/** What the page receives at most once per animation frame. */
export interface FrameBatch {
  readonly events: readonly TraceEvent[];
  readonly snapshot: Snapshot;
}

/** One message's life for the inspector: its events in order, with each hop's real bytes. */
export interface MessageInspection {
  readonly msg: number;
  readonly events: readonly TraceEvent[];
  /** What the server-side components held of this message (ciphertext when E2E is on), hex. */
  readonly serverView: readonly string[];
}

export type LoadResult = { readonly ok: true } | { readonly ok: false; readonly errors: readonly string[] };

/** The control plane the page drives (over comlink in the app). */
export interface PlaygroundControl {
  /** Starts a new run of a scenario (paused at time 0). */
  load(scenario: ScenarioFile): Promise<LoadResult>;
  play(): Promise<void>;
  pause(): Promise<void>;
  /** Runs exactly to the next event; returns its time, or undefined when nothing is pending. */
  step(): Promise<number | undefined>;
  /** Virtual seconds per wall second, 0.1 to 1000. */
  setSpeed(speed: number): Promise<void>;
  /** A learner's action at the current virtual time; recorded in the input log. */
  input(action: InputAction): Promise<void>;
  /** Time travel: replays seed + input log up to `ms` (deterministic), paused there. */
  seek(ms: number): Promise<void>;
  /** The run so far as a scenario plus input log, to replay or share. */
  inputLog(): Promise<readonly { atMs: number; action: InputAction }[]>;
  inspect(msg: number): Promise<MessageInspection>;
  snapshot(): Promise<Snapshot>;
}
