// The phones's worker: its host, answering the coordinator (comlink) and its peers (transferred ports).
import { startHostWorker } from '../src/runtime/cluster/serve-host';

startHostWorker('phones');
