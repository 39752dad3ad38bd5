import { deliveryWhat, type Envelope } from '../chat/envelope';
import { messageId, simMs, userId } from '../model/brand';
import type { Actor } from '../kernel/kernel';
import { createLocalIndex, type LocalIndex } from '../search/local-index';
import { LIMITS } from '../kernel/limits';
import { phoneActor } from '../model/actors';
import type { InputAction, SimMessage } from '../model/messages';
import { ChatBook } from './chat-book';
import type { Ctx } from './phone-connection';
import { PhoneOffline } from './phone-offline';

/**
 * A virtual phone: a user, a transport, a mobile link and an LTE radio. It keeps every message
 * it sent until the receipts come back, resends what the server may have lost, and drops
 * duplicates by message id, so nothing is lost and nothing is shown twice.
 */
export class Phone extends PhoneOffline implements Actor<SimMessage> {
  chats: ChatBook | undefined;
  /** Search over this phone's own decrypted history: the only place search can run. */
  index: LocalIndex | undefined;
  private pendingReads: Envelope[] | undefined;

  handle(m: SimMessage, ctx: Ctx): void {
    this.ctx = ctx;
    switch (m.type) {
      case 'down':
        return this.onTower(m);
      case 'deliver':
        return this.onDeliver(m.conn, m.chunks, m.close);
      case 'timer':
        return this.onTimerEvent(m);
      case 'input':
        return this.onInput(m.action, m.msg ?? 0);
      default:
        return;
    }
  }

  /** Sends what waits: unconfirmed chats (and, if the server lost our session, ✓-only ones). */
  protected flush(includeAccepted: boolean): void {
    const t = this.transport;
    if (
      t === undefined ||
      this.status !== 'online' ||
      (this.chats === undefined && this.pendingReads === undefined)
    )
      return;
    const envs: Envelope[] = [];
    if (this.chats) {
      for (const m of this.chats.unconfirmed(includeAccepted))
        envs.push({
          kind: 'chat',
          msg: m.msg,
          from: this.user,
          to: m.to,
          chatSeq: m.chatSeq,
          body: m.body,
        });
    }
    if (this.pendingReads) envs.push(...this.pendingReads);
    this.pendingReads = undefined;
    if (envs.length) t.send(envs);
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
        const opened = this.environment.body.open(this.user, env.from, env.body);
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
      this.local(
        seen ? 'duplicate' : 'delivered',
        phoneActor(env.from),
        this.actor,
        env.msg,
        this.environment.body.encrypted ? 'decrypted on the device' : 'plaintext',
      );
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
        return this.goOffline(a.how ?? 'close');
      case 'online':
        return this.comeOnline();
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
    const body = this.environment.body.seal(this.user, to, msg, text);
    const m = chats.addSent(msg, to, text, body, this.ctx.now);
    this.indexMessage(msg, to, this.user, text);
    this.local('sent', this.actor, phoneActor(to), msg, 'created', body.length);
    if (this.status === 'online')
      this.transport?.send([{ kind: 'chat', msg, from: this.user, to, chatSeq: m.chatSeq, body }]);
  }

  private indexMessage(msg: number, chatWith: number, from: number, text: string): void {
    (this.index ??= createLocalIndex()).add({
      id: messageId(msg),
      chatWith: userId(chatWith),
      from: userId(from),
      text,
      atMs: simMs(this.ctx.now),
    });
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
}
