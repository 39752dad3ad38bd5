import type { ProtocolName } from '../model/protocols';

/**
 * The trace: one event per step of a message's life and per connection event. Everything the
 * learner sees (diagram, log, inspector, metrics, Mermaid export) is a view of this stream.
 */
export const TRACE_KINDS = [
  // a chat message's life
  'sent', // the sender's phone created it and handed it to its transport
  'accepted', // the gateway acked the sender (✓)
  'routed', // the session manager answered where the recipient is
  'pushed', // the gateway wrote it to the recipient's connection (or answered a poll with it)
  'stored', // the ephemeral store holds it (recipient offline)
  'fetched', // the gateway took it from the store for a recipient who connected
  'delivered', // the recipient's device has it (first copy)
  'acked', // the recipient's ack reached the gateway
  'deleted', // the store deleted it after the ack
  'read', // the recipient opened the chat
  'receipt', // a ✓✓ or read receipt reached the sender's phone
  'duplicate', // a copy the recipient already had arrived again and was dropped by id
  // connections
  'connect',
  'refused',
  'disconnect',
  'poll',
  'ping',
  'retry',
  'crash',
  'restart',
  // frames on the wire that are none of the above (handshakes, acks, empty responses)
  'frame',
  'lost', // a frame sent into a connection that was already dead
  'rejected', // malformed bytes or an input that was refused, with the reason
  // the radio (last, so the kinds before keep their numbers)
  'paging', // data reached an idle phone's cell: it waits for the phone's next paging occasion
] as const;
export type TraceKind = (typeof TRACE_KINDS)[number];
export const TRACE_KIND_INDEX: Readonly<Record<TraceKind, number>> = Object.fromEntries(
  TRACE_KINDS.map((k, i) => [k, i]),
) as Record<TraceKind, number>;

/** One event. Times are virtual milliseconds; actors are kernel ids (see `actorName`). */
export interface TraceEvent {
  readonly atMs: number;
  readonly kind: TraceKind;
  readonly from: number;
  readonly to: number;
  /** The chat message this event is about, or 0. */
  readonly msg: number;
  /** Bytes on the wire for this hop (0 for events inside one component). */
  readonly bytes: number;
  /** Of `bytes`, how many are protocol headers rather than the application payload. */
  readonly headerBytes: number;
  /** When the hop arrives (equal to `t` for events with no travel). */
  readonly arriveAtMs: number;
  readonly proto?: ProtocolName;
  /** A short human detail: a refusal reason, a close code, a packet type. */
  readonly note?: string;
  /** The real encoded bytes of this hop, when the run records wire bytes. */
  readonly wire?: readonly Uint8Array[];
}

/** Something that consumes trace events as they happen. */
export interface TraceSink {
  emit(ev: TraceEvent): void;
  /**
   * True when `emit` only reads the event during the call and keeps no reference to it. When
   * every sink borrows, the kernel hands them one reused object instead of a new one per event.
   */
  readonly borrows?: boolean;
}

/** A trace event the kernel fills in place (for sinks that only borrow it). */
export type MutableTraceEvent = { -readonly [K in keyof TraceEvent]: TraceEvent[K] };

/**
 * Builds a trace event. Every event has the same shape (absent fields are undefined), which
 * keeps the hot path monomorphic when a million phones are pinging.
 */
export function traceEvent(
  atMs: number,
  kind: TraceKind,
  from: number,
  to: number,
  msg: number,
  bytes: number,
  headerBytes: number,
  arriveAtMs: number,
  proto?: ProtocolName,
  note?: string,
  wire?: readonly Uint8Array[],
): TraceEvent {
  return {
    atMs,
    kind,
    from,
    to,
    msg,
    bytes,
    headerBytes,
    arriveAtMs: arriveAtMs,
    proto,
    note,
    wire,
  };
}

/** The one event to lend `sinks` when every one of them only borrows; undefined when one keeps events. */
export function borrowedEvent(sinks: readonly TraceSink[]): MutableTraceEvent | undefined {
  return sinks.every((s) => s.borrows === true)
    ? (traceEvent(0, 'frame', 0, 0, 0, 0, 0, 0) as MutableTraceEvent)
    : undefined;
}

/** A trace event as `traceEvent` builds it, or written into `into` (a borrowed event) when given. */
export function traceEventInto(
  into: MutableTraceEvent | undefined,
  atMs: number,
  kind: TraceKind,
  from: number,
  to: number,
  msg: number,
  bytes: number,
  headerBytes: number,
  arriveAtMs: number,
  proto?: ProtocolName,
  note?: string,
  wire?: readonly Uint8Array[],
): TraceEvent {
  if (into === undefined)
    return traceEvent(atMs, kind, from, to, msg, bytes, headerBytes, arriveAtMs, proto, note, wire);
  into.atMs = atMs;
  into.kind = kind;
  into.from = from;
  into.to = to;
  into.msg = msg;
  into.bytes = bytes;
  into.headerBytes = headerBytes;
  into.arriveAtMs = arriveAtMs;
  into.proto = proto;
  into.note = note;
  into.wire = wire;
  return into;
}
