// Proves the invariant sink can fail: a chat's whole life through the store passes, and each
// promise in PROMISES is broken by at least one small change to that life, which the sink names
// at the very event that breaks it (throwing by default, or recording).
import { describe, expect, it } from 'vitest';
import { traceEvent, type TraceEvent, type TraceKind } from '../kernel/trace';
import { ACTOR, phoneActor } from '../model/actors';
import { checkTrace, InvariantSink, InvariantViolation } from './invariant-sink';
import { PROMISES, type PromiseId } from './promises';

const A = phoneActor(1);
const B = phoneActor(2);
const C = phoneActor(3);
const { gateway: GW, store: STORE, sessions: SM } = ACTOR;

const ev = (atMs: number, kind: TraceKind, from: number, to: number, msg: number, note?: string) =>
  traceEvent(atMs, kind, from, to, msg, 0, 0, atMs + 5, undefined, note);

/** Alice's chat 1 to Bob, who is offline: stored, fetched, delivered, acked, deleted, read. */
const LIFE: TraceEvent[] = [
  ev(0, 'sent', A, B, 1, 'created'),
  ev(50, 'accepted', A, GW, 1),
  ev(50, 'accepted', GW, A, 1, 'PUBACK'),
  ev(60, 'routed', SM, GW, 1, 'u2 offline'),
  ev(60, 'stored', GW, STORE, 1, 'c1'),
  ev(1000, 'fetched', STORE, GW, 1, 'c1'),
  ev(1000, 'pushed', GW, B, 1, 'PUBLISH'),
  ev(1100, 'delivered', A, B, 1),
  ev(1200, 'acked', B, GW, 1, 'c1'),
  ev(1200, 'deleted', GW, STORE, 1, 'c1'),
  ev(1200, 'pushed', GW, A, 1, 'PUBLISH'),
  ev(1300, 'receipt', B, A, 1, 'delivered'),
  ev(2000, 'read', B, A, 1, 'opened chat'),
  ev(2100, 'receipt', B, A, 1, 'read'),
];

const at = (kind: TraceKind, from?: number): number =>
  LIFE.findIndex((e) => e.kind === kind && (from === undefined || e.from === from));
const without = (...kinds: TraceKind[]): TraceEvent[] =>
  LIFE.filter((e) => !kinds.includes(e.kind));
/** The life with `extra` inserted before the event at `index`. */
const inserted = (index: number, ...extra: TraceEvent[]): TraceEvent[] => [
  ...LIFE.slice(0, index),
  ...extra,
  ...LIFE.slice(index),
];
/** The life with the event at `index` replaced by `e`. */
const replaced = (index: number, e: TraceEvent): TraceEvent[] =>
  LIFE.map((x, i) => (i === index ? e : x));

/** Alice's chats 1 and 2 to Bob shown in the wrong order; Carol's chat 3 keeps its own order. */
const OUT_OF_ORDER: TraceEvent[] = [
  ev(0, 'sent', A, B, 1),
  ev(1, 'sent', A, B, 2),
  ev(2, 'sent', C, B, 3),
  ev(50, 'accepted', A, GW, 1),
  ev(51, 'accepted', A, GW, 2),
  ev(52, 'accepted', C, GW, 3),
  ev(100, 'delivered', C, B, 3),
  ev(100, 'delivered', A, B, 2),
  ev(120, 'delivered', A, B, 1),
];

/** Each row breaks one promise with the smallest change to the life above. */
const BREAKS: [PromiseId, string, TraceEvent[]][] = [
  [
    'time-forward',
    'an event stamped before the one before it',
    inserted(3, ev(10, 'frame', A, GW, 0)),
  ],
  ['known-chat', 'a chat shown that no phone created', without('sent')],
  ['known-chat', 'one chat id created twice', inserted(1, ev(1, 'sent', A, B, 1))],
  [
    'accepted-from-sender',
    '✓ for a chat taken from another phone',
    replaced(1, ev(50, 'accepted', C, GW, 1)),
  ],
  ['gateway-had-it', 'stored before the gateway accepted it', without('accepted')],
  [
    'gateway-had-it',
    'a receipt pushed before the chat was shown',
    inserted(at('delivered'), ev(1000, 'pushed', GW, A, 1)),
  ],
  ['right-phone', 'pushed to a stranger', replaced(at('pushed'), ev(1000, 'pushed', GW, C, 1))],
  [
    'right-phone',
    'shown on a stranger’s phone',
    replaced(at('delivered'), ev(1100, 'delivered', A, C, 1)),
  ],
  ['at-most-once', 'shown a second time', inserted(at('acked'), ev(1150, 'delivered', A, B, 1))],
  [
    'duplicate-of-shown',
    'dropped as a copy before it was shown',
    inserted(at('delivered'), ev(1050, 'duplicate', A, B, 1)),
  ],
  [
    'ack-after-delivery',
    'acked before the phone showed it',
    inserted(at('delivered'), ev(1050, 'acked', B, GW, 1, 'c1')),
  ],
  [
    'delete-after-ack',
    'deleted from the store before the ack',
    inserted(at('delivered'), ev(1050, 'deleted', GW, STORE, 1, 'c1')),
  ],
  ['fetch-what-is-held', 'fetched but never stored', without('stored')],
  [
    'fetch-what-is-held',
    'fetched again after it was deleted',
    inserted(at('read'), ev(1500, 'fetched', STORE, GW, 1, 'c1')),
  ],
  [
    'read-after-delivery',
    'read before it was shown',
    inserted(at('delivered'), ev(1050, 'read', B, A, 1)),
  ],
  ['read-after-delivery', 'read twice', [...LIFE, ev(2200, 'read', B, A, 1)]],
  [
    'receipt-after-cause',
    '✓✓ before the chat was shown',
    inserted(at('delivered'), ev(1050, 'receipt', B, A, 1, 'delivered')),
  ],
  [
    'receipt-after-cause',
    'read receipt before it was read',
    inserted(at('read'), ev(1900, 'receipt', B, A, 1, 'read')),
  ],
  [
    'receipt-after-cause',
    '✓✓ raised twice',
    inserted(at('read'), ev(1900, 'receipt', B, A, 1, 'delivered')),
  ],
  [
    'dead-gateway-silent',
    'a push while the gateway is down',
    inserted(at('fetched'), ev(900, 'crash', GW, GW, 0)),
  ],
  ['per-chat-order', 'a later chat shown before an earlier one', OUT_OF_ORDER],
];

describe('invariant sink', () => {
  it("passes a chat's whole life through the store", () => {
    const sink = checkTrace(LIFE);
    expect(sink.violations).toEqual([]);
  });

  it.each(BREAKS)('catches %s: %s', (promise, _what, trace) => {
    const sink = checkTrace(trace);
    expect(sink.violations.map((v) => v.promise)[0]).toBe(promise);
  });

  it('has a breaking case for every promise it states', () => {
    expect(new Set(BREAKS.map(([p]) => p))).toEqual(new Set(Object.keys(PROMISES)));
  });

  it('per-chat order: a later chat shown first breaks it when the earlier one arrives', () => {
    const v = checkTrace(OUT_OF_ORDER).violations;
    expect(v.map((x) => [x.promise, x.atMs])).toEqual([['per-chat-order', 120]]);
    expect(v[0]!.detail).toBe('chat 1 (u1→u2 #1) shown after #2 of the same chat');
  });

  it('throws at the breaking event by default, naming the promise and the recent history', () => {
    const sink = new InvariantSink();
    const trace = inserted(at('acked'), ev(1150, 'delivered', A, B, 1));
    let thrown: unknown;
    let seen = 0;
    try {
      for (const e of trace) {
        sink.emit(e);
        seen++;
      }
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(InvariantViolation);
    const v = thrown as InvariantViolation;
    expect(seen).toBe(at('acked'));
    expect(v.promise).toBe('at-most-once');
    expect(v.event).toBe('1150 ms delivered u1→u2 msg 1');
    expect(v.message).toContain(PROMISES['at-most-once']);
    expect(v.history[0]).toBe('0 ms sent u1→u2 msg 1 (created)');
    expect(v.history).toContain('60 ms stored gateway→store msg 1 (c1)');
  });

  it('records and carries on when asked to', () => {
    const sink = new InvariantSink({ onViolation: 'record' });
    for (const e of [...LIFE, ev(3000, 'delivered', A, B, 1), ev(3001, 'delivered', A, B, 1)])
      sink.emit(e);
    expect(sink.violations.map((v) => v.promise)).toEqual(['at-most-once', 'at-most-once']);
    expect(sink.ledger.counts(3001).duplicated).toBe(2);
  });
});
