// The ephemeral store's worker: its host, with the store's items persisted in IndexedDB (or in this
// thread's memory when the run asks for that, as tests do).
import { openIdbPersistence } from '../src/adapters/idb-store';
import { memoryPersistence } from '../src/runtime/cluster/store-persistence';
import { startHostWorker } from '../src/runtime/cluster/serve-host';

startHostWorker('store', (setup) => {
  if (setup.persistence === 'indexeddb') return openIdbPersistence(setup.dbName);
  if (setup.persistence === 'memory') return memoryPersistence(setup.dbName ?? 'store');
  return undefined;
});
