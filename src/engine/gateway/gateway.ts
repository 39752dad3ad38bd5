import type { Envelope } from '../chat/envelope';
import type { Actor, ActorContext } from '../kernel/kernel';
import type { ProtocolName } from '../model/protocols';
import type { TraceKind } from '../kernel/trace';
import { CORE_NETWORK_MS, DATACENTER_MS } from '../model/latency';
import type { GatewayPort } from '../protocols/server-transport';
import type { ProtocolSettings, WireMeta } from '../protocols/transport';
import { byteLength } from '../protocols/wire-meta';
import { ACTOR, phoneActor } from '../model/actors';
import type { InputAction, SimMessage } from '../model/messages';
import {
  CONN_CLOSED,
  CONN_HANDSHAKE,
  CONN_OPEN,
  newConnection,
  type Delivery,
  type GatewayConnection,
} from '../protocols/server-connection';
import { SWEEP_MS, type GatewayConfig } from '../model/gateway-config';
import { Admission, emptyStats, type GatewayStats } from './admission';
import { CheckWheel } from './check-wheel';
import { ConnectionTable } from './connection-table';
import { WORK_UNITS } from './load-meter';
import { Router, type RouterHost } from './router';
import { SessionMarks } from './routing-state';
import { serverProtocol } from './server-protocols';

export type { GatewayStats } from './admission';

type Ctx = ActorContext<SimMessage>;

/** A close with no bytes: shared, never written to. */
const NO_CHUNKS: readonly Uint8Array[] = [];

/**
 * The chat gateway: it holds every phone's connection and runs its protocols, decides which new
 * connections it can afford (Admission), and hands what phones send to its Router, which acks the
 * sender (✓), asks the session manager where the recipient is, and pushes or stores.
 */
export class Gateway implements Actor<SimMessage>, GatewayPort, RouterHost {
  readonly conns = new ConnectionTable();
  private readonly sessions = new SessionMarks();
  private readonly router = new Router(this);
  private readonly wheel = new CheckWheel(SWEEP_MS);
  private tick = 0;
  epoch = 1;
  crashed = false;
  load = 0;
  readonly stats: GatewayStats = emptyStats();
  private readonly admission: Admission;
  private ctx!: Ctx;

  constructor(
    readonly config: GatewayConfig,
    private readonly env: {
      settings: ProtocolSettings;
      recordWire: boolean;
      readonly body?: { readonly encrypted: boolean };
    },
  ) {
    this.admission = new Admission(config, this.stats);
  }

  get port(): GatewayPort {
    return this;
  }

  get now(): number {
    return this.ctx.now;
  }

  get settings(): ProtocolSettings {
    return this.env.settings;
  }

  /** Whether chat bodies are end-to-end encrypted (the trace notes what the gateway could read). */
  get bodiesEncrypted(): boolean {
    return this.env.body?.encrypted ?? false;
  }

  /** Starts the periodic sweep. */
  boot(ctx: Ctx): void {
    this.ctx = ctx;
    this.wake('sweep', ctx.now + SWEEP_MS);
  }

  handle(m: SimMessage, ctx: Ctx): void {
    this.ctx = ctx;
    switch (m.type) {
      case 'up':
        return this.onUp(m.user, m.conn, m.proto, m.chunks);
      case 'sm.result':
        return this.router.onLookupResult(m.req, m.epoch);
      case 'store.batch':
        return this.router.onStoreBatch(m.user, m.conn, m.epoch, m.items, m.more);
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
    if (chunks.length === 0) return this.onFin(user, conn);
    if (this.crashed) {
      // The process is gone; the host's TCP stack answers with a reset.
      this.reset(user, conn, 'connection refused: the gateway is down');
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
    // A connection still in its handshake is charged by admission: a full handshake if taken,
    // only the accept and close if refused.
    if (c.state !== CONN_HANDSHAKE) this.charge(WORK_UNITS.control);
    serverProtocol(c.proto).onUp(c, chunks, this);
    if (this.pendingCrash !== undefined) {
      const reason = this.pendingCrash;
      this.pendingCrash = undefined;
      this.crash(reason);
    }
  }

  /** The phone's TCP FIN: it closed the connection (during set-up, before any goodbye). */
  private onFin(user: number, conn: number): void {
    const c = this.conns.get(user);
    if (c !== undefined && c.conn === conn) this.close(c, 'the phone closed the connection', false);
  }

  admit(_c: GatewayConnection): string | undefined {
    // The table already holds the new connection (onUp put it there): count it once.
    const verdict = this.admission.admit(this.heldConnections(), this.ctx.now);
    if (verdict.crash !== undefined) this.pendingCrash = verdict.crash;
    return verdict.refusal;
  }

  private pendingCrash: string | undefined;

  opened(c: GatewayConnection): boolean {
    c.state = CONN_OPEN;
    this.wheel.schedule(c, this.ctx.now + SWEEP_MS, this.tick);
    const held = this.heldConnections();
    if (held > this.stats.peakConnections) this.stats.peakConnections = held;
    this.admission.noteConnect(this.ctx.now);
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
        for (const d of list)
          if (!d.fromStore) this.router.storePut(c.user, d.key, d.msg, d.envelope);
    c.inflight = c.syncHeld = c.waiting = undefined;
    if (notify) this.reset(c.user, c.conn, reason);
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
    this.down(c.user, c.conn, chunks, close, c.proto, at, meta.msg ?? 0);
    if (close !== undefined && c.state !== CONN_CLOSED) this.close(c, close, false);
  }

  malformed(c: GatewayConnection, reason: string): void {
    this.trace('rejected', phoneActor(c.user), ACTOR.gateway, 0, 0, this.ctx.now, reason, c.proto);
  }

  /** Chat ids the gateway holds in memory: routing lookups and deliveries owed to connections. */
  heldChatIds(): number[] {
    const out = this.router.chatIds();
    for (const c of this.conns.values())
      for (const list of [c.inflight, c.waiting, c.syncHeld])
        if (list) for (const d of list) if (d.key.startsWith('c')) out.push(d.msg);
    return out;
  }

  private heldConnections(): number {
    return this.conns.size;
  }

  // ── routing (the router's job; the protocols reach it through the gateway's port) ─────────

  envelope(c: GatewayConnection, env: Envelope, bytes?: Uint8Array): boolean {
    return this.router.envelope(c, env, bytes);
  }

  deviceAck(c: GatewayConnection, key: string): void {
    this.router.deviceAck(c, key);
  }

  takeWaiting(c: GatewayConnection): readonly Delivery[] {
    return this.router.takeWaiting(c);
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
    const { load, crash } = this.admission.measure(this.conns.size, now);
    this.load = load;
    if (crash !== undefined) return this.crash(crash);
    this.wake('sweep', now + SWEEP_MS);
  }

  /**
   * Load at `nowMs`, as the sweep computes it (connections held ÷ max, work in the last second ÷
   * capacity): the figure the page shows, fresh rather than as of the last sweep. Reading it changes
   * nothing the run will see (the meter only forgets buckets older than `nowMs`'s second).
   */
  loadAt(nowMs: number): number {
    return this.crashed ? 0 : this.admission.loadWith(this.conns.size, nowMs);
  }

  /** The process dies: every connection drops, everything in memory is gone. */
  crash(reason: string): void {
    if (this.crashed) return;
    this.crashed = true;
    this.stats.crashes++;
    this.trace('crash', ACTOR.gateway, ACTOR.gateway, 0, 0, this.ctx.now, reason);
    for (const c of this.conns.values()) this.reset(c.user, c.conn, 'gateway crashed');
    this.conns.clear();
    this.wheel.clear();
    this.router.clear();
    this.sessions.clear();
    this.admission.reset();
    this.load = 0;
    this.dc(ACTOR.sessions, { type: 'sm.gateway-down', epoch: this.epoch });
    this.epoch++;
    this.wake('restart', this.ctx.now + this.config.restartMs);
  }

  private restart(): void {
    this.crashed = false;
    const g = ACTOR.gateway;
    this.trace('restart', g, g, 0, 0, this.ctx.now, `incarnation ${this.epoch}`);
    this.wake('sweep', this.ctx.now + SWEEP_MS);
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

  /** A close with no bytes towards a phone. */
  private reset(user: number, conn: number, reason: string): void {
    this.down(user, conn, NO_CHUNKS, reason, undefined, this.ctx.now + CORE_NETWORK_MS, 0);
  }

  /** Bytes (or just a close) towards a phone's cell tower; every 'down' has one shape. */
  private down(
    user: number,
    conn: number,
    chunks: readonly Uint8Array[],
    close: string | undefined,
    proto: ProtocolName | undefined,
    atMs: number,
    msg: number,
  ): void {
    this.ctx.sendAt(phoneActor(user), { type: 'down', conn, chunks, close, proto, msg }, atMs);
  }

  /** A timer of this incarnation to itself. */
  private wake(name: 'sweep' | 'restart', atMs: number): void {
    this.ctx.sendAt(ACTOR.gateway, { type: 'timer', name, conn: 0, gen: this.epoch }, atMs);
  }

  /** Work done now, charged to the load meter. */
  charge(units: number): void {
    this.admission.charge(this.ctx.now, units);
  }

  dc(to: number, m: SimMessage): void {
    this.ctx.sendAt(to, m, this.ctx.now + DATACENTER_MS);
  }

  trace(
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
