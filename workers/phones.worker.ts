// The phones' worker: its host, answering the coordinator (comlink) and its peers (transferred
// ports), with each phone's decrypted history kept in IndexedDB (or in this thread's memory when
// the run asks for that, as tests do).
import { openIdbHistory } from '../src/adapters/idb-history';
import { memoryHistory } from '../src/runtime/cluster/history-persistence';
import { startHostWorker } from '../src/runtime/cluster/serve-host';

startHostWorker('phones', undefined, (setup) => {
  if (setup.persistence === 'indexeddb') return openIdbHistory(setup.dbName);
  if (setup.persistence === 'memory') return memoryHistory(setup.dbName ?? 'history');
  return undefined;
});
