import type { TraceEvent, TraceKind } from '../../../bridge/playground-api';

/**
 * Messages in flight on the diagram. Each is one hop of the trace: it leaves `from` at `t` and
 * arrives at `to` at `arriveAtMs`, so its position is simply how much of that virtual time has passed.
 * Hops that take no virtual time (a store fetch inside the datacenter) are drawn as a brief pulse.
 */
export interface Flight {
  readonly atMs: number;
  readonly arriveAtMs: number;
  readonly from: string;
  readonly to: string;
  readonly kind: TraceKind;
  readonly msg: number;
  readonly bytes: number;
  /** A note worth showing beside a pulse (`u2 online`), or an empty poll's `200 empty`. */
  readonly note?: string;
}

/** How a flight is painted: chat traffic, receipts and acks, keep-alive, polling, refusals. */
export type FlightStyle =
  'chat' | 'ack' | 'keepalive' | 'poll' | 'refused' | 'connect' | 'store' | 'other';

/** Chat-bearing packets are at least an envelope header plus ciphertext; smaller ones are acks. */
const CHAT_MIN_BYTES = 30;

export function flightStyle(f: Pick<Flight, 'kind' | 'msg' | 'bytes'>): FlightStyle {
  switch (f.kind) {
    case 'stored':
    case 'fetched':
      return 'store';
    case 'pushed':
    case 'frame':
      if (f.msg === 0) return 'other';
      return f.bytes >= CHAT_MIN_BYTES ? 'chat' : 'ack';
    case 'accepted':
    case 'acked':
    case 'receipt':
    case 'read':
    case 'deleted':
      return 'ack';
    case 'ping':
      return 'keepalive';
    case 'poll':
      return 'poll';
    case 'refused':
    case 'lost':
    case 'rejected':
      return 'refused';
    case 'connect':
    case 'disconnect':
    case 'retry':
      return 'connect';
    default:
      return 'other';
  }
}

/** Dot radius in screen pixels: grows with the log of the bytes, so a 1 KB poll dwarfs a 4 B ping. */
export const flightRadius = (bytes: number): number =>
  Math.max(2.5, Math.min(9, 1.2 * Math.log2(bytes + 1)));

/** The hops among `events` whose two ends are drawn; `resolve` maps an actor to its node id. */
export function flightsFrom(
  events: readonly TraceEvent[],
  resolve: (actor: number, e: TraceEvent) => string | undefined,
): Flight[] {
  const out: Flight[] = [];
  for (const e of events) {
    // Hops with bytes, plus zero-byte messages between servers (the session manager's answer,
    // the store's delete): they are the seed diagram's "Is User B online?" and "Deliver & Delete".
    const betweenServers = e.from < 16 && e.to < 16;
    if (e.from === e.to || e.kind === 'sent' || (e.bytes <= 0 && !betweenServers)) continue;
    const from = resolve(e.from, e);
    const to = resolve(e.to, e);
    if (!from || !to || from === to) continue;
    out.push({
      atMs: e.atMs,
      arriveAtMs: e.arriveAtMs,
      from,
      to,
      kind: e.kind,
      msg: e.msg,
      bytes: e.bytes,
      ...(e.note !== undefined ? { note: e.note } : {}),
    });
  }
  return out;
}

/** How far along its edge a flight is at `nowMs` (0 at departure, 1 on arrival). */
export function progress(f: Pick<Flight, 'atMs' | 'arriveAtMs'>, nowMs: number): number {
  if (f.arriveAtMs <= f.atMs) return nowMs >= f.atMs ? 1 : 0;
  return Math.max(0, Math.min(1, (nowMs - f.atMs) / (f.arriveAtMs - f.atMs)));
}

/** Keeps at most `max` flights by taking every k-th; `every` is k (1 when nothing was dropped). */
export function sampleFlights<T>(
  flights: readonly T[],
  max: number,
): { drawn: readonly T[]; every: number } {
  if (flights.length <= max) return { drawn: flights, every: 1 };
  const every = Math.ceil(flights.length / max);
  const drawn: T[] = [];
  for (let i = 0; i < flights.length; i += every) drawn.push(flights[i]!);
  return { drawn, every };
}

/** Straight-line interpolation between two points. */
export const lerp = (
  a: { x: number; y: number },
  b: { x: number; y: number },
  p: number,
): { x: number; y: number } => ({
  x: a.x + (b.x - a.x) * p,
  y: a.y + (b.y - a.y) * p,
});
