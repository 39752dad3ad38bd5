import type { LabPacketView } from '../bridge/lab-api';
import { packetRef, type LabPacketRef } from './lab-edge-totals';

/**
 * Real packets as dots travelling along the lab diagram's edges. Packets come in bursts (a
 * reconnect brings CONNACK and every queued PUBLISH within a few milliseconds), so each flight
 * starts a little after the one before it and every packet is seen; the schedule holds a bounded
 * number of flights, dropping the oldest waiting ones, so a spike never piles up a backlog.
 */

export const LAB_FLIGHT_LIMITS = {
  /** How long a packet takes to cross its edge, in wall-clock ms. */
  flightMs: 1_400,
  /** The least time between two flights' starts. */
  staggerMs: 350,
  /** Flights flying or waiting to fly, at most. */
  maxFlights: 12,
} as const;

export type LabFlightLimits = { readonly [K in keyof typeof LAB_FLIGHT_LIMITS]: number };

export interface LabFlight {
  readonly client: string;
  readonly packet: LabPacketRef;
  /** Wall-clock ms (the page's clock) when the dot leaves, and when it arrives. */
  readonly startMs: number;
  readonly endMs: number;
}

/**
 * The schedule at `nowMs` with `incoming` (oldest first) added: flights that arrived are gone,
 * flying ones keep their times, waiting ones and the new ones start `staggerMs` apart after the
 * newest start; past `maxFlights` the oldest waiting ones are dropped (the log keeps them all).
 */
export function scheduleFlights(
  current: readonly LabFlight[],
  incoming: readonly LabPacketView[],
  nowMs: number,
  limits: LabFlightLimits = LAB_FLIGHT_LIMITS,
): LabFlight[] {
  const flying = current.filter((f) => f.startMs <= nowMs && f.endMs > nowMs);
  const waiting = [
    ...current
      .filter((f) => f.startMs > nowMs)
      .map((f) => ({ client: f.client, packet: f.packet })),
    ...incoming.map((p) => ({ client: p.client, packet: packetRef(p) })),
  ];
  const room = Math.max(0, limits.maxFlights - flying.length);
  const kept = waiting.slice(Math.max(0, waiting.length - room));
  const newestStart = flying.reduce((m, f) => Math.max(m, f.startMs), -Infinity);
  const first = Math.max(nowMs, newestStart + limits.staggerMs);
  return [
    ...flying,
    ...kept.map((w, i) => {
      const startMs = first + i * limits.staggerMs;
      return { ...w, startMs, endMs: startMs + limits.flightMs };
    }),
  ];
}

/** The flights in the air at `nowMs`. */
export const flyingAt = (flights: readonly LabFlight[], nowMs: number): LabFlight[] =>
  flights.filter((f) => f.startMs <= nowMs && f.endMs > nowMs);

/** When the schedule next changes (a start or an arrival after `nowMs`); undefined when idle. */
export function nextChangeMs(flights: readonly LabFlight[], nowMs: number): number | undefined {
  let next: number | undefined;
  for (const f of flights)
    for (const t of [f.startMs, f.endMs])
      if (t > nowMs && (next === undefined || t < next)) next = t;
  return next;
}

/** Which of the diagram's flight colours a packet type takes (the simulated diagram's legend). */
export type LabFlightStyle = 'chat' | 'ack' | 'keepalive' | 'connect' | 'other';

export function labFlightStyle(type: string): LabFlightStyle {
  if (type === 'PUBLISH') return 'chat';
  if (type === 'PINGREQ' || type === 'PINGRESP') return 'keepalive';
  if (type === 'CONNECT' || type === 'CONNACK' || type === 'DISCONNECT') return 'connect';
  if (type.endsWith('ACK') || type === 'PUBREC' || type === 'PUBREL' || type === 'PUBCOMP')
    return 'ack';
  return 'other';
}
