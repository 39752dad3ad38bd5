/**
 * Lab mode's one door between the page and the lab worker (src/lab/web): the commands the page
 * sends, and the snapshot the worker sends back. Types and bounds only.
 */

/** Every bound of lab mode, in one place. */
export const LAB_LIMITS = {
  /**
   * Real connections one spike may open from the page. Browsers cap a page's WebSockets in all
   * (Chromium at 255, Firefox at 200) and the run's phones hold up to 8 of them, so a spike stays
   * under both caps and never fails in the browser; `npm run bench -- lab` opens 500 from Node.
   */
  maxSpikeConnections: 190,
  /** Phones the lab makes from the run's named users. */
  maxPhones: 8,
  /** Characters in one message's text. */
  maxTextChars: 500,
  /** Packets the snapshot keeps for the log (the counts cover all of them). */
  logPackets: 400,
  /** One spike packet in this many goes to the log (and the diagram), so the phones' story stays. */
  spikeLogEvery: 50,
  /** Messages an inbox keeps. */
  inboxMessages: 100,
  /** How long the first connection may take before the broker counts as unreachable. */
  connectTimeoutMs: 5_000,
  /** The phones' MQTT keep-alive, as the simulation's default. */
  keepAliveSec: 60,
} as const;

/** The client name of every spike connection in packets and counts (the phones have their own). */
export const SPIKE_CLIENT = 'spike';

export type LabOfflineHow = 'close' | 'lose-signal';

export type LabCommand =
  | { readonly do: 'send'; readonly from: string; readonly to: string; readonly text: string }
  | { readonly do: 'offline'; readonly user: string; readonly how: LabOfflineHow }
  | { readonly do: 'online'; readonly user: string }
  | { readonly do: 'spike'; readonly connections: number }
  | { readonly do: 'compare' };

/** How the lab's connection to the broker stands. */
export type LabStatus = 'checking' | 'running' | 'failed' | 'stopped';

/** A phone's connection: `offline` said goodbye (DISCONNECT), `no-signal` dropped the socket. */
export type LabPhoneState = 'connecting' | 'online' | 'offline' | 'no-signal' | 'reconnecting';

export interface LabInboxMessage {
  readonly from: string;
  /** Always shown as text, never as markup. */
  readonly text: string;
  /** Received again with DUP set, or a copy of one already shown (not shown twice). */
  readonly copies: number;
}

export interface LabPhoneView {
  readonly name: string;
  readonly clientId: string;
  readonly topic: string;
  readonly state: LabPhoneState;
  /** sessionPresent of the latest CONNACK. */
  readonly sessionPresent?: boolean;
  readonly inbox: readonly LabInboxMessage[];
  /** Messages this phone sent: `acked` once the broker's PUBACK came back (✓). */
  readonly sent: readonly { readonly to: string; readonly text: string; readonly acked: boolean }[];
}

/** One MQTT packet as MQTT.js sent or received it. */
export interface LabPacketView {
  readonly seq: number;
  /** Milliseconds since the lab started. */
  readonly atMs: number;
  /** The phone's name, or `spike` for a spike connection. */
  readonly client: string;
  /** `up` client → broker, `down` broker → client. */
  readonly dir: 'up' | 'down';
  readonly type: string;
  /** The packet's bytes (mqtt-packet's encoding), as hex. */
  readonly hex: string;
  readonly byteLength: number;
  /** The decoded fields, as short strings (payloads as text when they are UTF-8). */
  readonly fields: readonly (readonly [string, string])[];
}

export interface LabSpikeView {
  readonly asked: number;
  readonly connected: number;
  readonly failed: number;
  /** From the spike's start to the last CONNACK, in ms. */
  readonly elapsedMs: number;
  readonly done: boolean;
}

/** One line of the side-by-side table: the same measure on the real broker and in the simulation. */
export interface LabComparisonRow {
  readonly measure: string;
  readonly real: string;
  readonly simulated: string;
  readonly same: boolean;
  /** Why they differ, where they do. */
  readonly why?: string;
}

export interface LabComparison {
  /** The simulation's virtual run length, in seconds (the lab's time so far, and a few to settle). */
  readonly durationSec: number;
  /** The inputs replayed, in words. */
  readonly inputs: number;
  readonly rows: readonly LabComparisonRow[];
}

export interface LabSnapshot {
  readonly status: LabStatus;
  /** The checked broker address. */
  readonly url: string;
  /** Why the broker cannot be used, or what went wrong mid-run (with what to do). */
  readonly problem?: string;
  /** A passing remark (a restart seen, a refused input). */
  readonly notice?: string;
  readonly phones: readonly LabPhoneView[];
  /** The newest packets, at most {@link LAB_LIMITS.logPackets}. */
  readonly packets: readonly LabPacketView[];
  readonly packetTotal: number;
  readonly spike?: LabSpikeView;
  readonly comparison?: LabComparison;
  /** The comparison is being computed. */
  readonly comparing: boolean;
}

/** What the page holds of a running lab: a store over the worker's snapshots. */
export interface LabHost {
  subscribe(listener: () => void): () => void;
  getSnapshot(): LabSnapshot;
  command(c: LabCommand): void;
  /** Ends every connection (with DISCONNECT) and the worker. */
  close(): void;
}

/** How the page starts the lab worker for a checked address; loaded on demand. */
export interface LabStart {
  readonly url: string;
  /** The run's id, for client ids and topics (so two runs on one broker do not meet). */
  readonly runId: string;
  /** The run's named users, as phones. */
  readonly users: readonly string[];
}

/** The worker's wire: the page sends `start` once, then commands; the worker sends snapshots. */
export type LabToWorker =
  | { readonly kind: 'start'; readonly start: LabStart }
  | { readonly kind: 'command'; readonly command: LabCommand }
  | { readonly kind: 'stop' };

export type LabFromWorker = { readonly kind: 'snapshot'; readonly snapshot: LabSnapshot };
