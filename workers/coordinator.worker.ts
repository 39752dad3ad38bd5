// The coordinator's worker: owns virtual time and the run for the page, over the host workers.
import { startCoordinatorWorker } from '../src/runtime/web/coordinator-service';

startCoordinatorWorker();
