import type { TraceEvent, TraceKind } from '../kernel/trace';
import { ACTOR, isPhoneActor } from '../model/actors';

/** What the trace has said so far about one chat. Times are -1 until the step happens. */
export interface ChatFacts {
  readonly msg: number;
  /** Kernel ids of the phones at either end. */
  readonly sender: number;
  readonly recipient: number;
  /** Its place among the sender's chats to this recipient, from 1. */
  readonly chatSeq: number;
  readonly createdAtMs: number;
  acceptedAtMs: number;
  deliveredAtMs: number;
  /** How often the recipient's phone showed it as new (a second time breaks at-most-once). */
  shown: number;
  readAtMs: number;
  deliveredReceiptAtMs: number;
  readReceiptAtMs: number;
  /** The latest step of its life the trace showed, and when. */
  lastKind: TraceKind;
  lastAtMs: number;
}

/** Figures counted from the trace alone, to set beside the report's. */
export interface LedgerCounts {
  created: number;
  accepted: number;
  delivered: number;
  read: number;
  /** Chats that went through the store, and chats deleted from it. */
  storedChats: number;
  deletedChats: number;
  /** Showings beyond the first (0 when at-most-once holds). */
  duplicated: number;
  duplicatesSuppressed: number;
  /** Undelivered chats the store holds: the put landed before `nowMs`, or lands exactly then. */
  inStore: number;
  landingInStore: number;
  /** Every key the store holds by the trace, chats and receipts. */
  heldKeys: number;
  /** Chats by the latest step of their life. */
  byLastKind: Partial<Record<TraceKind, number>>;
}

/** The chat id a store key names (`c12`, `d12`, `r12` → 12). */
export const keyMsg = (key: string): number => Number(key.slice(1));

/** Whether a store key names a chat (rather than one of its receipts). */
export const isChatKey = (key: string): boolean => key.charCodeAt(0) === 99; // 'c'

// Phone actors stay below 2^22 (two million phones past PHONE_BASE): one number per pair.
const pairOf = (sender: number, recipient: number): number => sender * 4_194_304 + recipient;

/**
 * Every chat's life as the trace tells it, kept independently of the components and the report:
 * who sent it to whom, how far it got, what the store holds. The invariant sink reads it before
 * each event and updates it after.
 */
export class MessageLedger {
  private readonly chats = new Map<number, ChatFacts>();
  private readonly sentPerPair = new Map<number, number>();
  private readonly shownPerPair = new Map<number, number>();
  /** Store keys held by the trace's account, with the time each put lands. */
  private readonly held = new Map<string, number>();
  private readonly acked = new Set<string>();
  private readonly storedChats = new Set<number>();
  private readonly deletedChats = new Set<number>();
  private duplicatesSuppressed = 0;
  /** Between a gateway 'crash' and its 'restart'. */
  gatewayDown = false;
  /** Time of the latest event applied. */
  lastAtMs = 0;

  chat(msg: number): ChatFacts | undefined {
    return this.chats.get(msg);
  }

  /** The highest chat sequence the recipient has shown from this sender (0: none). */
  shownSeq(sender: number, recipient: number): number {
    return this.shownPerPair.get(pairOf(sender, recipient)) ?? 0;
  }

  holds(key: string): boolean {
    return this.held.has(key);
  }

  wasAcked(key: string): boolean {
    return this.acked.has(key);
  }

  /** Chats created and not yet shown on their recipient's phone. */
  undelivered(): ChatFacts[] {
    const out: ChatFacts[] = [];
    for (const c of this.chats.values()) if (c.shown === 0) out.push(c);
    return out;
  }

  /** Store keys held by the trace's account. */
  heldKeys(): string[] {
    return [...this.held.keys()];
  }

  apply(ev: TraceEvent): void {
    this.lastAtMs = ev.atMs;
    switch (ev.kind) {
      case 'sent':
        if (isPhoneActor(ev.from) && isPhoneActor(ev.to) && !this.chats.has(ev.msg))
          this.create(ev);
        return;
      case 'accepted': {
        const c = this.chats.get(ev.msg);
        if (c !== undefined && ev.to === ACTOR.gateway) {
          if (c.acceptedAtMs < 0) c.acceptedAtMs = ev.atMs;
          this.step(c, ev);
        }
        return;
      }
      case 'pushed': {
        const c = this.chats.get(ev.msg);
        if (c !== undefined && ev.to === c.recipient) this.step(c, ev);
        return;
      }
      case 'lost': {
        // The sender's upload went into a dead link (acks of its receipts carry the id too).
        const c = this.chats.get(ev.msg);
        if (c !== undefined && ev.from === c.sender && c.shown === 0) this.step(c, ev);
        return;
      }
      case 'stored':
      case 'fetched':
      case 'acked':
      case 'deleted':
        return this.onStoreStep(ev);
      case 'delivered': {
        const c = this.chats.get(ev.msg);
        if (c === undefined) return;
        if (c.shown++ === 0) c.deliveredAtMs = ev.atMs;
        const pair = pairOf(c.sender, c.recipient);
        if (c.chatSeq > (this.shownPerPair.get(pair) ?? 0)) this.shownPerPair.set(pair, c.chatSeq);
        this.step(c, ev);
        return;
      }
      case 'duplicate':
        this.duplicatesSuppressed++;
        return;
      case 'read': {
        const c = this.chats.get(ev.msg);
        if (c !== undefined && isPhoneActor(ev.from) && isPhoneActor(ev.to)) {
          if (c.readAtMs < 0) c.readAtMs = ev.atMs;
          this.step(c, ev);
        }
        return;
      }
      case 'receipt': {
        const c = this.chats.get(ev.msg);
        if (c === undefined) return;
        if (ev.note === 'read') {
          if (c.readReceiptAtMs < 0) c.readReceiptAtMs = ev.atMs;
        } else if (c.deliveredReceiptAtMs < 0) c.deliveredReceiptAtMs = ev.atMs;
        return;
      }
      case 'crash':
        if (ev.from === ACTOR.gateway) this.gatewayDown = true;
        return;
      case 'restart':
        if (ev.from === ACTOR.gateway) this.gatewayDown = false;
        return;
      default:
        return;
    }
  }

  private create(ev: TraceEvent): void {
    const pair = pairOf(ev.from, ev.to);
    const chatSeq = (this.sentPerPair.get(pair) ?? 0) + 1;
    this.sentPerPair.set(pair, chatSeq);
    this.chats.set(ev.msg, {
      msg: ev.msg,
      sender: ev.from,
      recipient: ev.to,
      chatSeq,
      createdAtMs: ev.atMs,
      acceptedAtMs: -1,
      deliveredAtMs: -1,
      shown: 0,
      readAtMs: -1,
      deliveredReceiptAtMs: -1,
      readReceiptAtMs: -1,
      lastKind: 'sent',
      lastAtMs: ev.atMs,
    });
  }

  /** Store and ack steps name their delivery by key in the note (receipts carry their chat's id). */
  private onStoreStep(ev: TraceEvent): void {
    const key = ev.note;
    if (key === undefined) return;
    if (ev.kind === 'stored') {
      // The store keeps the first copy of a key; a second put of it changes nothing.
      if (!this.held.has(key)) this.held.set(key, ev.arriveAtMs);
    } else if (ev.kind === 'acked') this.acked.add(key);
    else if (ev.kind === 'deleted') this.held.delete(key);
    if (!isChatKey(key)) return;
    const c = this.chats.get(keyMsg(key));
    if (c === undefined) return;
    if (ev.kind === 'stored') this.storedChats.add(c.msg);
    else if (ev.kind === 'deleted') this.deletedChats.add(c.msg);
    this.step(c, ev);
  }

  private step(c: ChatFacts, ev: TraceEvent): void {
    c.lastKind = ev.kind;
    c.lastAtMs = ev.atMs;
  }

  counts(nowMs: number): LedgerCounts {
    let accepted = 0;
    let delivered = 0;
    let read = 0;
    let duplicated = 0;
    let inStore = 0;
    let landingInStore = 0;
    const byLastKind: Partial<Record<TraceKind, number>> = {};
    for (const c of this.chats.values()) {
      if (c.acceptedAtMs >= 0) accepted++;
      if (c.shown > 0) delivered++;
      if (c.shown > 1) duplicated += c.shown - 1;
      if (c.readAtMs >= 0) read++;
      byLastKind[c.lastKind] = (byLastKind[c.lastKind] ?? 0) + 1;
      if (c.shown > 0) continue;
      const landsAt = this.held.get(`c${c.msg}`);
      if (landsAt === undefined) continue;
      if (landsAt < nowMs) inStore++;
      else if (landsAt === nowMs) landingInStore++;
    }
    return {
      created: this.chats.size,
      accepted,
      delivered,
      read,
      storedChats: this.storedChats.size,
      deletedChats: this.deletedChats.size,
      duplicated,
      duplicatesSuppressed: this.duplicatesSuppressed,
      inStore,
      landingInStore,
      heldKeys: this.held.size,
      byLastKind,
    };
  }
}
