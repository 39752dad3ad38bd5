// Proves the diagram's flight board reads every lab snapshot (counting each packet once however
// often the log repeats it), flies new packets one after another and lets them land, and flies
// nothing under reduced motion while the links' totals still grow.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { labPacket } from '../../../test/lab/lab-packet';
import type { LabHost, LabPacketView, LabSnapshot } from '../../bridge/lab-api';
import { LAB_FLIGHT_LIMITS } from '../../views/lab-flights';
import { LabFlightBoard } from './lab-flight-board';

const packet = (seq: number, client = 'alice'): LabPacketView => labPacket(seq, { client });

/** A lab host whose snapshots the test sends by hand. */
function fakeHost(): LabHost & { send(packets: LabPacketView[]): void } {
  const listeners = new Set<() => void>();
  let snapshot = { packets: [] as LabPacketView[] } as unknown as LabSnapshot;
  return {
    subscribe: (l) => (listeners.add(l), () => listeners.delete(l)),
    getSnapshot: () => snapshot,
    command: () => undefined,
    close: () => undefined,
    send(packets) {
      snapshot = { ...snapshot, packets };
      for (const l of listeners) l();
    },
  };
}

describe('LabFlightBoard', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('counts each packet once and flies a burst one after another until it lands', () => {
    const host = fakeHost();
    const board = new LabFlightBoard(host, () => Date.now());
    const stop = board.start();
    host.send([packet(1), packet(2)]);
    host.send([packet(1), packet(2), packet(3, 'bob')]);
    const { tally, flying } = board.getState();
    expect(tally.edges.get('alice')?.packets).toBe(2);
    expect(tally.edges.get('bob')?.packets).toBe(1);
    expect(flying.map((f) => f.packet.seq)).toEqual([1]);
    vi.advanceTimersByTime(LAB_FLIGHT_LIMITS.staggerMs);
    expect(board.getState().flying.map((f) => f.packet.seq)).toEqual([1, 2]);
    vi.advanceTimersByTime(10 * LAB_FLIGHT_LIMITS.flightMs);
    expect(board.getState().flying).toEqual([]);
    stop();
  });

  it('flies nothing under reduced motion, and still counts', () => {
    const host = fakeHost();
    const board = new LabFlightBoard(host, () => Date.now());
    const stop = board.start();
    board.setStill(true);
    host.send([packet(1), packet(2)]);
    expect(board.getState().flying).toEqual([]);
    expect(board.getState().tally.edges.get('alice')?.latest.seq).toBe(2);
    stop();
  });

  it('stops reading the lab when stopped', () => {
    const host = fakeHost();
    const board = new LabFlightBoard(host, () => Date.now());
    board.start()();
    host.send([packet(1)]);
    expect(board.getState().tally.lastSeq).toBe(0);
  });
});
