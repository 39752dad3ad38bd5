/** The ephemeral store implementations the contract runs against (shared by the Node and browser runners). */
import { IdbPersistence } from '../../src/adapters/idb-store';
import { MemoryStore } from '../../src/engine/store/ephemeral-store';
import { DurableStore } from '../../src/runtime/cluster/durable-store';
import {
  MemoryPersistence,
  type StorePersistence,
} from '../../src/runtime/cluster/store-persistence';
import type { StoreImplementation, StoreInstance } from './ephemeral-store.contract';

/** The engine's MemoryStore alone: everything but durability. */
export const memoryStore: StoreImplementation = {
  name: 'MemoryStore',
  durable: false,
  async make() {
    return {
      async open() {
        const s = new MemoryStore();
        return Object.assign(s, {
          flush: async () => {},
          durableMark: async () => undefined,
          close: () => {},
        }) as StoreInstance;
      },
    };
  },
};

function durable(name: string, persistence: () => StorePersistence): StoreImplementation {
  return {
    name,
    durable: true,
    async make() {
      const p = persistence();
      return { open: (begin) => DurableStore.open(p, begin) as Promise<StoreInstance> };
    },
  };
}

/** The store with its durable copy in this thread's memory. */
export const memoryDurable = durable(
  'DurableStore + memory persistence',
  () => new MemoryPersistence(),
);

let dbs = 0;
/** The store with its durable copy in IndexedDB (a new database per world). */
export const idbDurable = durable(
  'DurableStore + IndexedDB',
  () => new IdbPersistence(`contract-${Date.now()}-${++dbs}`),
);
