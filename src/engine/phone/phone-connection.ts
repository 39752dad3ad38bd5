import type { Envelope } from '../chat/envelope';
import type { ActorContext } from '../kernel/kernel';
import type { Rng } from '../kernel/rng';
import type { ProtocolName } from '../model/protocols';
import type { TraceKind } from '../kernel/trace';
import {
  dropDurationMs,
  msUntilNextDrop,
  setLinkQuality,
  uplinkArrival,
  type LinkProfile,
  type LinkState,
} from '../net/mobile-link';
import { type LinkQuality } from '../model/link-quality';
import { createClientTransport } from '../protocols/create-transport';
import type {
  ClientPort,
  ClientTransport,
  ProtocolSettings,
  WireMeta,
} from '../protocols/transport';
import { byteLength } from '../protocols/wire-meta';
import { LTE_PROFILE } from '../radio/lte-profile';
import {
  radioActivity,
  radioOver,
  startRadioClock,
  type Radio,
  type RadioClock,
} from '../radio/radio-model';
import { givesUp, retryDelayMs } from '../retry/retry-policy';
import { ACTOR, phoneActor } from '../model/actors';
import type { SimMessage } from '../model/messages';
import { CONNECT_TIMEOUT_MS, type PhoneStatus } from './connection-state';
import type { PhoneEnvironment } from './phone-environment';
import { TimerGenerations } from './timer-generations';
import { phoneTimerKey, timerOfKey, transportTimerKey, type TimerKey } from './timer-keys';

export type Ctx = ActorContext<SimMessage>;
type TimerMessage = Extract<SimMessage, { type: 'timer' }>;

/**
 * A phone's network side: its transport, mobile link, LTE radio and timers, and the connection's
 * life (connect, fail, back off, reconnect, lose and regain the network). What the user sees —
 * chats, receipts, search, the learner's actions — is `Phone`, built on this.
 */
export abstract class PhoneConnection
  extends TimerGenerations
  implements ClientPort, LinkState, RadioClock
{
  // Field order is memory order: what a packet touches comes first, so an idle phone's keep-alive
  // reads two or three cache lines of the phone, not all six. The link's and the radio's numbers
  // live here, not in objects of their own, for the same reason: measured with `npm run bench --
  // engine` in one sitting, the radio as its own object costs 985 B of heap per idle phone
  // against 954 B here, and ran the 20,000 idle phones at 0.26× of the bare loop against 0.34×.
  protected ctx!: Ctx;
  /** Serial of the current connection; frames and timers of older ones are ignored. */
  conn = 0;
  protected transport: ClientTransport | undefined;
  readonly actor: number;
  readonly user: number;
  linkUp = true;
  linkLatencyMs = 0;
  linkProfile!: LinkProfile;
  linkLastUpMs = 0;
  linkLastDownMs = 0;
  readonly rng: Rng;
  protected readonly environment: PhoneEnvironment;
  proto: ProtocolName;
  radioConnectedFromMs = 0;
  radioTailStartMs = 0;
  radioSettledMs = 0;
  radioPromotingMs = 0;
  radioTailMs = 0;
  radioSecondTailMs = 0;
  radioIdleMs = 0;
  radioPromotions = 0;
  bytesUp = 0;
  bytesDown = 0;
  /** The transport timer message being handled: re-armed from its own firing, it is sent again. */
  private firing: TimerMessage | undefined;
  status: PhoneStatus = 'offline';
  wantOnline: boolean;
  linkQuality: LinkQuality = 'good';
  lastGatewayEpoch = 0;
  /**
   * When the phone last reconnected to a server that still held its session (-1: never). A ✓
   * message from before then is the server's to deliver; the phone will not send it again.
   */
  resumedAtMs = -1;
  attempt = 0;
  /** The last retry delay drawn (decorrelated jitter grows from it). */
  retryMs = 0;
  /** When the phone was spawned: its energy is per hour of its own life. */
  readonly spawnMs: number;

  constructor(
    user: number,
    proto: ProtocolName,
    quality: LinkQuality,
    online: boolean,
    rng: Rng,
    env: PhoneEnvironment,
    spawnMs: number,
  ) {
    super();
    this.actor = phoneActor(user);
    this.user = user;
    this.rng = rng;
    this.environment = env;
    this.proto = proto;
    this.wantOnline = online;
    this.spawnMs = spawnMs;
    setLinkQuality(this, quality, rng);
    startRadioClock(this, spawnMs);
  }

  /** The link as the playground shows it. */
  get link(): { readonly quality: LinkQuality; readonly up: boolean } {
    return { quality: this.linkQuality, up: this.linkUp };
  }

  /** The radio, for reports (energy, state). */
  get radio(): Radio {
    return radioOver(this, LTE_PROFILE);
  }

  get now(): number {
    return this.ctx.now;
  }

  get settings(): ProtocolSettings {
    return this.environment.settings;
  }

  /** Starts the phone at the time it is spawned. */
  boot(ctx: Ctx): void {
    this.ctx = ctx;
    if (this.linkQuality === 'flaky') this.scheduleDrop();
    if (this.wantOnline) this.connect();
  }

  /** An envelope from the server (a chat, a receipt); `token` is what the transport's ack echoes. */
  abstract received(env: Envelope, token: number): void;
  abstract acceptedByServer(msg: number): void;
  /** The connection is up: send what waits (with ✓-only chats too when the server lost our session). */
  protected abstract flush(includeAccepted: boolean): void;

  // ── the link ──────────────────────────────────────────────────────────────────────────────

  protected hop(
    kind: TraceKind,
    bytes: number,
    headerBytes: number,
    arriveAtMs: number,
    msg = 0,
    note?: string,
    wire?: readonly Uint8Array[],
  ): void {
    this.ctx.emit(
      this.ctx.now,
      kind,
      this.actor,
      ACTOR.gateway,
      msg,
      bytes,
      headerBytes,
      arriveAtMs,
      this.proto,
      note,
      wire,
    );
  }

  /** An event on this phone itself (no travel). */
  protected local(
    kind: TraceKind,
    from: number,
    to: number,
    msg: number,
    note?: string,
    bytes = 0,
  ): void {
    this.ctx.emit(this.ctx.now, kind, from, to, msg, bytes, 0, this.ctx.now, this.proto, note);
  }

  transmit(chunks: readonly Uint8Array[], meta: WireMeta): void {
    const bytes = byteLength(chunks);
    this.bytesUp += bytes;
    if (!this.linkUp) {
      this.hop('lost', bytes, meta.headerBytes, this.ctx.now, meta.msg ?? 0, 'no network');
      return;
    }
    const promotionMs = radioActivity(this, LTE_PROFILE, this.ctx.now);
    const at = uplinkArrival(this, this.ctx.now, promotionMs, this.rng);
    this.hop(
      meta.kind,
      bytes,
      meta.headerBytes,
      at,
      meta.msg ?? 0,
      meta.note,
      this.environment.recordWire ? chunks : undefined,
    );
    this.ctx.sendAt(
      ACTOR.gateway,
      { type: 'up', user: this.user, conn: this.conn, proto: this.proto, chunks },
      at,
    );
  }

  protected onDeliver(conn: number, chunks: readonly Uint8Array[], close?: string): void {
    this.bytesDown += byteLength(chunks);
    if (conn !== this.conn || this.transport === undefined) return;
    radioActivity(this, LTE_PROFILE, this.ctx.now);
    if (chunks.length > 0) this.transport.onDown(chunks);
    if (close !== undefined && this.transport !== undefined && conn === this.conn)
      this.closed(close);
  }

  // ── timers ────────────────────────────────────────────────────────────────────────────────

  timer(name: string, atMs: number): void {
    this.setTimer(transportTimerKey(name), atMs);
  }

  protected phoneTimer(name: string, atMs: number): void {
    this.setTimer(phoneTimerKey(name), atMs);
  }

  private setTimer(k: TimerKey, atMs: number): void {
    const gen = this.genOf(k.slot) + 1;
    this.setGen(k.slot, gen);
    const again = this.firing;
    if (again !== undefined && again.name === k.key) {
      // The kernel keeps no handled message, so the one that fired carries the next firing:
      // an idle phone's keep-alive then allocates nothing that lives a whole minute.
      this.firing = undefined;
      again.conn = this.conn;
      again.gen = gen;
      this.ctx.sendAt(this.actor, again, atMs);
      return;
    }
    this.ctx.sendAt(this.actor, { type: 'timer', name: k.key, conn: this.conn, gen }, atMs);
  }

  protected onTimerEvent(m: TimerMessage): void {
    const k = timerOfKey(m.name);
    if (k === undefined || this.genOf(k.slot) !== m.gen) return; // superseded
    if (k.transport !== undefined) {
      if (m.conn !== this.conn || this.transport === undefined) return;
      this.firing = m;
      this.transport.onTimer(k.transport);
      this.firing = undefined;
      return;
    }
    const conn = m.conn;
    switch (m.name) {
      case 'reconnect':
        if (this.status === 'backoff' && conn === this.conn) this.connect();
        return;
      case 'connect-timeout':
        if (this.status === 'connecting' && conn === this.conn)
          this.failed('no answer to the connection attempt', 'disconnect');
        return;
      case 'link-drop':
        return this.dropLink();
      case 'link-restore':
        return this.restoreLink();
    }
  }

  // ── connection lifecycle ──────────────────────────────────────────────────────────────────

  protected connect(): void {
    if (!this.linkUp) {
      this.status = 'no-network';
      return;
    }
    this.conn++;
    this.status = 'connecting';
    this.transport = createClientTransport(this.proto, this);
    this.phoneTimer('connect-timeout', this.ctx.now + CONNECT_TIMEOUT_MS);
    this.transport.start();
  }

  protected disconnect(graceful: boolean): void {
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
    if (!this.linkUp) {
      this.status = 'no-network';
      return;
    }
    if (wasOnline) this.attempt = 0;
    // A messaging app never gives up unless the policy caps its attempts.
    const policy = this.environment.retry;
    if (givesUp(policy, this.attempt)) {
      this.status = 'gave-up';
      return;
    }
    const delay = retryDelayMs(policy, this.attempt, this.rng, this.attempt ? this.retryMs : 0);
    this.retryMs = delay;
    this.attempt++;
    this.status = 'backoff';
    this.hop('retry', 0, 0, this.ctx.now + delay, 0, `attempt ${this.attempt} in ${delay} ms`);
    this.phoneTimer('reconnect', this.ctx.now + delay);
  }

  malformed(reason: string): void {
    this.local('rejected', ACTOR.gateway, this.actor, 0, reason);
  }

  // ── the network comes and goes ────────────────────────────────────────────────────────────

  protected setLink(quality: LinkQuality): void {
    const wasUp = this.linkUp;
    setLinkQuality(this, quality, this.rng);
    if (wasUp && !this.linkUp) this.loseNetwork('network lost');
    else if (!wasUp && this.linkUp) this.regainNetwork();
    if (quality === 'flaky') this.scheduleDrop();
  }

  protected loseNetwork(reason: string): void {
    if (this.transport) {
      this.disconnect(false);
      this.local('disconnect', this.actor, this.actor, 0, reason);
    }
    if (this.wantOnline) this.status = 'no-network';
  }

  protected regainNetwork(): void {
    if (this.wantOnline && this.transport === undefined) {
      this.attempt = 0;
      this.connect();
    }
  }

  protected scheduleDrop(): void {
    this.phoneTimer('link-drop', this.ctx.now + msUntilNextDrop(this.rng));
  }

  protected dropLink(): void {
    if (this.linkQuality !== 'flaky' || !this.linkUp) return;
    this.linkUp = false;
    this.loseNetwork('mobile network dropped out');
    this.phoneTimer('link-restore', this.ctx.now + dropDurationMs(this.rng));
  }

  protected restoreLink(): void {
    if (this.linkQuality !== 'flaky') return;
    this.linkUp = true;
    this.regainNetwork();
    this.scheduleDrop();
  }
}
