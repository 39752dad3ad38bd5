// The coordinator's worker: owns virtual time and the run for the page, over the host workers;
// the run is saved in IndexedDB so a reload reopens it.
import { IdbRunRecord } from '../src/adapters/idb-runs';
import { startCoordinatorWorker } from '../src/runtime/web/coordinator-service';

startCoordinatorWorker((dbName) => new IdbRunRecord(dbName));
