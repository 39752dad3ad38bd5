// The embed's engine worker: the whole engine in one thread off the page (see README "Embedding").
import { startEmbedWorker } from '../src/runtime/web/embed-worker-service';

startEmbedWorker();
