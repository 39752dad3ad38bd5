// Lab mode's worker: the run's phones as real MQTT.js clients on a broker (see README "Lab mode").
import { startLabWorker } from '../src/lab/web/lab-worker-service';

startLabWorker(self as unknown as Parameters<typeof startLabWorker>[0]);
