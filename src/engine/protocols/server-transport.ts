import type { Envelope } from '../chat/envelope';
import type { Delivery, GatewayConnection } from './server-connection';
import type { ProtocolSettings, WireMeta } from './transport';

/** What the gateway offers the server side of a protocol. */
export interface GatewayPort {
  readonly now: number;
  /** The gateway's incarnation; it changes when the gateway restarts after a crash. */
  readonly epoch: number;
  readonly settings: ProtocolSettings;
  /** Puts bytes on the connection's downlink; `close` also ends the connection afterwards. */
  transmit(
    c: GatewayConnection,
    chunks: readonly Uint8Array[],
    meta: WireMeta,
    close?: string,
  ): void;
  /** Admission control: a refusal reason (backpressure), or undefined to accept. */
  admit(c: GatewayConnection): string | undefined;
  /** The handshake completed; returns whether the server still holds this client's session. */
  opened(c: GatewayConnection): boolean;
  /** A refused handshake: forget the connection (nothing is owed on it). */
  forget(c: GatewayConnection): void;
  /**
   * A chat or read from the phone; returns false if it was not taken (then no ✓). `bytes` are the
   * envelope as it arrived, when the transport carried it alone: the gateway forwards them as they are.
   */
  envelope(c: GatewayConnection, env: Envelope, bytes?: Uint8Array): boolean;
  /** The device has the delivery named by `key` (ack or PUBACK). */
  deviceAck(c: GatewayConnection, key: string): void;
  /** Ends the connection: what it still owed goes to the store. `notify` tells the phone. */
  close(c: GatewayConnection, reason: string, notify: boolean): void;
  /** Bytes that did not decode: logged, dropped, the gateway carries on. */
  malformed(c: GatewayConnection, reason: string): void;
  /** Moves every waiting delivery to in-flight and returns them (for a poll answer or a push). */
  takeWaiting(c: GatewayConnection): readonly Delivery[];
  /** Asks for a `sweep` of `c` at `atMs` (for a deadline that just appeared, like a held poll). */
  recheck(c: GatewayConnection, atMs: number): void;
}

/** The gateway's side of one protocol. Stateless: per-connection state lives in the record. */
export interface ServerProtocol {
  onUp(c: GatewayConnection, chunks: readonly Uint8Array[], port: GatewayPort): void;
  /** Deliveries are waiting on `c`: send them now (push protocols) or when the client polls. */
  push(c: GatewayConnection, port: GatewayPort): void;
  /**
   * Time-driven duties: keep-alive checks, pings, answering held polls, expiring sessions.
   * Returns when the connection next needs a sweep (Infinity: only when something happens).
   */
  sweep(c: GatewayConnection, port: GatewayPort): number;
}
