/**
 * Durable storage behind the phones' worker for each phone's decrypted history: the in-memory and
 * the IndexedDB implementations both fit this shape (the IndexedDB one lives in src/adapters).
 */
import type { HistoryRecord } from '../../engine/phone/chat-book';
import type { TimeMark } from './host-messages';

export type { HistoryRecord };

/** Where the phones keep their decrypted history so it outlives the worker that holds them. */
export interface HistoryPersistence {
  /** Writes one window's new messages with the window's end, in one transaction. */
  putMany(records: readonly HistoryRecord[], mark: TimeMark): Promise<void>;
  /** Replaces everything kept with `records` (a new or replayed run). */
  replace(records: readonly HistoryRecord[], mark: TimeMark): Promise<void>;
  forUser(user: number): Promise<HistoryRecord[]>;
  all(): Promise<HistoryRecord[]>;
  mark(): Promise<TimeMark | undefined>;
  clear(): Promise<void>;
  close(): void;
}

const keyOf = (r: HistoryRecord): string => `${r.user}/${r.msg}`;
// The IndexedDB order (by user, then message id), so both implementations answer alike.
const byKey = (a: HistoryRecord, b: HistoryRecord): number => a.user - b.user || a.msg - b.msg;

/** History in this thread's memory: it outlives a phones host, not the thread (tests, Node). */
export class MemoryHistory implements HistoryPersistence {
  private readonly records = new Map<string, HistoryRecord>();
  private at: TimeMark | undefined;

  async putMany(records: readonly HistoryRecord[], mark: TimeMark): Promise<void> {
    for (const r of records) this.records.set(keyOf(r), structuredClone(r));
    this.at = mark;
  }

  async replace(records: readonly HistoryRecord[], mark: TimeMark): Promise<void> {
    this.records.clear();
    await this.putMany(records, mark);
  }

  async forUser(user: number): Promise<HistoryRecord[]> {
    return (await this.all()).filter((r) => r.user === user);
  }

  async all(): Promise<HistoryRecord[]> {
    return [...this.records.values()].map((r) => structuredClone(r)).sort(byKey);
  }

  async mark(): Promise<TimeMark | undefined> {
    return this.at;
  }

  async clear(): Promise<void> {
    this.records.clear();
    this.at = undefined;
  }

  close(): void {}
}

const shared = new Map<string, MemoryHistory>();

/** The memory history of this name in this thread: a rebuilt in-thread phones host finds it again. */
export function memoryHistory(name: string): MemoryHistory {
  let p = shared.get(name);
  if (!p) shared.set(name, (p = new MemoryHistory()));
  return p;
}
