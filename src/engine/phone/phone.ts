import { deliveryWhat, type Envelope } from '../chat/envelope';
import { messageId, simMs, userId } from '../kernel/brand';
import type { Actor, ActorContext } from '../kernel/kernel';
import { createLocalIndex, type LocalIndex } from '../search/local-index';
import { LIMITS } from '../kernel/limits';
import type { Rng } from '../kernel/rng';
import type { ProtocolName, TraceKind } from '../kernel/trace';
import { dropDurationMs, MobileLink, msUntilNextDrop, type LinkQuality } from '../net/mobile-link';
import { createClientTransport } from '../protocols/create-transport';
import type { ClientPort, ClientTransport, ProtocolSettings, WireMeta } from '../protocols/transport';
import { byteLength } from '../protocols/wire-meta';
import { LTE_PROFILE } from '../radio/lte-profile';
import { createRadio, type Radio } from '../radio/radio-model';
import { retryDelayMs } from '../retry/retry-policy';
import { ACTOR, phoneActor } from '../sim/actors';
import type { InputAction, SimMessage } from '../sim/messages';
import { ChatBook } from './chat-book';
import { TRANSPORT_TIMER_OF, transportTimerKey } from './timer-keys';
import { CONNECT_TIMEOUT_MS, type PhoneStatus } from './connection-state';
import type { PhoneEnvironment } from './phone-environment';

type Ctx = ActorContext<SimMessage>;

/**
 * A virtual phone: a user, a transport, a mobile link and an LTE radio. It keeps every message
 * it sent until the receipts come back, resends what the server may have lost, and drops
 * duplicates by message id, so nothing is lost and nothing is shown twice.
 */
export class Phone implements Actor<SimMessage>, ClientPort {
  readonly actor: number;
  status: PhoneStatus = 'offline';
  wantOnline: boolean;
  proto: ProtocolName;
  readonly link: MobileLink;
  readonly radio: Radio;
  lastGatewayEpoch = 0;
  /**
   * When the phone last reconnected to a server that still held its session (-1: never). A ✓
   * message from before then is the server's to deliver; the phone will not send it again.
   */
  resumedAtMs = -1;
  /** Serial of the current connection; frames and timers of older ones are ignored. */
  conn = 0;
  attempt = 0;
  bytesUp = 0;
  bytesDown = 0;
  chats: ChatBook | undefined;
  /** Search over this phone's own decrypted history: the only place search can run. */
  index: LocalIndex | undefined;
  private transport: ClientTransport | undefined;
  private pendingReads: Envelope[] | undefined;
  /** Latest generation of each named timer; an older one firing is ignored. */
  private timerGen: Record<string, number> | undefined;
  private ctx!: Ctx;

  constructor(
    readonly user: number,
    proto: ProtocolName,
    quality: LinkQuality,
    online: boolean,
    readonly rng: Rng,
    private readonly env: PhoneEnvironment,
    /** When the phone was spawned: its energy is per hour of its own life. */
    readonly spawnMs: number,
  ) {
    this.actor = phoneActor(user);
    this.proto = proto;
    this.wantOnline = online;
    this.link = new MobileLink(quality, rng);
    this.radio = createRadio(LTE_PROFILE, spawnMs);
  }

  get now(): number {
    return this.ctx.now;
  }

  get settings(): ProtocolSettings {
    return this.env.settings;
  }

  /** Starts the phone at the time it is spawned. */
  boot(ctx: Ctx): void {
    this.ctx = ctx;
    if (this.link.quality === 'flaky') this.scheduleDrop();
    if (this.wantOnline) this.connect();
  }

  handle(m: SimMessage, ctx: Ctx): void {
    this.ctx = ctx;
    switch (m.type) {
      case 'down':
        return this.onTower(m);
      case 'deliver':
        return this.onDeliver(m.conn, m.chunks, m.close);
      case 'timer':
        return this.onTimerEvent(m.name, m.conn, m.gen);
      case 'input':
        return this.onInput(m.action, m.msg ?? 0);
      default:
        return;
    }
  }

  // ── the link ──────────────────────────────────────────────────────────────────────────────

  private hop(kind: TraceKind, bytes: number, headerBytes: number, arriveT: number, msg = 0, note?: string, wire?: readonly Uint8Array[]): void {
    this.ctx.emit(this.ctx.now, kind, this.actor, ACTOR.gateway, msg, bytes, headerBytes, arriveT, this.proto, note, wire);
  }

  /** An event on this phone itself (no travel). */
  private local(kind: TraceKind, from: number, to: number, msg: number, note?: string, bytes = 0): void {
    this.ctx.emit(this.ctx.now, kind, from, to, msg, bytes, 0, this.ctx.now, this.proto, note);
  }

  transmit(chunks: readonly Uint8Array[], meta: WireMeta): void {
    const bytes = byteLength(chunks);
    this.bytesUp += bytes;
    if (!this.link.up) {
      this.hop('lost', bytes, meta.headerBytes, this.ctx.now, meta.msg ?? 0, 'no network');
      return;
    }
    const promotionMs = this.radio.activity(this.ctx.now);
    const at = this.link.uplinkArrival(this.ctx.now, promotionMs, this.rng);
    this.hop(meta.kind, bytes, meta.headerBytes, at, meta.msg ?? 0, meta.note, this.env.recordWire ? chunks : undefined);
    this.ctx.sendAt(ACTOR.gateway, { type: 'up', user: this.user, conn: this.conn, proto: this.proto, chunks }, at);
  }

  /** Bytes reached the cell tower: the radio wakes (paging) and the link carries them down. */
  private onTower(m: Extract<SimMessage, { type: 'down' }>): void {
    if (!this.link.up) return; // the gateway's send already shows as a hop; it never arrives
    const promotionMs = this.radio.activity(this.ctx.now);
    const at = this.link.downlinkArrival(this.ctx.now, promotionMs, this.rng);
    this.ctx.sendAt(this.actor, { type: 'deliver', conn: m.conn, chunks: m.chunks, close: m.close, proto: m.proto }, at);
  }

  private onDeliver(conn: number, chunks: readonly Uint8Array[], close?: string): void {
    this.bytesDown += byteLength(chunks);
    if (conn !== this.conn || this.transport === undefined) return;
    this.radio.activity(this.ctx.now);
    if (chunks.length > 0) this.transport.onDown(chunks);
    if (close !== undefined && this.transport !== undefined && conn === this.conn) this.closed(close);
  }

  // ── timers ────────────────────────────────────────────────────────────────────────────────

  timer(name: string, atMs: number): void {
    this.phoneTimer(name, atMs, true);
  }

  private phoneTimer(name: string, atMs: number, transport = false): void {
    const key = transport ? transportTimerKey(name) : name;
    const gens = (this.timerGen ??= {});
    const gen = (gens[key] ?? 0) + 1;
    gens[key] = gen;
    this.ctx.sendAt(this.actor, { type: 'timer', name: key, conn: this.conn, gen }, atMs);
  }

  private onTimerEvent(name: string, conn: number, gen: number): void {
    if (this.timerGen?.[name] !== gen) return; // superseded
    const transportTimer = TRANSPORT_TIMER_OF.get(name);
    if (transportTimer !== undefined) {
      if (conn === this.conn) this.transport?.onTimer(transportTimer);
      return;
    }
    switch (name) {
      case 'reconnect':
        if (this.status === 'backoff' && conn === this.conn) this.connect();
        return;
      case 'connect-timeout':
        if (this.status === 'connecting' && conn === this.conn) this.failed('no answer to the connection attempt', 'disconnect');
        return;
      case 'link-drop':
        return this.dropLink();
      case 'link-restore':
        return this.restoreLink();
    }
  }

  // ── connection lifecycle ──────────────────────────────────────────────────────────────────

  private connect(): void {
    if (!this.link.up) {
      this.status = 'no-network';
      return;
    }
    this.conn++;
    this.status = 'connecting';
    this.transport = createClientTransport(this.proto, this);
    this.phoneTimer('connect-timeout', this.ctx.now + CONNECT_TIMEOUT_MS);
    this.transport.start();
  }

  private disconnect(graceful: boolean): void {
    this.transport?.stop(graceful);
    this.transport = undefined;
    this.conn++; // anything still addressed to the old connection is now ignored
  }

  connected(sessionPresent: boolean, gatewayEpoch: number): void {
    this.status = 'online';
    this.attempt = 0;
    const lostSession = !sessionPresent;
    if (sessionPresent) this.resumedAtMs = this.ctx.now;
    if (gatewayEpoch > 0) this.lastGatewayEpoch = gatewayEpoch;
    this.flush(lostSession);
  }

  /** Sends what waits: unconfirmed chats (and, if the server lost our session, ✓-only ones). */
  private flush(includeAccepted: boolean): void {
    const t = this.transport;
    if (t === undefined || this.status !== 'online') return;
    const envs: Envelope[] = [];
    if (this.chats) {
      for (const m of this.chats.unconfirmed(includeAccepted))
        envs.push({ kind: 'chat', msg: m.msg, from: this.user, to: m.to, chatSeq: m.chatSeq, body: m.body });
    }
    if (this.pendingReads) envs.push(...this.pendingReads);
    this.pendingReads = undefined;
    if (envs.length) t.send(envs);
  }

  refused(reason: string): void {
    this.failed(reason, 'refused');
  }

  closed(reason: string): void {
    this.failed(reason, 'disconnect');
  }

  private failed(reason: string, kind: TraceKind): void {
    const wasOnline = this.status === 'online';
    this.disconnect(false);
    this.local(kind, this.actor, this.actor, 0, reason);
    if (!this.wantOnline) {
      this.status = 'offline';
      return;
    }
    if (!this.link.up) {
      this.status = 'no-network';
      return;
    }
    if (wasOnline) this.attempt = 0;
    if (this.attempt >= LIMITS.maxReconnectAttempts) {
      this.status = 'gave-up';
      return;
    }
    const delay = retryDelayMs(this.env.retry, this.attempt, this.rng);
    this.attempt++;
    this.status = 'backoff';
    this.ctx.emit(this.ctx.now, 'retry', this.actor, ACTOR.gateway, 0, 0, 0, this.ctx.now + delay, this.proto, `attempt ${this.attempt} in ${delay} ms`);
    this.phoneTimer('reconnect', this.ctx.now + delay);
  }

  malformed(reason: string): void {
    this.local('rejected', ACTOR.gateway, this.actor, 0, reason);
  }

  // ── what arrives ──────────────────────────────────────────────────────────────────────────

  acceptedByServer(msg: number): void {
    this.chats?.raise(msg, 'sent', this.ctx.now);
  }

  received(env: Envelope, token: number): void {
    const t = this.transport;
    if (env.kind === 'chat') {
      const chats = (this.chats ??= new ChatBook());
      const seen = chats.received.has(env.msg);
      if (!seen) {
        const opened = this.env.body.open(this.user, env.from, env.body);
        chats.addReceived({
          msg: env.msg,
          from: env.from,
          chatSeq: env.chatSeq,
          text: opened.ok ? opened.text : '',
          atMs: this.ctx.now,
          read: false,
          ...(opened.ok ? {} : { error: opened.error }),
        });
        if (!opened.ok) this.malformed(`message ${env.msg}: ${opened.error}`);
        else this.indexMessage(env.msg, env.from, env.from, opened.text);
      }
      this.local(seen ? 'duplicate' : 'delivered', phoneActor(env.from), this.actor, env.msg, this.env.body.encrypted ? 'decrypted on the device' : 'plaintext');
    } else if (env.kind === 'receipt') {
      if (this.chats?.raise(env.msg, env.status, this.ctx.now))
        this.local('receipt', phoneActor(env.by), this.actor, env.msg, env.status);
    } else {
      return;
    }
    t?.ack(env.msg, deliveryWhat(env), token);
  }

  // ── the learner's actions ─────────────────────────────────────────────────────────────────

  private onInput(a: InputAction, msg: number): void {
    switch (a.do) {
      case 'send':
        return this.sendText(msg, a.to, a.text);
      case 'offline':
        this.wantOnline = false;
        if (this.transport) {
          this.local('disconnect', this.actor, this.actor, 0, 'went offline');
        }
        this.disconnect(true);
        this.status = 'offline';
        return;
      case 'online':
        if (this.wantOnline && this.status !== 'gave-up') return;
        this.wantOnline = true;
        this.attempt = 0;
        if (this.transport === undefined) this.connect();
        return;
      case 'open':
        return this.openChat(a.chat);
      case 'link':
        return this.setLink(a.quality);
      case 'protocol':
        if (this.proto === a.protocol) return;
        this.disconnect(true);
        this.proto = a.protocol;
        if (this.wantOnline) this.connect();
        return;
      default:
        return;
    }
  }

  private sendText(msg: number, to: number, text: string): void {
    const chats = (this.chats ??= new ChatBook());
    if (chats.sent.size >= LIMITS.maxOutboxPerPhone) {
      this.malformed(`outbox full (${LIMITS.maxOutboxPerPhone} messages): message not created`);
      return;
    }
    const body = this.env.body.seal(this.user, to, msg, text);
    const m = chats.addSent(msg, to, text, body, this.ctx.now);
    this.indexMessage(msg, to, this.user, text);
    this.local('sent', this.actor, phoneActor(to), msg, 'created', body.length);
    if (this.status === 'online')
      this.transport?.send([{ kind: 'chat', msg, from: this.user, to, chatSeq: m.chatSeq, body }]);
  }

  private indexMessage(msg: number, chatWith: number, from: number, text: string): void {
    (this.index ??= createLocalIndex()).add({ id: messageId(msg), chatWith: userId(chatWith), from: userId(from), text, t: simMs(this.ctx.now) });
  }

  private openChat(peer: number): void {
    const unread = this.chats?.unread(peer) ?? [];
    if (unread.length === 0) return;
    const reads: Envelope[] = [];
    for (const m of unread) {
      m.read = true;
      this.local('read', this.actor, phoneActor(peer), m.msg, 'opened chat');
      reads.push({ kind: 'read', msg: m.msg, from: peer });
    }
    if (this.status === 'online' && this.transport) this.transport.send(reads);
    else (this.pendingReads ??= []).push(...reads);
  }

  private setLink(quality: LinkQuality): void {
    const wasUp = this.link.up;
    this.link.setQuality(quality, this.rng);
    if (wasUp && !this.link.up) this.loseNetwork('network lost');
    else if (!wasUp && this.link.up) this.regainNetwork();
    if (quality === 'flaky') this.scheduleDrop();
  }

  private loseNetwork(reason: string): void {
    if (this.transport) {
      this.disconnect(false);
      this.local('disconnect', this.actor, this.actor, 0, reason);
    }
    if (this.wantOnline) this.status = 'no-network';
  }

  private regainNetwork(): void {
    if (this.wantOnline && this.transport === undefined) {
      this.attempt = 0;
      this.connect();
    }
  }

  private scheduleDrop(): void {
    this.phoneTimer('link-drop', this.ctx.now + msUntilNextDrop(this.rng));
  }

  private dropLink(): void {
    if (this.link.quality !== 'flaky' || !this.link.up) return;
    this.link.up = false;
    this.loseNetwork('mobile network dropped out');
    this.phoneTimer('link-restore', this.ctx.now + dropDurationMs(this.rng));
  }

  private restoreLink(): void {
    if (this.link.quality !== 'flaky') return;
    this.link.up = true;
    this.regainNetwork();
    this.scheduleDrop();
  }
}
