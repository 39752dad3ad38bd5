/**
 * The storage contract: what every ephemeral store implementation must do, written once and run
 * against each (in memory, with a durable copy in memory, with a durable copy in IndexedDB — fake
 * in Node, real in Chromium). Framework-free, so the browser test can run the same cases.
 */
import type { StoredItem } from '../../src/engine/model/messages';
import type { EphemeralStore } from '../../src/engine/store/ephemeral-store';

/** A store as a worker holds it: the sync interface, plus the window flush and close. */
export interface StoreInstance extends EphemeralStore {
  flush(mark: { ms: number; inclusive: boolean }): Promise<void>;
  durableMark(): Promise<{ ms: number; inclusive: boolean } | undefined>;
  close(): void;
}

/** One implementation under test. Each call of `make` gives a new, empty world (its own database). */
export interface StoreImplementation {
  readonly name: string;
  /** Whether flushed items outlive the store object (a plain MemoryStore's do not). */
  readonly durable: boolean;
  make(): Promise<{ open(begin: 'fresh' | 'resume'): Promise<StoreInstance> }>;
}

export interface ContractCase {
  readonly name: string;
  readonly durableOnly?: boolean;
  run(impl: StoreImplementation): Promise<void>;
}

const show = (x: unknown): string =>
  JSON.stringify(x, (_k, v: unknown) => (v instanceof Uint8Array ? Array.from(v) : v));

function eq(actual: unknown, expected: unknown, what: string): void {
  const a = show(actual);
  const e = show(expected);
  if (a !== e) throw new Error(`${what}: expected ${e.slice(0, 300)}, got ${a.slice(0, 300)}`);
}

const bytes = (...xs: number[]): Uint8Array => Uint8Array.from(xs);
const item = (
  recipient: number,
  key: string,
  msg: number,
  envelope = bytes(msg & 255, 1, 2, 3),
): Omit<StoredItem, 'seq'> => ({ recipient, key, msg, envelope });
const keys = (items: readonly StoredItem[]): string[] =>
  items.map((i) => `${i.recipient}/${i.key}`);
const mark = (ms: number) => ({ ms, inclusive: false });

async function opened(
  impl: StoreImplementation,
): Promise<{ world: Awaited<ReturnType<StoreImplementation['make']>>; s: StoreInstance }> {
  const world = await impl.make();
  return { world, s: await world.open('fresh') };
}

export const CONTRACT: readonly ContractCase[] = [
  {
    name: 'fetch returns a recipient’s items oldest first, with rising store sequence numbers',
    async run(impl) {
      const { s } = await opened(impl);
      s.put(item(2, 'c1', 1));
      s.put(item(3, 'c2', 2));
      s.put(item(2, 'c3', 3));
      s.put(item(2, 'd1', 1));
      const { items, more } = s.fetch(2, 0, 10);
      eq(keys(items), ['2/c1', '2/c3', '2/d1'], 'keys');
      eq(more, false, 'more');
      for (let i = 1; i < items.length; i++)
        if (!(items[i]!.seq > items[i - 1]!.seq)) throw new Error('seq must rise');
      s.close();
    },
  },
  {
    name: 'a put of a key already held for that recipient changes nothing (idempotent resend)',
    async run(impl) {
      const { s } = await opened(impl);
      const first = s.put(item(2, 'c1', 1));
      s.put(item(2, 'c2', 2));
      eq(s.put(item(2, 'c1', 1, bytes(9, 9))), undefined, 'second put');
      eq(s.size, 2, 'size');
      const { items } = s.fetch(2, 0, 10);
      eq(keys(items), ['2/c1', '2/c2'], 'order keeps the first place');
      eq(items[0], first, 'the first copy is kept');
      s.close();
    },
  },
  {
    name: 'the same key for two recipients is two items',
    async run(impl) {
      const { s } = await opened(impl);
      s.put(item(2, 'c1', 1));
      s.put(item(3, 'c1', 1));
      eq([s.countFor(2), s.countFor(3), s.size], [1, 1, 2], 'counts');
      s.close();
    },
  },
  {
    name: 'fetch resumes after a cursor and pages by a limit',
    async run(impl) {
      const { s } = await opened(impl);
      for (let i = 1; i <= 5; i++) s.put(item(7, `c${i}`, i));
      const a = s.fetch(7, 0, 2);
      eq([keys(a.items), a.more], [['7/c1', '7/c2'], true], 'first page');
      const b = s.fetch(7, a.items[1]!.seq, 2);
      eq([keys(b.items), b.more], [['7/c3', '7/c4'], true], 'second page');
      const c = s.fetch(7, b.items[1]!.seq, 2);
      eq([keys(c.items), c.more], [['7/c5'], false], 'last page');
      eq(s.fetch(8, 0, 2), { items: [], more: false }, 'unknown recipient');
      s.close();
    },
  },
  {
    name: 'delete removes one item once; sizes follow',
    async run(impl) {
      const { s } = await opened(impl);
      s.put(item(2, 'c1', 1));
      s.put(item(2, 'c2', 2));
      eq(s.delete(2, 'c1'), true, 'first delete');
      eq(s.delete(2, 'c1'), false, 'second delete');
      eq(s.delete(9, 'c1'), false, 'unknown recipient');
      eq([s.size, s.countFor(2)], [1, 1], 'sizes');
      eq(keys(s.all()), ['2/c2'], 'all');
      s.close();
    },
  },
  {
    name: 'envelope bytes come back exactly (empty, binary, 64 KiB)',
    async run(impl) {
      const { world, s } = await opened(impl);
      const big = new Uint8Array(64 * 1024).map((_, i) => (i * 31) & 255);
      s.put(item(2, 'c1', 1, new Uint8Array(0)));
      s.put(item(2, 'c2', 2, bytes(0, 255, 128, 0)));
      s.put(item(2, 'c3', 3, big));
      await s.flush(mark(10));
      const again = impl.durable ? (s.close(), await world.open('resume')) : s;
      const got = again.fetch(2, 0, 10).items.map((i) => i.envelope);
      eq(
        got.map((b) => b.length),
        [0, 4, 65536],
        'lengths',
      );
      eq(got[1], bytes(0, 255, 128, 0), 'binary');
      if (!got[2]!.every((v, i) => v === ((i * 31) & 255))) throw new Error('64 KiB body changed');
      again.close();
    },
  },
  {
    name: 'flushed items survive a restart with their sequence numbers and order',
    durableOnly: true,
    async run(impl) {
      const { world, s } = await opened(impl);
      s.put(item(2, 'c1', 1));
      s.put(item(3, 'c2', 2));
      s.put(item(2, 'd9', 9));
      const before = s.all();
      await s.flush(mark(35));
      s.close();
      const r = await world.open('resume');
      eq(r.all(), before, 'items');
      eq(await r.durableMark(), mark(35), 'mark');
      r.close();
    },
  },
  {
    name: 'deletes are durable too, and a put and delete in one window leave nothing',
    durableOnly: true,
    async run(impl) {
      const { world, s } = await opened(impl);
      s.put(item(2, 'c1', 1));
      s.put(item(2, 'c2', 2));
      await s.flush(mark(5));
      s.delete(2, 'c1');
      s.put(item(4, 'c3', 3));
      s.delete(4, 'c3');
      await s.flush(mark(10));
      s.close();
      const r = await world.open('resume');
      eq(keys(r.all()), ['2/c2'], 'items');
      r.close();
    },
  },
  {
    name: 'writes of a window not yet flushed are not durable (a crash loses only the open window)',
    durableOnly: true,
    async run(impl) {
      const { world, s } = await opened(impl);
      s.put(item(2, 'c1', 1));
      await s.flush(mark(5));
      s.put(item(2, 'c2', 2));
      s.close();
      const r = await world.open('resume');
      eq(keys(r.all()), ['2/c1'], 'items');
      eq(await r.durableMark(), mark(5), 'mark');
      r.close();
    },
  },
  {
    name: 'after a restart new items queue behind the restored ones',
    durableOnly: true,
    async run(impl) {
      const { world, s } = await opened(impl);
      s.put(item(2, 'c1', 1));
      s.put(item(2, 'c2', 2));
      await s.flush(mark(5));
      s.close();
      const r = await world.open('resume');
      r.put(item(2, 'c3', 3));
      eq(r.put(item(2, 'c1', 1)), undefined, 'a restored key is still held');
      eq(keys(r.fetch(2, 0, 10).items), ['2/c1', '2/c2', '2/c3'], 'order');
      const seqs = r.all().map((i) => i.seq);
      eq(seqs[2]! > seqs[1]!, true, 'a new seq after the restored ones');
      r.close();
    },
  },
  {
    name: 'opening fresh clears what a previous run kept',
    durableOnly: true,
    async run(impl) {
      const { world, s } = await opened(impl);
      s.put(item(2, 'c1', 1));
      await s.flush(mark(5));
      s.close();
      const f = await world.open('fresh');
      eq(f.size, 0, 'fresh size');
      f.close();
      const r = await world.open('resume');
      eq(r.size, 0, 'nothing kept');
      r.close();
    },
  },
  {
    name: 'a thousand items for fifty recipients round-trip',
    async run(impl) {
      const { world, s } = await opened(impl);
      for (let i = 1; i <= 1000; i++) s.put(item((i % 50) + 1, `c${i}`, i));
      for (let i = 1; i <= 1000; i += 3) s.delete((i % 50) + 1, `c${i}`);
      const before = s.all();
      await s.flush(mark(100));
      const again = impl.durable ? (s.close(), await world.open('resume')) : s;
      eq(again.size, before.length, 'size');
      for (let u = 1; u <= 50; u++)
        eq(
          keys(again.fetch(u, 0, 1000).items),
          keys(before.filter((it) => it.recipient === u)),
          `recipient ${u}`,
        );
      again.close();
    },
  },
];
