import { chatSender, deliveryKey, encodeEnvelope, type Envelope } from '../chat/envelope';
import type { Actor, ActorContext } from '../kernel/kernel';
import type { ProtocolName } from '../model/protocols';
import type { TraceKind } from '../kernel/trace';
import { CORE_NETWORK_MS } from '../model/latency';
import type { GatewayPort } from '../protocols/server-transport';
import type { ProtocolSettings, WireMeta } from '../protocols/transport';
import { byteLength } from '../protocols/wire-meta';
import { ACTOR, phoneActor } from '../model/actors';
import type { InputAction, SimMessage, StoredItem } from '../model/messages';
import {
  CONN_CLOSED,
  CONN_HANDSHAKE,
  CONN_OPEN,
  newConnection,
  takeInflight,
  type Delivery,
  type GatewayConnection,
} from '../protocols/server-connection';
import { DATACENTER_MS } from '../model/latency';
import { SWEEP_MS, type GatewayConfig } from '../model/gateway-config';
import { CheckWheel } from './check-wheel';
import { ConnectionTable } from './connection-table';
import { LoadMeter, WORK_UNITS } from './load-meter';
import { PendingLookups, SessionMarks } from './routing-state';
import { serverProtocol } from './server-protocols';

type Ctx = ActorContext<SimMessage>;

/** A close with no bytes: shared, never written to. */
const NO_CHUNKS: readonly Uint8Array[] = [];
const NOTHING_WAITING: readonly Delivery[] = [];

/** Figures the gateway keeps about itself for the metrics. */
export interface GatewayStats {
  peakConnections: number;
  refusedConnections: number;
  peakLoad: number;
  crashes: number;
}

/**
 * The chat gateway: it holds every phone's connection, decodes what phones send, acks the
 * sender (✓), asks the session manager where the recipient is, and pushes or stores. It is a
 * router, not a librarian: nothing stays here once the recipient has acked it.
 */
export class Gateway implements Actor<SimMessage>, GatewayPort {
  readonly conns = new ConnectionTable();
  private readonly lookups = new PendingLookups();
  private readonly sessions = new SessionMarks();
  private readonly meter = new LoadMeter();
  private readonly wheel = new CheckWheel(SWEEP_MS);
  private tick = 0;
  epoch = 1;
  crashed = false;
  load = 0;
  readonly stats: GatewayStats = {
    peakConnections: 0,
    refusedConnections: 0,
    peakLoad: 0,
    crashes: 0,
  };
  private ctx!: Ctx;

  constructor(
    readonly config: GatewayConfig,
    private readonly env: {
      settings: ProtocolSettings;
      recordWire: boolean;
      readonly body?: { readonly encrypted: boolean };
    },
  ) {}

  get now(): number {
    return this.ctx.now;
  }

  get settings(): ProtocolSettings {
    return this.env.settings;
  }

  /** Whether chat bodies are end-to-end encrypted (the trace notes what the gateway could read). */
  private get bodiesEncrypted(): boolean {
    return this.env.body?.encrypted ?? false;
  }

  /** Starts the periodic sweep. */
  boot(ctx: Ctx): void {
    this.ctx = ctx;
    ctx.sendAt(
      ACTOR.gateway,
      { type: 'timer', name: 'sweep', conn: 0, gen: this.epoch },
      ctx.now + SWEEP_MS,
    );
  }

  handle(m: SimMessage, ctx: Ctx): void {
    this.ctx = ctx;
    switch (m.type) {
      case 'up':
        return this.onUp(m.user, m.conn, m.proto, m.chunks);
      case 'sm.result':
        return this.onLookupResult(m.req, m.epoch);
      case 'store.batch':
        return this.onStoreBatch(m.user, m.conn, m.epoch, m.items, m.more);
      case 'timer':
        if (m.name === 'boot') return this.boot(ctx);
        if (m.name === 'sweep' && m.gen === this.epoch && !this.crashed) return this.sweep();
        if (m.name === 'restart' && m.gen === this.epoch) return this.restart();
        return;
      case 'input':
        return this.onInput(m.action);
      default:
        return;
    }
  }

  // ── connections ───────────────────────────────────────────────────────────────────────────

  private onUp(
    user: number,
    conn: number,
    proto: ProtocolName,
    chunks: readonly Uint8Array[],
  ): void {
    if (this.crashed) {
      // The process is gone; the host's TCP stack answers with a reset.
      this.down(
        user,
        conn,
        NO_CHUNKS,
        'connection refused: the gateway is down',
        undefined,
        this.ctx.now + CORE_NETWORK_MS,
      );
      return;
    }
    let c = this.conns.get(user);
    if (c !== undefined && c.conn !== conn) {
      if (conn < c.conn) return; // late bytes of a connection the phone already replaced
      // The same user on a new connection: it takes over (MQTT-3.1.4-2 for a repeated client id).
      this.close(c, 'taken over by a new connection', false);
      c = undefined;
    }
    if (c === undefined) {
      c = newConnection(user, conn, proto, this.ctx.now);
      this.conns.set(user, c);
    }
    c.lastHeardMs = this.ctx.now;
    this.meter.add(
      this.ctx.now,
      c.state === CONN_HANDSHAKE ? WORK_UNITS.handshake : WORK_UNITS.control,
    );
    serverProtocol(c.proto).onUp(c, chunks, this);
    if (this.pendingCrash !== undefined) {
      const reason = this.pendingCrash;
      this.pendingCrash = undefined;
      this.crash(reason);
    }
  }

  admit(_c: GatewayConnection): string | undefined {
    const load = this.loadWith(this.heldConnections() + 1, this.ctx.now);
    if (this.config.backpressure && load * 100 >= this.config.thresholdPct) {
      this.stats.refusedConnections++;
      const pct = Math.round(load * 100);
      return `server busy: load ${pct} % is over the ${this.config.thresholdPct} % threshold; retry later`;
    }
    // No backpressure: it takes the connection it cannot afford, and falls over once the
    // protocol has finished with this packet.
    if (!this.config.backpressure && load > 1) this.pendingCrash = overloaded(load);
    return undefined;
  }

  private pendingCrash: string | undefined;

  opened(c: GatewayConnection): boolean {
    c.state = CONN_OPEN;
    this.wheel.schedule(c, this.ctx.now + SWEEP_MS, this.tick);
    const held = this.heldConnections();
    if (held > this.stats.peakConnections) this.stats.peakConnections = held;
    const present = this.sessions.has(c.user);
    this.sessions.mark(c.user);
    this.dc(ACTOR.sessions, {
      type: 'sm.register',
      user: c.user,
      conn: c.conn,
      proto: c.proto,
      epoch: this.epoch,
    });
    // Drain the store before anything live, so the recipient sees each chat in order.
    c.syncing = true;
    this.dc(ACTOR.store, {
      type: 'store.fetch',
      user: c.user,
      afterSeq: 0,
      epoch: this.epoch,
      conn: c.conn,
    });
    return present;
  }

  forget(c: GatewayConnection): void {
    c.state = CONN_CLOSED;
    if (this.conns.get(c.user) === c) this.conns.delete(c.user);
  }

  close(c: GatewayConnection, reason: string, notify: boolean): void {
    if (c.state === CONN_CLOSED) return;
    const wasOpen = c.state === CONN_OPEN;
    c.state = CONN_CLOSED;
    if (this.conns.get(c.user) === c) this.conns.delete(c.user);
    // Whatever the connection still owed goes to the store; what came from the store is still there.
    for (const list of [c.inflight, c.syncHeld, c.waiting])
      if (list)
        for (const d of list) if (!d.fromStore) this.storePut(c.user, d.key, d.msg, d.envelope);
    c.inflight = c.syncHeld = c.waiting = undefined;
    if (notify)
      this.down(c.user, c.conn, NO_CHUNKS, reason, undefined, this.ctx.now + CORE_NETWORK_MS);
    if (wasOpen) {
      this.dc(ACTOR.sessions, {
        type: 'sm.unregister',
        user: c.user,
        conn: c.conn,
        epoch: this.epoch,
      });
      this.trace(
        'disconnect',
        ACTOR.gateway,
        phoneActor(c.user),
        0,
        0,
        this.ctx.now,
        reason,
        c.proto,
      );
    }
  }

  transmit(
    c: GatewayConnection,
    chunks: readonly Uint8Array[],
    meta: WireMeta,
    close?: string,
  ): void {
    const at = this.ctx.now + CORE_NETWORK_MS;
    const bytes = byteLength(chunks);
    this.ctx.emit(
      this.ctx.now,
      meta.kind,
      ACTOR.gateway,
      phoneActor(c.user),
      meta.msg ?? 0,
      bytes,
      meta.headerBytes,
      at,
      c.proto,
      meta.note,
      this.env.recordWire ? chunks : undefined,
    );
    this.down(c.user, c.conn, chunks, close, c.proto, at);
    if (close !== undefined && c.state !== CONN_CLOSED) this.close(c, close, false);
  }

  malformed(c: GatewayConnection, reason: string): void {
    this.trace('rejected', phoneActor(c.user), ACTOR.gateway, 0, 0, this.ctx.now, reason, c.proto);
  }

  /** Chat ids the gateway holds in memory: routing lookups and deliveries owed to connections. */
  heldChatIds(): number[] {
    const out = this.lookups.chatIds();
    for (const c of this.conns.values())
      for (const list of [c.inflight, c.waiting, c.syncHeld])
        if (list) for (const d of list) if (d.key.startsWith('c')) out.push(d.msg);
    return out;
  }

  private heldConnections(): number {
    return this.conns.size;
  }

  // ── routing ───────────────────────────────────────────────────────────────────────────────

  envelope(c: GatewayConnection, env: Envelope, bytes?: Uint8Array): boolean {
    if (c.state !== CONN_OPEN) return false;
    this.meter.add(this.ctx.now, WORK_UNITS.message);
    if (env.kind === 'chat') {
      if (env.from !== c.user) {
        this.malformed(
          c,
          `chat ${env.msg} claims to be from u${env.from} on u${c.user}'s connection`,
        );
        return false;
      }
      // What the gateway could read: with end-to-end encryption, only the routing header.
      this.trace(
        'accepted',
        phoneActor(c.user),
        ACTOR.gateway,
        env.msg,
        0,
        this.ctx.now,
        this.bodiesEncrypted
          ? '✓ body is ciphertext: unreadable here'
          : '✓ body is plaintext: readable here',
        c.proto,
      );
      // A router forwards what it was given; it re-encodes only when the transport batched envelopes.
      this.route(env.to, `c${env.msg}`, env.msg, bytes ?? encodeEnvelope(env));
      return true;
    }
    if (env.kind === 'read') {
      const receipt: Envelope = {
        kind: 'receipt',
        msg: env.msg,
        status: 'read',
        by: c.user,
        to: env.from,
      };
      this.route(env.from, deliveryKey(receipt)!, env.msg, encodeEnvelope(receipt));
      return true;
    }
    return false;
  }

  deviceAck(c: GatewayConnection, key: string): void {
    const d = takeInflight(c, (x) => x.key === key);
    if (d === undefined) return; // an ack for something already settled
    this.trace('acked', phoneActor(c.user), ACTOR.gateway, d.msg, 0, this.ctx.now, key, c.proto);
    if (d.fromStore) {
      this.dc(ACTOR.store, { type: 'store.delete', user: c.user, key });
      this.trace(
        'deleted',
        ACTOR.gateway,
        ACTOR.store,
        d.msg,
        0,
        this.ctx.now + DATACENTER_MS,
        key,
      );
    }
    const sender = key.startsWith('c') ? chatSender(d.envelope) : undefined;
    if (sender !== undefined) {
      const receipt: Envelope = {
        kind: 'receipt',
        msg: d.msg,
        status: 'delivered',
        by: c.user,
        to: sender,
      };
      this.route(sender, deliveryKey(receipt)!, d.msg, encodeEnvelope(receipt));
    }
  }

  private route(recipient: number, key: string, msg: number, envelope: Uint8Array): void {
    const req = this.lookups.add({ recipient, key, msg, envelope });
    this.dc(ACTOR.sessions, { type: 'sm.lookup', req, user: recipient, epoch: this.epoch });
  }

  private onLookupResult(req: number, epoch: number): void {
    if (epoch !== this.epoch || this.crashed) return;
    const l = this.lookups.take(req);
    if (l === undefined) return;
    // The session manager answered; the gateway's own table has the final word on a live socket.
    const c = this.conns.get(l.recipient);
    const online = c !== undefined && c.state === CONN_OPEN;
    this.trace(
      'routed',
      ACTOR.sessions,
      ACTOR.gateway,
      l.msg,
      0,
      this.ctx.now,
      online ? `u${l.recipient} online` : `u${l.recipient} offline`,
    );
    if (!online) return this.storePut(l.recipient, l.key, l.msg, l.envelope);
    const d: Delivery = { key: l.key, msg: l.msg, envelope: l.envelope, fromStore: false, pid: 0 };
    if (c.syncing) (c.syncHeld ??= []).push(d);
    else this.deliver(c, [d]);
  }

  private deliver(c: GatewayConnection, ds: Delivery[]): void {
    (c.waiting ??= []).push(...ds);
    serverProtocol(c.proto).push(c, this);
  }

  takeWaiting(c: GatewayConnection): readonly Delivery[] {
    const ds = c.waiting;
    if (ds === undefined) return NOTHING_WAITING;
    c.waiting = undefined;
    if (ds.length) (c.inflight ??= []).push(...ds);
    return ds;
  }

  private storePut(recipient: number, key: string, msg: number, envelope: Uint8Array): void {
    this.dc(ACTOR.store, { type: 'store.put', recipient, key, msg, envelope });
    this.trace(
      'stored',
      ACTOR.gateway,
      ACTOR.store,
      key.startsWith('c') ? msg : 0,
      envelope.length,
      this.ctx.now + DATACENTER_MS,
      key,
    );
  }

  private onStoreBatch(
    user: number,
    conn: number,
    epoch: number,
    items: StoredItem[],
    more: boolean,
  ): void {
    if (epoch !== this.epoch || this.crashed) return;
    const c = this.conns.get(user);
    if (c === undefined || c.conn !== conn || c.state !== CONN_OPEN) return; // still in the store
    let cursor = 0;
    if (items.length) {
      const ds: Delivery[] = [];
      for (const it of items) {
        this.trace(
          'fetched',
          ACTOR.store,
          ACTOR.gateway,
          it.key.startsWith('c') ? it.msg : 0,
          it.envelope.length,
          this.ctx.now,
          it.key,
        );
        ds.push({ key: it.key, msg: it.msg, envelope: it.envelope, fromStore: true, pid: 0 });
        cursor = it.seq;
      }
      this.deliver(c, ds);
    }
    if (more) {
      this.dc(ACTOR.store, {
        type: 'store.fetch',
        user,
        afterSeq: cursor,
        epoch: this.epoch,
        conn,
      });
      return;
    }
    c.syncing = false;
    const held = c.syncHeld;
    c.syncHeld = undefined;
    if (held?.length) this.deliver(c, held);
    else serverProtocol(c.proto).push(c, this);
  }

  // ── time, load and crashes ────────────────────────────────────────────────────────────────

  recheck(c: GatewayConnection, atMs: number): void {
    this.wheel.schedule(c, atMs, this.tick);
  }

  private sweep(): void {
    const now = this.ctx.now;
    this.tick = this.wheel.tickOf(now);
    for (const c of this.wheel.take(this.tick)) {
      // An open connection is always the one in the table (close, forget and crash all set
      // CLOSED), so the state alone says whether this entry is stale.
      if (c.state !== CONN_OPEN) continue;
      const next = serverProtocol(c.proto).sweep(c, this);
      if (c.state === CONN_OPEN) this.wheel.schedule(c, next, this.tick);
    }
    const load = this.loadWith(this.conns.size, now);
    this.load = load;
    if (load > this.stats.peakLoad) this.stats.peakLoad = load;
    if (!this.config.backpressure && load > 1) return this.crash(overloaded(load));
    this.ctx.sendAt(
      ACTOR.gateway,
      { type: 'timer', name: 'sweep', conn: 0, gen: this.epoch },
      now + SWEEP_MS,
    );
  }

  /**
   * Load at `nowMs`, as the sweep computes it (connections held ÷ max, work in the last second ÷
   * capacity): the figure the page shows, fresh rather than as of the last sweep. Reading it changes
   * nothing the run will see (the meter only forgets buckets older than `nowMs`'s second).
   */
  loadAt(nowMs: number): number {
    return this.crashed ? 0 : this.loadWith(this.conns.size, nowMs);
  }

  /** The load formula (one definition): the larger of connections ÷ max and work ÷ capacity. */
  private loadWith(connections: number, nowMs: number): number {
    return Math.max(
      connections / this.config.maxConnections,
      this.meter.rate(nowMs) / this.config.workPerSec,
    );
  }

  /** The process dies: every connection drops, everything in memory is gone. */
  crash(reason: string): void {
    if (this.crashed) return;
    this.crashed = true;
    this.stats.crashes++;
    this.trace('crash', ACTOR.gateway, ACTOR.gateway, 0, 0, this.ctx.now, reason);
    for (const c of this.conns.values())
      this.down(
        c.user,
        c.conn,
        NO_CHUNKS,
        'gateway crashed',
        undefined,
        this.ctx.now + CORE_NETWORK_MS,
      );
    this.conns.clear();
    this.wheel.clear();
    this.lookups.clear();
    this.sessions.clear();
    this.meter.reset();
    this.load = 0;
    this.dc(ACTOR.sessions, { type: 'sm.gateway-down', epoch: this.epoch });
    this.epoch++;
    this.ctx.sendAt(
      ACTOR.gateway,
      { type: 'timer', name: 'restart', conn: 0, gen: this.epoch },
      this.ctx.now + this.config.restartMs,
    );
  }

  private restart(): void {
    this.crashed = false;
    this.trace(
      'restart',
      ACTOR.gateway,
      ACTOR.gateway,
      0,
      0,
      this.ctx.now,
      `incarnation ${this.epoch}`,
    );
    this.ctx.sendAt(
      ACTOR.gateway,
      { type: 'timer', name: 'sweep', conn: 0, gen: this.epoch },
      this.ctx.now + SWEEP_MS,
    );
  }

  private onInput(a: InputAction): void {
    if (a.do === 'crash') return this.crash('crashed by the learner');
    if (a.do === 'gateway') {
      if (a.maxConnections !== undefined) this.config.maxConnections = a.maxConnections;
      if (a.workPerSec !== undefined) this.config.workPerSec = a.workPerSec;
      if (a.backpressure !== undefined) this.config.backpressure = a.backpressure;
      if (a.thresholdPct !== undefined) this.config.thresholdPct = a.thresholdPct;
    }
  }

  // ── helpers ───────────────────────────────────────────────────────────────────────────────

  /** Bytes (or just a close) towards a phone's cell tower; every 'down' has one shape. */
  private down(
    user: number,
    conn: number,
    chunks: readonly Uint8Array[],
    close: string | undefined,
    proto: ProtocolName | undefined,
    atMs: number,
  ): void {
    this.ctx.sendAt(phoneActor(user), { type: 'down', conn, chunks, close, proto }, atMs);
  }

  private dc(to: number, m: SimMessage): void {
    this.ctx.sendAt(to, m, this.ctx.now + DATACENTER_MS);
  }

  private trace(
    kind: TraceKind,
    from: number,
    to: number,
    msg: number,
    bytes: number,
    arriveAtMs: number,
    note?: string,
    proto?: ProtocolName,
  ): void {
    this.ctx.emit(this.ctx.now, kind, from, to, msg, bytes, 0, arriveAtMs, proto, note);
  }
}

/** Why a gateway without backpressure fell over (the crash text, one definition). */
const overloaded = (load: number): string =>
  `overloaded at ${Math.round(load * 100)} % with backpressure off`;
