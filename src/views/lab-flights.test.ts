// Proves a burst of real packets becomes flights that start one after another (so each is seen),
// that flying ones keep their times when more come, and that the schedule stays bounded.
import { describe, expect, it } from 'vitest';
import { labPacket } from '../../test/lab/lab-packet';
import type { LabPacketView } from '../bridge/lab-api';
import {
  flyingAt,
  LAB_FLIGHT_LIMITS,
  labFlightStyle,
  nextChangeMs,
  scheduleFlights,
} from './lab-flights';

const packet = (seq: number, type = 'PUBLISH', client = 'alice'): LabPacketView =>
  labPacket(seq, {
    type,
    client,
    byteLength: 40 + seq,
    fields: type === 'PUBLISH' && seq === 99 ? [['dup', 'true']] : [],
  });
const { flightMs, staggerMs, maxFlights } = LAB_FLIGHT_LIMITS;

describe('scheduleFlights', () => {
  it('staggers a burst: each flight starts staggerMs after the one before', () => {
    const flights = scheduleFlights([], [packet(1, 'CONNACK'), packet(2), packet(3)], 1000);
    expect(flights.map((f) => [f.packet.seq, f.startMs, f.endMs])).toEqual([
      [1, 1000, 1000 + flightMs],
      [2, 1000 + staggerMs, 1000 + staggerMs + flightMs],
      [3, 1000 + 2 * staggerMs, 1000 + 2 * staggerMs + flightMs],
    ]);
    expect(flights[0]!.packet).toMatchObject({ type: 'CONNACK', byteLength: 41, dup: false });
  });

  it('keeps flying flights as they are and queues new ones after the newest start', () => {
    const first = scheduleFlights([], [packet(1)], 0);
    const later = scheduleFlights(first, [packet(2)], 100);
    expect(later[0]).toEqual(first[0]);
    expect(later[1]!.startMs).toBe(staggerMs);
    // After a quiet spell a new packet leaves at once.
    expect(scheduleFlights(later, [packet(3)], 10_000).map((f) => f.startMs)).toEqual([10_000]);
  });

  it('drops arrived flights', () => {
    const flights = scheduleFlights([], [packet(1)], 0);
    expect(scheduleFlights(flights, [], flightMs)).toEqual([]);
  });

  it('holds at most maxFlights, dropping the oldest waiting ones, so a spike stays smooth', () => {
    const burst = Array.from({ length: 200 }, (_, i) => packet(i + 1, 'CONNECT', 'spike'));
    const flights = scheduleFlights([], burst, 0);
    expect(flights).toHaveLength(maxFlights);
    expect(flights.map((f) => f.packet.seq)).toEqual(
      Array.from({ length: maxFlights }, (_, i) => 200 - maxFlights + 1 + i),
    );
    const more = scheduleFlights(flights, [packet(201)], staggerMs / 2);
    expect(more).toHaveLength(maxFlights);
    expect(more.at(-1)!.packet.seq).toBe(201);
    // Concurrent in the air: never more than the cap.
    for (let t = 0; t < 10 * flightMs; t += 50)
      expect(flyingAt(more, t).length).toBeLessThanOrEqual(maxFlights);
  });

  it('marks a redelivered PUBLISH', () => {
    expect(scheduleFlights([], [packet(99)], 0)[0]!.packet.dup).toBe(true);
  });
});

describe('flyingAt and nextChangeMs', () => {
  const flights = scheduleFlights([], [packet(1), packet(2)], 0);
  it('shows only the flights in the air', () => {
    expect(flyingAt(flights, 0).map((f) => f.packet.seq)).toEqual([1]);
    expect(flyingAt(flights, staggerMs).map((f) => f.packet.seq)).toEqual([1, 2]);
    expect(flyingAt(flights, flightMs).map((f) => f.packet.seq)).toEqual([2]);
  });
  it('names the next start or arrival, and nothing when idle', () => {
    expect(nextChangeMs(flights, 0)).toBe(staggerMs);
    expect(nextChangeMs(flights, staggerMs)).toBe(flightMs);
    expect(nextChangeMs(flights, staggerMs + flightMs)).toBeUndefined();
  });
});

describe('labFlightStyle', () => {
  it('colours packets as the simulated legend does', () => {
    expect(
      ['PUBLISH', 'PUBACK', 'SUBACK', 'PINGREQ', 'PINGRESP', 'CONNECT', 'CONNACK', 'SUBSCRIBE'].map(
        labFlightStyle,
      ),
    ).toEqual(['chat', 'ack', 'ack', 'keepalive', 'keepalive', 'connect', 'connect', 'other']);
  });
});
