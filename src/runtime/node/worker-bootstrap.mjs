// Starts a host worker thread in Node: registers tsx so the TypeScript entry can load, gives it
// the parent port as its comlink endpoint (a browser worker uses its global scope), then loads it.
import { register } from 'tsx/esm/api';
import { parentPort, workerData } from 'node:worker_threads';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';

register();
if (workerData.fakeIndexedDb) await import('fake-indexeddb/auto');
globalThis[Symbol.for('doubletick.endpoint')] = nodeEndpoint(parentPort);
await import(workerData.entry);
