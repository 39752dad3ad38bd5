/** Whether a predicate holds over the run so far, and how it reads to a learner. */
import { describeMeasure, formatNumber, measureValue, type StepWindow } from './measures';
import type { Predicate, Tick } from './model';
import type { RunTally } from './run-tally';

/** Display names of users: "Bob", or "u12" for a phone the scenario did not name. */
export type NameOf = (user: number) => string;

export const nameOf =
  (names: ReadonlyMap<number, string>): NameOf =>
  (user) => {
    const n = names.get(user);
    return n ? n[0]!.toUpperCase() + n.slice(1) : `u${user}`;
  };

const TICK_LEVEL: Record<Tick, 1 | 2 | 3> = { '✓': 1, '✓✓': 2, read: 3 };
const OPS = { above: '>', atLeast: '≥', below: '<', atMost: '≤' } as const;
const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** The predicate in words: "Alice's phone shows ✓✓ for 3 messages to Bob, in order". */
export function describePredicate(p: Predicate, name: NameOf): string {
  switch (p.kind) {
    case 'ticks': {
      const how = [p.inOrder ? 'in order' : '', p.exactlyOnce ? 'each exactly once' : '']
        .filter(Boolean)
        .join(', ');
      return `${name(p.from)}'s phone shows ${p.shows} for ${plural(p.messages, 'message')} to ${name(p.to)}${how ? `, ${how}` : ''}`;
    }
    case 'stored':
      return `the store holds ${plural(p.messages, 'message')}${p.user === null ? '' : ` for ${name(p.user)}`}`;
    case 'online':
      return `${name(p.user)} is ${p.online ? 'online' : 'offline'}`;
    case 'delivered-from-store':
      return `${plural(p.messages, 'message')} to ${name(p.to)} waited in the store, reached ${name(p.to)}'s phone when it came online, and were deleted after its ack`;
    case 'compare': {
      const bound =
        typeof p.bound === 'number'
          ? formatNumber(p.bound)
          : `${formatNumber(p.bound.times)} × ${describeMeasure(p.bound.measure)}`;
      const over =
        p.overSec === undefined
          ? ''
          : ` over the ${formatNumber(p.overSec)} s after the step started`;
      return `${describeMeasure(p.measure)} ${OPS[p.op]} ${bound}${over}`;
    }
  }
}

export interface PredicateCheck {
  readonly holds: boolean;
  /** Where the run stands: "1 of 3 so far", "Bob is online". */
  readonly now: string;
}

export function checkPredicate(
  t: RunTally,
  p: Predicate,
  w: StepWindow,
  name: NameOf,
  untilMs?: number,
): PredicateCheck {
  switch (p.kind) {
    case 'ticks':
      return checkTicks(t, p);
    case 'stored': {
      const n = t.storedFor(p.user);
      return { holds: n === p.messages, now: `it holds ${n}` };
    }
    case 'online': {
      const on = t.online.has(p.user);
      return { holds: on === p.online, now: `${name(p.user)} is ${on ? 'online' : 'offline'}` };
    }
    case 'delivered-from-store': {
      let n = 0;
      for (const [, m] of t.messagesTo(p.to))
        if (
          m.storedAtMs !== undefined &&
          m.fetchedAtMs !== undefined &&
          // Delivered since the step started: what the step asked for, not an earlier step's doing.
          m.deliveredAtMs !== undefined &&
          m.deliveredAtMs >= w.startMs &&
          m.ackedAtMs !== undefined &&
          m.deletedAtMs !== undefined &&
          m.deletedAtMs >= m.ackedAtMs
        )
          n++;
      return { holds: n >= p.messages, now: `${n} so far` };
    }
    case 'compare': {
      const v = measureValue(t, p.measure, w, untilMs);
      const bound =
        typeof p.bound === 'number' ? p.bound : measureValue(t, p.bound.measure, w, untilMs);
      if (v === null || bound === null) return { holds: false, now: 'nothing to measure yet' };
      const limit = typeof p.bound === 'number' ? p.bound : p.bound.times * bound;
      const holds =
        p.op === 'above'
          ? v > limit
          : p.op === 'atLeast'
            ? v >= limit
            : p.op === 'below'
              ? v < limit
              : v <= limit;
      const against = typeof p.bound === 'number' ? '' : ` against ${formatNumber(bound)}`;
      return { holds, now: `measured ${formatNumber(v)}${against}` };
    }
  }
}

function checkTicks(t: RunTally, p: Extract<Predicate, { kind: 'ticks' }>): PredicateCheck {
  const level = TICK_LEVEL[p.shows];
  let showing = 0;
  let shownTwice = 0;
  const arrival: [number, number][] = [];
  for (const [id, m] of t.messagesTo(p.to)) {
    if (m.from !== p.from) continue;
    if (m.tick >= level) showing++;
    if (m.shown > 1) shownTwice++;
    if (m.deliveredAtMs !== undefined) arrival.push([m.deliveredSeq, id]);
  }
  // Message ids grow in the order phones create them: arrival order must keep them growing.
  arrival.sort((a, b) => a[0] - b[0]);
  const outOfOrder = arrival.some(([, id], i) => i > 0 && id < arrival[i - 1]![1]);
  const problems = [
    p.inOrder && outOfOrder ? 'some arrived out of order' : '',
    p.exactlyOnce && shownTwice > 0 ? `${plural(shownTwice, 'message')} shown twice` : '',
  ].filter(Boolean);
  return {
    holds: showing >= p.messages && problems.length === 0,
    now: [`${showing} of ${p.messages} so far`, ...problems].join('; '),
  };
}
