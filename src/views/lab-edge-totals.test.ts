// Proves each lab link counts its packets and bytes once, by type and direction, and remembers
// its newest packet, however often the snapshots repeat the log.
import { describe, expect, it } from 'vitest';
import { labPacket } from '../../test/lab/lab-packet';
import type { LabPacketView } from '../bridge/lab-api';
import { EMPTY_TALLY, packetLabel, tallyPackets, typeCounts, unseen } from './lab-edge-totals';

let seq = 0;
const p = (
  client: string,
  dir: 'up' | 'down',
  type: string,
  byteLength: number,
  dup = false,
): LabPacketView =>
  labPacket(++seq, {
    atMs: seq * 10,
    client,
    dir,
    type,
    byteLength,
    fields: type === 'PUBLISH' ? [['dup', String(dup)]] : [],
  });

describe('tallyPackets', () => {
  const log = [
    p('alice', 'up', 'CONNECT', 30),
    p('alice', 'down', 'CONNACK', 4),
    p('alice', 'up', 'PUBLISH', 41),
    p('bob', 'down', 'PUBLISH', 41, true),
    p('alice', 'up', 'PUBLISH', 42),
    p('alice', 'down', 'PUBACK', 4),
  ];

  it('counts packets, bytes and types per client and direction', () => {
    const t = tallyPackets(EMPTY_TALLY, log);
    const alice = t.edges.get('alice')!;
    expect(alice.packets).toBe(5);
    expect(alice.bytes).toBe(30 + 4 + 41 + 42 + 4);
    expect(alice.up).toEqual({ CONNECT: 1, PUBLISH: 2 });
    expect(alice.down).toEqual({ CONNACK: 1, PUBACK: 1 });
    expect(alice.latest).toEqual({
      seq: 6,
      type: 'PUBACK',
      dir: 'down',
      byteLength: 4,
      dup: false,
    });
    expect(t.edges.get('bob')!.latest.dup).toBe(true);
    expect(t.lastSeq).toBe(6);
  });

  it('counts a packet once when the next snapshot repeats it, in any order', () => {
    const once = tallyPackets(EMPTY_TALLY, log.slice(0, 3));
    const again = tallyPackets(once, [...log].reverse());
    expect(again.edges.get('alice')!.packets).toBe(5);
    expect(tallyPackets(again, log)).toBe(again);
    expect(unseen(once, log).map((x) => x.seq)).toEqual([4, 5, 6]);
  });
});

describe('labels', () => {
  it('says the types with their counts, and a packet with its size and DUP', () => {
    expect(typeCounts({ CONNECT: 1, PUBLISH: 3 })).toBe('CONNECT, 3 PUBLISH');
    expect(typeCounts({})).toBe('nothing');
    expect(packetLabel({ seq: 1, type: 'PUBLISH', dir: 'down', byteLength: 41, dup: true })).toBe(
      'PUBLISH (DUP) 41 B',
    );
    expect(packetLabel({ seq: 1, type: 'PINGREQ', dir: 'up', byteLength: 2, dup: false })).toBe(
      'PINGREQ 2 B',
    );
  });
});
