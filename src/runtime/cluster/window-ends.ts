/**
 * Where each host's window ends in one round of the window protocol: conservative
 * synchronisation with a lookahead per link. A host may run every event before the earliest
 * moment anything from a peer could reach it: that peer's earliest possible event plus the link's
 * least delay. A peer's earliest possible event is its own next event, or something that reaches
 * it from elsewhere first (its own peers' earliest, plus their links), so a host's own events
 * coming back to it through a peer are accounted for. A phone's packet takes at least an uplink
 * (35 ms) to reach the gateway, so the gateway may run that far ahead of the phones; every other
 * link is a 5 ms hop.
 */
import { MIN_UPLINK_MS } from '../../engine/net/mobile-link';
import type { TimeMark } from './host-messages';
import { HOST_NAMES, LINKS, LOOKAHEAD_MS, peersOf, type HostName } from './partition';

/** The least delay of any event from a host on `from` to one on `to`. */
export function linkLookaheadMs(from: HostName, to: HostName): number {
  return from === 'phones' && to === 'gateway' ? MIN_UPLINK_MS : LOOKAHEAD_MS;
}

/**
 * Each host's window end for a round, given each host's next pending event (its queue, the
 * batches on their way to it and the inputs due to it), capped at `target`. A bound that reaches
 * the target exactly excludes it: something may still arrive at that instant.
 */
export function windowEnds(
  next: ReadonlyMap<HostName, number>,
  target: TimeMark,
): Map<HostName, TimeMark> {
  const earliest = new Map(HOST_NAMES.map((h) => [h, next.get(h) ?? Infinity]));
  // Relax over the links until nothing changes (the longest simple path has HOST_NAMES.length − 1 hops).
  for (let pass = 1; pass < HOST_NAMES.length; pass++)
    for (const [a, b] of LINKS)
      for (const [from, to] of [
        [a, b],
        [b, a],
      ] as const) {
        const via = earliest.get(from)! + linkLookaheadMs(from, to);
        if (via < earliest.get(to)!) earliest.set(to, via);
      }
  const ends = new Map<HostName, TimeMark>();
  for (const h of HOST_NAMES) {
    let bound = Infinity;
    for (const p of peersOf(h)) bound = Math.min(bound, earliest.get(p)! + linkLookaheadMs(p, h));
    ends.set(h, bound > target.ms ? target : { ms: Math.min(bound, target.ms), inclusive: false });
  }
  return ends;
}
