/**
 * The vocabulary between the coordinator and the hosts (control plane) and between hosts (data
 * plane). Types only; every message here is structured-cloneable.
 */
import type { SearchResultView } from '../../bridge/playground-api';
import type { PhonesPart } from '../snapshot';
import type { Snapshot } from '../../bridge/playground-api';
import type { GatewayStats } from '../../engine/gateway/gateway';
import type { GatewayConfig } from '../../engine/model/gateway-config';
import type { QueuedEvent } from '../../engine/kernel/event-queue';
import type { ProtocolName } from '../../engine/model/protocols';
import type { Scenario } from '../../engine/scenario/scenario';
import type { SimMessage, StoredItem } from '../../engine/model/messages';
import type { FleetTally } from '../../engine/sim/report';
import type { HostName } from './partition';
import type { PackedTrace } from './trace-codec';

export type SimEvent = QueuedEvent<SimMessage>;

/** A point of virtual time a host has run to: events before `ms`, or up to and including it. */
export interface TimeMark {
  readonly ms: number;
  readonly inclusive: boolean;
}

/** The data plane: one message per window from a host to a peer, carrying every event for it. */
export interface DataBatch {
  readonly type: 'doubletick.batch';
  /** Which run of the cluster this belongs to; batches of an earlier run are dropped. */
  readonly run: number;
  readonly from: HostName;
  readonly window: number;
  /** The receiver's window end in the round it was sent: every event is at or after it (after, if inclusive). */
  readonly endMs: number;
  readonly inclusive: boolean;
  /** The events, packed by `encodeEvents` (event-codec.ts) and transferred. */
  readonly events: ArrayBuffer;
}

/** The coordinator's grant of one window of virtual time to one host. */
export interface WindowGrant {
  readonly window: number;
  readonly endMs: number;
  readonly inclusive: boolean;
  /** Batches the host must have received from each peer (counted since the link was made) before it runs. */
  readonly expect: Partial<Record<HostName, number>>;
  /** Inputs for this host's actors in this window, stamped by the coordinator. */
  readonly inputs: SimEvent[];
  /**
   * Where each host's window of this round ends (hosts run to their own lookahead bounds): an
   * event sent to a peer must not land inside the peer's window. Absent: every window ends here.
   */
  readonly peerEnds?: Partial<Record<HostName, TimeMark>>;
}

/** What a host reports when its window is done (its batches are sent and its own I/O is complete). */
export interface WindowReport {
  readonly window: number;
  /** Time of its next pending event (Infinity when none). */
  readonly nextMs: number;
  /** Peers it sent a batch to in this window, with the earliest event time in each. */
  readonly sent: Partial<Record<HostName, number>>;
  /** Events it sent to peers in this window, in all. */
  readonly sentEvents: number;
  /** Its trace events, each with the order key of the event whose handling emitted it. */
  readonly trace: PackedTrace;
}

/** How the store host keeps its items across restarts. */
export interface StoreSetup {
  readonly persistence: 'none' | 'memory' | 'indexeddb';
  /** IndexedDB database name (or the memory persistence's name). */
  readonly dbName?: string;
  /**
   * `fresh`: a new run, durable copy cleared. `resume`: a restarted store worker, items loaded
   * from the durable copy. `replay`: rebuilding a run by replay; durable writes wait for adopt or
   * checkpoint at the end.
   */
  readonly begin: 'fresh' | 'resume' | 'replay';
}

/** How the phones host keeps each phone's decrypted history (IndexedDB on the device in the browser). */
export interface HistorySetup {
  readonly persistence: 'none' | 'memory' | 'indexeddb';
  /** IndexedDB database name (or the memory history's name). */
  readonly dbName?: string;
  /** `fresh`: a new run, history cleared. Otherwise (a replay) writes wait for the history checkpoint at its end. */
  readonly begin: 'fresh' | 'resume' | 'replay';
}

/** Everything a host needs to build its component for a run. */
export interface HostSetup {
  readonly run: number;
  readonly scenario: Scenario;
  readonly recordWire: boolean;
  readonly store?: StoreSetup;
  readonly history?: HistorySetup;
  /**
   * Whether the host queues the scenario's own inputs for its actors, numbered as the input actor
   * numbers them in one thread (a run's start). A host started in place of a terminated one does
   * not: it adopts what its predecessor still had queued.
   */
  readonly scenarioInputs?: boolean;
  /** A gateway incarnation started after its worker was terminated: down until it restarts, with its predecessor's settings. */
  readonly gatewayRestart?: {
    readonly epoch: number;
    readonly restartAtMs: number;
    readonly config: GatewayConfig;
  };
}

/** What each host contributes to a snapshot and a report. */
export type ComponentPart =
  | {
      readonly host: 'gateway';
      readonly gateway: Snapshot['gateway'];
      readonly config: GatewayConfig;
      readonly stats: GatewayStats;
      readonly held: number[];
    }
  | { readonly host: 'sessions'; readonly online: number }
  | {
      readonly host: 'store';
      readonly store: Snapshot['store'];
      readonly storedChats: number[];
      readonly storedReceipts: number;
    }
  | {
      readonly host: 'phones';
      readonly phones: PhonesPart;
      readonly fleet: Map<ProtocolName, FleetTally>;
      readonly outbox: number[];
    };

/** A host's part with what every host adds: its events processed and the chats on its queue. */
export type HostPart = ComponentPart & { readonly events: number; readonly onWire: number[] };

/** The store host's answer after a replayed run takes its items from the durable copy. */
export interface AdoptResult {
  readonly restored: number;
  /** Whether the durable copy held exactly what the replay rebuilt. */
  readonly agreed: boolean;
  readonly detail?: string;
}

/** A phone holding a connection (for the resets a terminated gateway's host sends). */
export interface PhoneConnection {
  readonly user: number;
  readonly conn: number;
}

/** A structural message port: a DOM MessagePort, a Node one through an adapter, or an in-memory pair. */
export interface PortLike {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (ev: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (ev: MessageEvent) => void): void;
  start?(): void;
  close?(): void;
}

/** The control API of one host, as the coordinator calls it (over comlink in workers). */
export interface HostControl {
  /** Builds the host's component for a run; resolves with the time of its earliest event (Infinity: none). */
  init(setup: HostSetup): Promise<number>;
  /** Hands the host its end of the link to `peer` (a transferred port). */
  connect(peer: HostName, port: PortLike): Promise<void>;
  run(grant: WindowGrant): Promise<WindowReport>;
  /** Resolves once the announced batches have arrived (and been accepted). */
  sync(expect: WindowGrant['expect']): Promise<void>;
  /** Waits for the announced batches, then contributes its part at `nowMs`. */
  part(expect: WindowGrant['expect'], nowMs: number, selected?: number): Promise<HostPart>;
  /** Waits for the announced batches; returns every event still queued here (handed to a successor). */
  drain(expect: WindowGrant['expect']): Promise<SimEvent[]>;
  /** Takes over events a predecessor had queued; returns the next event time. */
  adopt(events: SimEvent[]): Promise<number>;
  /** Store: items held for one chat message (the inspector's server view). */
  storeItems(msg: number): Promise<StoredItem[]>;
  /** Store: the point of virtual time the durable copy was written at. */
  storeMark(): Promise<TimeMark | undefined>;
  /** Store: after a replay, takes the durable copy's items and compares them with the replay's. */
  storeAdopt(): Promise<AdoptResult>;
  /** Store: after a replay, writes the replay's items as the durable copy. */
  storeCheckpoint(mark: TimeMark): Promise<void>;
  /** Phones: after a replay, writes the replayed run's decrypted history as the durable copy. */
  historyCheckpoint(mark: TimeMark): Promise<void>;
  /** Phones: who holds a connection to the gateway now. */
  connectedPhones(): Promise<PhoneConnection[]>;
  /** Phones: one phone's on-device search over its own decrypted history. */
  search(user: number, query: string): Promise<SearchResultView[]>;
}
