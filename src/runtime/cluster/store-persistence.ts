/**
 * Durable storage behind the store worker: the in-memory and the IndexedDB implementations both
 * fit this shape (the IndexedDB one lives in src/adapters and only knows engine types).
 */
import type { StoredItem } from '../../engine/model/messages';
import type { PersistOp } from '../../engine/store/store-actor';
import type { TimeMark } from './host-messages';

/** Where the ephemeral store keeps its items so they outlive the worker that holds them. */
export interface StorePersistence {
  /** Every item kept, and the point of virtual time they were written at. */
  load(): Promise<{ items: StoredItem[]; mark: TimeMark | undefined }>;
  /** Applies one window's writes, in order, with the window's end, in one transaction. */
  apply(ops: readonly PersistOp[], mark: TimeMark): Promise<void>;
  /** Replaces everything kept with `items`. */
  replace(items: readonly StoredItem[], mark: TimeMark): Promise<void>;
  close(): void;
}

const keyOf = (recipient: number, key: string): string => `${recipient}/${key}`;

/** Persistence in this thread's memory: it outlives a store host, not the thread (tests, Node). */
export class MemoryPersistence implements StorePersistence {
  private readonly items = new Map<string, StoredItem>();
  private mark: TimeMark | undefined;

  async load(): Promise<{ items: StoredItem[]; mark: TimeMark | undefined }> {
    return { items: [...this.items.values()].map((it) => structuredClone(it)), mark: this.mark };
  }

  async apply(ops: readonly PersistOp[], mark: TimeMark): Promise<void> {
    for (const op of ops) {
      if (op.op === 'put')
        this.items.set(keyOf(op.item.recipient, op.item.key), structuredClone(op.item));
      else this.items.delete(keyOf(op.user, op.key));
    }
    this.mark = mark;
  }

  async replace(items: readonly StoredItem[], mark: TimeMark): Promise<void> {
    this.items.clear();
    for (const it of items) this.items.set(keyOf(it.recipient, it.key), structuredClone(it));
    this.mark = mark;
  }

  close(): void {}
}

const shared = new Map<string, MemoryPersistence>();

/** The memory persistence of this name in this thread: a restarted in-thread store host finds it again. */
export function memoryPersistence(name: string): MemoryPersistence {
  let p = shared.get(name);
  if (!p) shared.set(name, (p = new MemoryPersistence()));
  return p;
}
