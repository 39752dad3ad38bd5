import type { Fleet } from '../../engine/phone/fleet';
import type { Phone } from '../../engine/phone/phone';
import type { HistoryPersistence, HistoryRecord } from './history-persistence';
import type { HistorySetup, TimeMark } from './host-messages';

/** How far the writer has read one phone's chat book: entries of `sent` and `received`, in insertion order. */
interface Written {
  sent: number;
  received: number;
}

/** The records of one phone's chat book from position `from` on (its maps only ever grow, in insertion order). */
function recordsOf(phone: Phone, from: Written): HistoryRecord[] {
  const chats = phone.chats;
  if (!chats) return [];
  const out: HistoryRecord[] = [];
  const user = phone.user;
  let i = 0;
  for (const m of chats.sent.values())
    if (i++ >= from.sent)
      out.push({
        user,
        msg: m.msg,
        peer: m.to,
        from: user,
        text: m.text,
        atMs: m.sentAtMs,
        direction: 'sent',
      });
  i = 0;
  for (const m of chats.received.values()) {
    // A body that failed authentication was never decrypted: there is no plaintext to keep.
    if (i++ >= from.received && m.error === undefined)
      out.push({
        user,
        msg: m.msg,
        peer: m.from,
        from: m.from,
        text: m.text,
        atMs: m.atMs,
        direction: 'received',
      });
  }
  return out;
}

/**
 * Mirrors every phone's decrypted history into a persistence, window by window. It reads the
 * engine's chat books after each window (the engine knows nothing of it) and remembers how far it
 * has written per phone. While a run is replayed it writes nothing; `checkpoint` then rewrites the
 * whole history from the replayed state, so the durable copy always matches the run.
 */
export class PhoneHistoryWriter {
  private readonly written = new Map<number, Written>();

  private constructor(
    private readonly fleet: Fleet,
    private readonly persistence: HistoryPersistence,
    private writeThrough: boolean,
  ) {}

  /** Opens the writer: `fresh` clears the durable history; otherwise writes wait for `checkpoint`. */
  static async open(
    fleet: Fleet,
    persistence: HistoryPersistence,
    begin: HistorySetup['begin'],
  ): Promise<PhoneHistoryWriter> {
    if (begin === 'fresh') await persistence.replace([], { ms: 0, inclusive: false });
    return new PhoneHistoryWriter(fleet, persistence, begin === 'fresh');
  }

  /** Writes the messages the window added to any phone's history; resolves once they are durable. */
  async flush(mark: TimeMark): Promise<void> {
    if (!this.writeThrough) return;
    const records = this.collect();
    if (records.length > 0) await this.persistence.putMany(records, mark);
  }

  /** Ends a replay: the durable history becomes exactly the replayed run's, and writes resume. */
  async checkpoint(mark: TimeMark): Promise<void> {
    this.written.clear();
    await this.persistence.replace(this.collect(), mark);
    this.writeThrough = true;
  }

  close(): void {
    this.persistence.close();
  }

  /** What was added since the last collect, per phone; advances the positions. */
  private collect(): HistoryRecord[] {
    const out: HistoryRecord[] = [];
    for (const phone of this.fleet.phones) {
      const chats = phone.chats;
      if (!chats) continue;
      const w = this.written.get(phone.user) ?? { sent: 0, received: 0 };
      if (chats.sent.size === w.sent && chats.received.size === w.received) continue;
      out.push(...recordsOf(phone, w));
      this.written.set(phone.user, { sent: chats.sent.size, received: chats.received.size });
    }
    return out;
  }
}
