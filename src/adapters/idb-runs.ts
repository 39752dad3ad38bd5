import type { IDBPDatabase } from 'idb';
import { openDoubleTickDb, type DoubleTickDb, type SavedRun } from './idb-db';

const CURRENT = 'current';

/** The saved run to reopen after a reload, in IndexedDB beside the store's items. */
export class IdbRunRecord {
  private db: Promise<IDBPDatabase<DoubleTickDb>> | undefined;

  constructor(private readonly name?: string) {}

  private open(): Promise<IDBPDatabase<DoubleTickDb>> {
    return (this.db ??= openDoubleTickDb(this.name));
  }

  async load(): Promise<SavedRun | undefined> {
    return (await this.open()).get('runs', CURRENT);
  }

  async save(run: SavedRun): Promise<void> {
    await (await this.open()).put('runs', run, CURRENT);
  }

  async clear(): Promise<void> {
    await (await this.open()).delete('runs', CURRENT);
  }

  close(): void {
    const db = this.db;
    this.db = undefined;
    void db?.then((d) => d.close());
  }
}
