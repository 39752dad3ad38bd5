import type { Envelope, DeliveryWhat } from '../chat/envelope';
import type { Rng } from '../kernel/rng';
import type { ProtocolName } from '../model/protocols';
import type { TraceKind } from '../kernel/trace';

/** How a transport describes the bytes it puts on the wire, for the trace. */
export interface WireMeta {
  readonly kind: TraceKind;
  readonly msg?: number;
  readonly note?: string;
  /** Of the bytes, how many are protocol overhead (the rest is the application envelope). */
  readonly headerBytes: number;
}

/** Protocol knobs, from the scenario (defaults in FACTS.md-cited `protocol-settings.ts`). */
export interface ProtocolSettings {
  readonly shortPollIntervalMs: number;
  readonly longPollHoldMs: number;
  readonly wsPingIntervalMs: number;
  readonly wsPingTimeoutMs: number;
  readonly mqttKeepAliveSec: number;
  readonly mqttQos: 0 | 1;
}

/** What a phone offers its client transport. */
export interface ClientPort {
  readonly now: number;
  readonly user: number;
  readonly rng: Rng;
  readonly settings: ProtocolSettings;
  /** Puts bytes on the uplink (phone → gateway). */
  transmit(chunks: readonly Uint8Array[], meta: WireMeta): void;
  /** Asks for `onTimer(name)` at `atMs`; a newer request for the same name replaces it. */
  timer(name: string, atMs: number): void;
  /** The gateway incarnation this phone last connected to (0 before its first connection). */
  readonly lastGatewayEpoch: number;
  /**
   * The server accepted the connection. `sessionPresent` false means the server may have lost
   * what it held for us (it restarted since we last connected), so unconfirmed sends go again.
   */
  connected(sessionPresent: boolean, gatewayEpoch: number): void;
  /** The server refused the connection (backpressure), with its reason. */
  refused(reason: string): void;
  /** The connection is over (the server closed it, or a keep-alive went unanswered). */
  closed(reason: string): void;
  /** An envelope arrived from the server; `token` is what `ack` must echo (an MQTT packet id). */
  received(env: Envelope, token: number): void;
  /** A protocol-level ack for something we sent (MQTT PUBACK maps here as ✓ for chats). */
  acceptedByServer(msg: number): void;
  /** Bytes that did not decode: reported, dropped, nothing else changes. */
  malformed(reason: string): void;
}

/** The phone's side of one protocol: a state machine over one connection. */
export interface ClientTransport {
  readonly proto: ProtocolName;
  /** Opens the connection (handshake, CONNECT or the first poll). */
  start(): void;
  /** Sends application envelopes (chats, reads) to the server. */
  send(envs: readonly Envelope[]): void;
  /** Tells the server the device has a delivery (chat or receipt). */
  ack(msg: number, what: DeliveryWhat, token: number): void;
  /** Bytes from the server. */
  onDown(chunks: readonly Uint8Array[]): void;
  onTimer(name: string): void;
  /** Closes; graceful sends the protocol's goodbye (DISCONNECT, close frame). */
  stop(graceful: boolean): void;
}
