/** What a phone knows of its chats: what it sent (with receipts) and what it received. */

/** A sent message's receipt state: ✓ sent means the server accepted it. */
export type ReceiptStatus = 'queued' | 'sent' | 'delivered' | 'read';
const RANK: Readonly<Record<ReceiptStatus, number>> = { queued: 0, sent: 1, delivered: 2, read: 3 };

export interface SentMessage {
  readonly msg: number;
  readonly to: number;
  readonly chatSeq: number;
  readonly text: string;
  /** The body exactly as first sealed: a resend carries the same bytes, never a new encryption. */
  readonly body: Uint8Array;
  readonly sentAtMs: number;
  status: ReceiptStatus;
  /** When ✓ arrived (-1 before). */
  acceptedAtMs: number;
}

export interface ReceivedMessage {
  readonly msg: number;
  readonly from: number;
  readonly chatSeq: number;
  readonly text: string;
  readonly atMs: number;
  read: boolean;
  /** A message whose ciphertext failed authentication is kept, visibly, with the reason. */
  readonly error?: string;
}

/** One message a phone holds in plaintext, as its history is kept on the device. */
export interface HistoryRecord {
  /** The phone whose history this is. */
  readonly user: number;
  readonly msg: number;
  /** The other party of the chat. */
  readonly peer: number;
  readonly from: number;
  readonly text: string;
  readonly atMs: number;
  readonly direction: 'sent' | 'received';
}

/** One phone's history, created lazily: a million idle phones hold none of this. */
export class ChatBook {
  readonly sent = new Map<number, SentMessage>();
  readonly received = new Map<number, ReceivedMessage>();
  /** Message ids per peer in the order this phone saw them (both directions). */
  readonly timeline = new Map<number, number[]>();
  private readonly nextSeq = new Map<number, number>();

  private note(peer: number, msg: number): void {
    const list = this.timeline.get(peer);
    if (list) list.push(msg);
    else this.timeline.set(peer, [msg]);
  }

  /** The chat sequence number the next message to `peer` will carry. */
  peekSeq(peer: number): number {
    return (this.nextSeq.get(peer) ?? 0) + 1;
  }

  addSent(msg: number, to: number, text: string, body: Uint8Array, nowMs: number): SentMessage {
    const chatSeq = this.peekSeq(to);
    this.nextSeq.set(to, chatSeq);
    const m: SentMessage = {
      msg,
      to,
      chatSeq,
      text,
      body,
      sentAtMs: nowMs,
      status: 'queued',
      acceptedAtMs: -1,
    };
    this.sent.set(msg, m);
    this.note(to, msg);
    return m;
  }

  addReceived(m: ReceivedMessage): void {
    this.received.set(m.msg, m);
    this.note(m.from, m.msg);
  }

  /** Raises a receipt; receipts never go backwards (a late ✓ after ✓✓ changes nothing). */
  raise(msg: number, status: ReceiptStatus, nowMs: number): boolean {
    const m = this.sent.get(msg);
    if (!m || RANK[status] <= RANK[m.status]) return false;
    if (m.acceptedAtMs < 0) m.acceptedAtMs = nowMs;
    m.status = status;
    return true;
  }

  /** Sent messages still waiting for ✓ (always resent) or for ✓✓ (resent after a session loss). */
  unconfirmed(includeAccepted: boolean): SentMessage[] {
    const out: SentMessage[] = [];
    for (const m of this.sent.values())
      if (m.status === 'queued' || (includeAccepted && m.status === 'sent')) out.push(m);
    return out;
  }

  /** Received messages from `peer` not yet read. */
  unread(peer: number): ReceivedMessage[] {
    const out: ReceivedMessage[] = [];
    for (const m of this.received.values()) if (m.from === peer && !m.read) out.push(m);
    return out;
  }
}
