import type { StoredItem } from '../../engine/model/messages';
import { MemoryStore, type EphemeralStore } from '../../engine/store/ephemeral-store';
import type { PersistOp } from '../../engine/store/store-actor';
import type { TimeMark } from './host-messages';
import type { StorePersistence } from './store-persistence';

/**
 * The ephemeral store with a durable copy: reads and writes go to memory at once (the simulation
 * never waits), and each window's writes are flushed to the persistence before the window is
 * reported done, so what is durable always matches a point of virtual time.
 */
export class DurableStore implements EphemeralStore {
  private ops: PersistOp[] = [];
  /** While false (replaying a run), writes stay in memory; adopt or checkpoint turns it on. */
  writeThrough: boolean;

  private constructor(
    private mem: MemoryStore,
    private readonly persistence: StorePersistence | undefined,
    writeThrough: boolean,
  ) {
    this.writeThrough = writeThrough;
  }

  /** Opens the store: `resume` loads the durable items, `fresh` clears them, `replay` starts empty and writes nothing yet. */
  static async open(
    persistence: StorePersistence | undefined,
    begin: 'fresh' | 'resume' | 'replay',
  ): Promise<DurableStore> {
    if (!persistence) return new DurableStore(new MemoryStore(), undefined, false);
    if (begin === 'resume') {
      const { items } = await persistence.load();
      return new DurableStore(MemoryStore.from(items), persistence, true);
    }
    if (begin === 'fresh') await persistence.replace([], { ms: 0, inclusive: false });
    return new DurableStore(new MemoryStore(), persistence, begin === 'fresh');
  }

  get size(): number {
    return this.mem.size;
  }

  put(item: Omit<StoredItem, 'seq'>): StoredItem | undefined {
    const stored = this.mem.put(item);
    if (stored && this.writeThrough) this.ops.push({ op: 'put', item: stored });
    return stored;
  }

  fetch(user: number, afterSeq: number, limit: number): { items: StoredItem[]; more: boolean } {
    return this.mem.fetch(user, afterSeq, limit);
  }

  delete(user: number, key: string): boolean {
    const had = this.mem.delete(user, key);
    if (had && this.writeThrough) this.ops.push({ op: 'delete', user, key });
    return had;
  }

  countFor(user: number): number {
    return this.mem.countFor(user);
  }

  all(): StoredItem[] {
    return this.mem.all();
  }

  /** Writes what this window changed; resolves once it is durable. */
  async flush(mark: TimeMark): Promise<void> {
    if (this.ops.length === 0 || !this.persistence) return;
    const ops = this.ops;
    this.ops = [];
    await this.persistence.apply(ops, mark);
  }

  /** The durable copy's mark (when it was written), without loading items into the store. */
  async durableMark(): Promise<TimeMark | undefined> {
    return (await this.persistence?.load())?.mark;
  }

  /**
   * Ends a replay by taking the durable copy's items: they are the store's memory from here on.
   * Returns what the replay had beside them, so a caller can check the two agree.
   */
  async adoptDurable(): Promise<{ durable: StoredItem[]; replayed: StoredItem[] }> {
    const replayed = this.mem.all();
    const durable = this.persistence ? (await this.persistence.load()).items : replayed;
    this.mem = MemoryStore.from(durable);
    this.ops = [];
    this.writeThrough = this.persistence !== undefined;
    return { durable, replayed };
  }

  /** Ends a replay by writing the replay's items as the durable copy. */
  async checkpoint(mark: TimeMark): Promise<void> {
    this.ops = [];
    if (!this.persistence) return;
    await this.persistence.replace(this.mem.all(), mark);
    this.writeThrough = true;
  }

  close(): void {
    this.persistence?.close();
  }
}

/** Differences between two sets of stored items, as a short text (empty when they agree). */
export function compareItems(a: readonly StoredItem[], b: readonly StoredItem[]): string {
  const key = (it: StoredItem): string =>
    `${it.recipient}/${it.key}#${it.seq}:${it.msg}:${Array.from(it.envelope).join(',')}`;
  const sa = new Set(a.map(key));
  const sb = new Set(b.map(key));
  const onlyA = [...sa].filter((k) => !sb.has(k)).map((k) => k.split(':')[0]);
  const onlyB = [...sb].filter((k) => !sa.has(k)).map((k) => k.split(':')[0]);
  if (onlyA.length === 0 && onlyB.length === 0) return '';
  return `${onlyA.length} only in the first (${onlyA.slice(0, 5).join(', ')}), ${onlyB.length} only in the second (${onlyB.slice(0, 5).join(', ')})`;
}
