/** The page's side of the workers: it creates them (a worker can only be terminated by its creator). */
import * as Comlink from 'comlink';
import type { HostName } from '../cluster/partition';
import type { HostWorkerApi } from '../cluster/serve-host';
import type { HostWorkerFactory } from './worker-api';

// Each URL is written inline in `new Worker(new URL(…))` so Vite bundles the worker (TOOLCHAIN 1).
function createHostWorker(name: HostName): Worker {
  switch (name) {
    case 'gateway':
      return new Worker(new URL('../../../workers/gateway.worker.ts', import.meta.url), {
        type: 'module',
        name: 'doubletick gateway',
      });
    case 'sessions':
      return new Worker(new URL('../../../workers/sessions.worker.ts', import.meta.url), {
        type: 'module',
        name: 'doubletick sessions',
      });
    case 'store':
      return new Worker(new URL('../../../workers/store.worker.ts', import.meta.url), {
        type: 'module',
        name: 'doubletick store',
      });
    case 'phones':
      return new Worker(new URL('../../../workers/phones.worker.ts', import.meta.url), {
        type: 'module',
        name: 'doubletick phones',
      });
  }
}

/** Creates the coordinator's worker. */
export const createCoordinatorWorker = (): Worker =>
  new Worker(new URL('../../../workers/coordinator.worker.ts', import.meta.url), {
    type: 'module',
    name: 'doubletick coordinator',
  });

/** The factory the coordinator calls to spawn host workers; each answers the coordinator on a port of its own. */
export function hostWorkerFactory(
  onError: (message: string) => void,
): HostWorkerFactory & { readonly workers: Map<HostName, Worker> } {
  const workers = new Map<HostName, Worker>();
  const apis = new Map<HostName, Comlink.Remote<HostWorkerApi>>();
  const api = (name: HostName): Comlink.Remote<HostWorkerApi> => {
    const a = apis.get(name);
    if (!a) throw new Error(`no ${name} worker to link`);
    return a;
  };
  return {
    workers,
    async spawn(name) {
      const w = createHostWorker(name);
      w.addEventListener('error', (e) => onError(`the ${name} worker failed: ${e.message}`));
      workers.set(name, w);
      apis.set(name, Comlink.wrap<HostWorkerApi>(w));
      const { port1, port2 } = new MessageChannel();
      await api(name).serve(Comlink.transfer(port2, [port2]));
      return Comlink.transfer(port1, [port1]);
    },
    async terminate(name) {
      apis.get(name)?.[Comlink.releaseProxy]();
      apis.delete(name);
      workers.get(name)?.terminate();
      workers.delete(name);
    },
    async link(a, b) {
      const { port1, port2 } = new MessageChannel();
      await api(a).connect(b, Comlink.transfer(port1, [port1]));
      await api(b).connect(a, Comlink.transfer(port2, [port2]));
    },
  };
}
