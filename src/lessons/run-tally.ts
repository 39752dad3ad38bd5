/**
 * What checkpoints and predictions read: the run's state and counts, kept up to date from every
 * trace event as it happens (never from the page's bounded log). It keeps per-message state and
 * counters, never the events themselves.
 */
import { ACTOR, isPhoneActor, userOfActor } from '../engine/model/actors';
import { PROTOCOLS, type ProtocolName } from '../engine/model/protocols';
import type { TraceEvent, TraceSink } from '../engine/kernel/trace';

/** One chat message's life, as the trace told it. */
export interface MessageLife {
  readonly from: number;
  readonly to: number;
  readonly sentAtMs: number;
  /** 0 created, 1 ✓ (the server has it), 2 ✓✓ (delivered), 3 read: what the sender's phone shows. */
  tick: 0 | 1 | 2 | 3;
  deliveredAtMs: number | undefined;
  /** Position among all first deliveries of the run (same-millisecond arrivals keep their order). */
  deliveredSeq: number;
  /** Times the recipient's phone showed it as new (more than 1 is a duplicate on screen). */
  shown: number;
  storedAtMs: number | undefined;
  fetchedAtMs: number | undefined;
  ackedAtMs: number | undefined;
  deletedAtMs: number | undefined;
}

type PerProtocol = Record<ProtocolName | 'all', number>;
const perProtocol = (): PerProtocol =>
  Object.fromEntries([...PROTOCOLS, 'all'].map((p) => [p, 0])) as PerProtocol;

/** Counters that only grow; a step's measures are these minus their value when it started. */
export interface Counters {
  readonly bytes: PerProtocol;
  readonly headerBytes: PerProtocol;
  readonly payloadBytes: PerProtocol;
  readonly requests: PerProtocol;
  readonly deliveredOn: PerProtocol;
  sent: number;
  delivered: number;
  stored: number;
  refusals: number;
  connections: number;
  retries: number;
  crashes: number;
  duplicatesDropped: number;
  readableBodies: number;
}

const emptyCounters = (): Counters => ({
  bytes: perProtocol(),
  headerBytes: perProtocol(),
  payloadBytes: perProtocol(),
  requests: perProtocol(),
  deliveredOn: perProtocol(),
  sent: 0,
  delivered: 0,
  stored: 0,
  refusals: 0,
  connections: 0,
  retries: 0,
  crashes: 0,
  duplicatesDropped: 0,
  readableBodies: 0,
});

export function copyCounters(c: Counters): Counters {
  return {
    ...c,
    bytes: { ...c.bytes },
    headerBytes: { ...c.headerBytes },
    payloadBytes: { ...c.payloadBytes },
    requests: { ...c.requests },
    deliveredOn: { ...c.deliveredOn },
  };
}

export class RunTally implements TraceSink {
  readonly borrows = true;
  readonly messages = new Map<number, MessageLife>();
  /** Message ids per recipient, in creation order (predicates about one user read only these). */
  readonly toUser = new Map<number, number[]>();
  readonly counters = emptyCounters();
  /** Users whose phone holds a connection to the gateway. */
  readonly online = new Set<number>();
  /** Chat messages the store holds now, per recipient (a set: a message stored again is one). */
  readonly inStore = new Map<number, Set<number>>();
  /** (creation time, latency) of every delivered message, in delivery order. */
  readonly latencies: [number, number][] = [];
  /** Phones that have asked for a connection and do not hold one yet. */
  readonly waiting = new Set<number>();
  lastConnectAtMs = 0;
  nowMs = 0;

  emit(ev: TraceEvent): void {
    this.nowMs = ev.atMs;
    const c = this.counters;
    if (ev.bytes > 0 && ev.proto !== undefined) {
      const up = isPhoneActor(ev.from) && ev.to === ACTOR.gateway;
      const down = ev.from === ACTOR.gateway && isPhoneActor(ev.to);
      if (up || down) {
        for (const p of [ev.proto, 'all'] as const) {
          c.bytes[p] += ev.bytes;
          c.headerBytes[p] += ev.headerBytes;
          c.payloadBytes[p] += ev.bytes - ev.headerBytes;
          if (up) c.requests[p]++;
        }
      }
    }
    switch (ev.kind) {
      case 'ping':
      case 'frame':
        return;
      case 'sent':
        if (!this.messages.has(ev.msg)) {
          c.sent++;
          this.messages.set(ev.msg, {
            from: userOfActor(ev.from),
            to: userOfActor(ev.to),
            sentAtMs: ev.atMs,
            tick: 0,
            deliveredAtMs: undefined,
            deliveredSeq: 0,
            shown: 0,
            storedAtMs: undefined,
            fetchedAtMs: undefined,
            ackedAtMs: undefined,
            deletedAtMs: undefined,
          });
          const to = userOfActor(ev.to);
          const ids = this.toUser.get(to);
          if (ids) ids.push(ev.msg);
          else this.toUser.set(to, [ev.msg]);
        }
        return;
      case 'accepted': {
        const m = this.messages.get(ev.msg);
        if (ev.from === ACTOR.gateway && m && m.tick < 1) m.tick = 1;
        // The gateway says whether the body it took could be read there (encryption off).
        if (ev.to === ACTOR.gateway && ev.note?.includes('plaintext')) c.readableBodies++;
        return;
      }
      case 'delivered': {
        const m = this.messages.get(ev.msg);
        if (!m) return;
        m.shown++;
        if (m.deliveredAtMs === undefined) {
          m.deliveredAtMs = ev.atMs;
          m.deliveredSeq = ++c.delivered;
          if (ev.proto) {
            c.deliveredOn[ev.proto]++;
            c.deliveredOn.all++;
          }
          this.latencies.push([m.sentAtMs, ev.atMs - m.sentAtMs]);
        }
        return;
      }
      case 'receipt': {
        const m = this.messages.get(ev.msg);
        const level = ev.note === 'read' ? 3 : ev.note === 'delivered' ? 2 : 0;
        if (m && level > m.tick) m.tick = level;
        return;
      }
      case 'stored':
      case 'fetched':
      case 'deleted':
        this.storeEvent(ev);
        return;
      case 'acked': {
        const m = this.messages.get(ev.msg);
        if (m && ev.note?.startsWith('c') && m.ackedAtMs === undefined) m.ackedAtMs = ev.atMs;
        return;
      }
      case 'duplicate':
        c.duplicatesDropped++;
        return;
      case 'connect':
        if (isPhoneActor(ev.from) && ev.to === ACTOR.gateway)
          this.waiting.add(userOfActor(ev.from));
        else if (ev.from === ACTOR.gateway && isPhoneActor(ev.to)) {
          const u = userOfActor(ev.to);
          c.connections++;
          this.online.add(u);
          this.waiting.delete(u);
          this.lastConnectAtMs = ev.atMs;
        }
        return;
      case 'disconnect':
        if (isPhoneActor(ev.to) && (ev.from === ev.to || ev.from === ACTOR.gateway)) {
          const u = userOfActor(ev.to);
          this.online.delete(u);
          // A phone taken offline on purpose no longer wants a connection.
          if (ev.note === 'went offline' || ev.note?.startsWith('lost signal'))
            this.waiting.delete(u);
        }
        return;
      case 'refused':
        if (ev.from === ACTOR.gateway) c.refusals++;
        return;
      case 'retry':
        c.retries++;
        if (isPhoneActor(ev.from)) this.waiting.add(userOfActor(ev.from));
        return;
      case 'crash':
        c.crashes++;
        return;
      default:
        return;
    }
  }

  private storeEvent(ev: TraceEvent): void {
    // Store keys: c12 is chat 12; d12 / r12 are its receipts, which are not chats.
    if (!ev.note?.startsWith('c')) return;
    const m = this.messages.get(ev.msg);
    if (!m) return;
    let held = this.inStore.get(m.to);
    if (!held) this.inStore.set(m.to, (held = new Set()));
    if (ev.kind === 'stored') {
      if (m.storedAtMs === undefined) this.counters.stored++;
      m.storedAtMs ??= ev.atMs;
      held.add(ev.msg);
    } else if (ev.kind === 'fetched') m.fetchedAtMs ??= ev.atMs;
    else {
      m.deletedAtMs ??= ev.atMs;
      held.delete(ev.msg);
    }
  }

  /** The messages sent to `user`, in creation order. */
  *messagesTo(user: number): Iterable<[number, MessageLife]> {
    for (const id of this.toUser.get(user) ?? []) yield [id, this.messages.get(id)!];
  }

  /** Chat messages the store holds for `user` (everyone when null). */
  storedFor(user: number | null): number {
    if (user !== null) return this.inStore.get(user)?.size ?? 0;
    let n = 0;
    for (const held of this.inStore.values()) n += held.size;
    return n;
  }
}
