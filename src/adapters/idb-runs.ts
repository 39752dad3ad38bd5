import type { IDBPDatabase } from 'idb';
import type { RunRecord } from '../bridge/run-record';
import type { RunRecords } from '../runtime/session/run-records';
import { openDoubleTickDb, type DoubleTickDb } from './idb-db';

const CURRENT = 'current';

/** The saved run to reopen after a reload, in IndexedDB beside the store's items. */
export class IdbRunRecord implements RunRecords {
  private db: Promise<IDBPDatabase<DoubleTickDb>> | undefined;

  constructor(private readonly name?: string) {}

  private open(): Promise<IDBPDatabase<DoubleTickDb>> {
    return (this.db ??= openDoubleTickDb(this.name));
  }

  async load(): Promise<RunRecord | undefined> {
    return (await this.open()).get('runs', CURRENT);
  }

  async save(run: RunRecord): Promise<void> {
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
