import type { LabPacketView } from '../bridge/lab-api';

/**
 * What each link of the lab diagram has carried: packets and bytes, how many of each type went up
 * (client → broker) and down, and the newest one. Totals grow from the packets the page has seen,
 * each counted once by its sequence number (every snapshot repeats the log's newest packets).
 */

/** A packet as an edge remembers it: enough to label it and to select it in the inspector. */
export interface LabPacketRef {
  readonly seq: number;
  readonly type: string;
  readonly dir: 'up' | 'down';
  readonly byteLength: number;
  /** A PUBLISH sent again with DUP set (a redelivery after a reconnect). */
  readonly dup: boolean;
}

export interface LabEdgeTotals {
  readonly packets: number;
  readonly bytes: number;
  /** Packet counts by type, in the order each type first appeared. */
  readonly up: Readonly<Record<string, number>>;
  readonly down: Readonly<Record<string, number>>;
  readonly latest: LabPacketRef;
}

export interface LabTally {
  /** The newest sequence number counted: older packets are not counted again. */
  readonly lastSeq: number;
  /** By client (a phone's name, or the spike). */
  readonly edges: ReadonlyMap<string, LabEdgeTotals>;
}

export const EMPTY_TALLY: LabTally = { lastSeq: 0, edges: new Map() };

export const isDup = (p: Pick<LabPacketView, 'fields'>): boolean =>
  p.fields.some(([k, v]) => k === 'dup' && v === 'true');

export const packetRef = (p: LabPacketView): LabPacketRef => ({
  seq: p.seq,
  type: p.type,
  dir: p.dir,
  byteLength: p.byteLength,
  dup: isDup(p),
});

/** The packets of `packets` not yet counted, oldest first. */
export const unseen = (tally: LabTally, packets: readonly LabPacketView[]): LabPacketView[] =>
  packets.filter((p) => p.seq > tally.lastSeq).sort((a, b) => a.seq - b.seq);

/** The tally with `packets` counted (those already counted are skipped). */
export function tallyPackets(tally: LabTally, packets: readonly LabPacketView[]): LabTally {
  const fresh = unseen(tally, packets);
  if (fresh.length === 0) return tally;
  const edges = new Map(tally.edges);
  for (const p of fresh) {
    const before = edges.get(p.client);
    const byType = { ...(before?.[p.dir] ?? {}) };
    byType[p.type] = (byType[p.type] ?? 0) + 1;
    edges.set(p.client, {
      packets: (before?.packets ?? 0) + 1,
      bytes: (before?.bytes ?? 0) + p.byteLength,
      up: p.dir === 'up' ? byType : (before?.up ?? {}),
      down: p.dir === 'down' ? byType : (before?.down ?? {}),
      latest: packetRef(p),
    });
  }
  return { lastSeq: fresh[fresh.length - 1]!.seq, edges };
}

/** `CONNECT, 3 PUBLISH`: the types one way, with how many where more than one. */
export const typeCounts = (byType: Readonly<Record<string, number>>): string =>
  Object.entries(byType)
    .map(([type, n]) => (n > 1 ? `${n} ${type}` : type))
    .join(', ') || 'nothing';

/** A packet in a few words: `PUBLISH 41 B`, `PUBLISH (DUP) 41 B`. */
export const packetLabel = (p: LabPacketRef): string =>
  `${p.type}${p.dup ? ' (DUP)' : ''} ${p.byteLength} B`;
