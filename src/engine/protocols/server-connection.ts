import type { ProtocolName } from '../model/protocols';

/** One delivery the gateway owes a connected recipient: a chat or a receipt, as envelope bytes. */
export interface Delivery {
  readonly key: string;
  readonly msg: number;
  readonly envelope: Uint8Array;
  /** Still in the ephemeral store: delete it there once the recipient acks. */
  readonly fromStore: boolean;
  /** MQTT packet id it went out with. */
  pid: number;
}

/** Connection phases. */
export const CONN_HANDSHAKE = 0;
export const CONN_OPEN = 1;
export const CONN_CLOSED = 2;

/**
 * What the gateway keeps per held connection. Kept flat and small on purpose: the density
 * lesson compares it with an Erlang process (327 words, FACTS §5). Times are integer ms, which
 * V8 stores inline; the lists exist only while something is owed.
 */
export interface GatewayConnection {
  readonly user: number;
  readonly conn: number;
  readonly proto: ProtocolName;
  state: number;
  lastHeardMs: number;
  /** MQTT keep-alive from CONNECT (0: none). */
  keepAliveMs: number;
  /** Draining the store: live deliveries wait in `syncHeld` so the store's older ones go first. */
  syncing: boolean;
  nextPid: number;
  /** WebSocket: when the last ping went out unanswered (-1: none), and when the next is due. */
  pingSentMs: number;
  nextPingMs: number;
  /** Long polling: the held request's id (0: none) and when it must be answered. */
  heldRequest: number;
  heldUntilMs: number;
  /** The sweep tick this connection is next checked at (0: none). */
  checkTick: number;
  /** Sent, awaiting the device's ack. */
  inflight: Delivery[] | undefined;
  /** Ready to send (push protocols send at once; polling waits for the next poll). */
  waiting: Delivery[] | undefined;
  /** Arrived during the store drain; sent after it. */
  syncHeld: Delivery[] | undefined;
}

export function newConnection(
  user: number,
  conn: number,
  proto: ProtocolName,
  nowMs: number,
): GatewayConnection {
  return {
    user,
    conn,
    proto,
    state: CONN_HANDSHAKE,
    lastHeardMs: nowMs,
    keepAliveMs: 0,
    syncing: false,
    nextPid: 1,
    pingSentMs: -1,
    nextPingMs: 0,
    heldRequest: 0,
    heldUntilMs: 0,
    checkTick: 0,
    inflight: undefined,
    waiting: undefined,
    syncHeld: undefined,
  };
}

/** Removes and returns the in-flight delivery matching `pred`. */
export function takeInflight(
  c: GatewayConnection,
  pred: (d: Delivery) => boolean,
): Delivery | undefined {
  const list = c.inflight;
  if (!list) return undefined;
  const i = list.findIndex(pred);
  if (i < 0) return undefined;
  const [d] = list.splice(i, 1);
  if (list.length === 0) c.inflight = undefined;
  return d;
}

/** Fields the density figure counts, with V8's pointer-compressed sizes (4 B per slot). */
export const CONNECTION_FIELDS = 17;
