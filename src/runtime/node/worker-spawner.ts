/** Hosts in Node worker_threads: the same worker entry files the browser runs, behind a tsx bootstrap. */
import type { Endpoint } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { Worker } from 'node:worker_threads';
import type { HostHandle, HostSpawner } from '../cluster/cluster';
import { remoteHost } from '../cluster/channel-spawner';
import type { Logger } from '../cluster/host';
import type { HostName } from '../cluster/partition';
import type { HostControl, PortLike } from '../cluster/host-messages';

const BOOTSTRAP = new URL('./worker-bootstrap.mjs', import.meta.url);
const ENTRY: Record<HostName, URL> = {
  gateway: new URL('../../../workers/gateway.worker.ts', import.meta.url),
  sessions: new URL('../../../workers/sessions.worker.ts', import.meta.url),
  store: new URL('../../../workers/store.worker.ts', import.meta.url),
  phones: new URL('../../../workers/phones.worker.ts', import.meta.url),
};

/** Makes every pending call on `control` fail, with the reason, once the worker has died. */
function untilDeath(control: HostControl, died: Promise<never>): HostControl {
  return new Proxy(control, {
    get: (target, method) => {
      const fn = (target as unknown as Record<string | symbol, unknown>)[method];
      if (typeof fn !== 'function') return fn;
      return (...args: unknown[]) =>
        Promise.race([(fn as (...a: unknown[]) => Promise<unknown>)(...args), died]);
    },
  });
}

export interface NodeWorkerOptions {
  /** Give the store worker fake-indexeddb, so its IndexedDB persistence runs in Node. */
  readonly fakeIndexedDb?: boolean;
  readonly log?: Logger;
}

/** Hosts in worker_threads, one per component, as the browser has them in Web Workers. */
export function nodeWorkerSpawner(
  opts: NodeWorkerOptions = {},
): HostSpawner & { readonly workers: Map<HostName, Worker> } {
  const log = opts.log ?? ((m: string) => console.error(m));
  const workers = new Map<HostName, Worker>();
  return {
    workers,
    async spawn(name: HostName): Promise<HostHandle> {
      const w = new Worker(BOOTSTRAP, {
        workerData: { entry: ENTRY[name].href, fakeIndexedDb: opts.fakeIndexedDb ?? false },
      });
      workers.set(name, w);
      let ending = false;
      const died = new Promise<never>((_, reject) => {
        w.on('error', (e) => reject(new Error(`the ${name} worker failed: ${e.message}`)));
        w.on('exit', (code) => {
          if (!ending) reject(new Error(`the ${name} worker exited (code ${code})`));
        });
      });
      died.catch(() => {}); // observed through the calls it fails
      const handle = await Promise.race([
        remoteHost(name, nodeEndpoint(w) as Endpoint, log, async () => {
          ending = true;
          await w.terminate();
        }),
        died,
      ]);
      const run = handle.run!;
      return {
        ...handle,
        control: untilDeath(handle.control, died),
        run: (g) => Promise.race([run(g), died]),
      };
    },
    channel: () => new MessageChannel() as unknown as { port1: PortLike; port2: PortLike },
  };
}
