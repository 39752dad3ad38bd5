import type { Endpoint, Remote } from 'comlink';
import type { HostSpawner } from '../cluster/cluster';
import { remoteHost } from '../cluster/channel-spawner';
import type { Logger } from '../cluster/host';
import type { PortLike } from '../cluster/host-messages';
import type { HostWorkerFactory } from './worker-api';

/** Hosts in Web Workers the page creates and links; the coordinator reaches each on a port of its own. */
export function webSpawner(
  factory: Remote<HostWorkerFactory>,
  log: Logger = (m) => console.error(m),
): HostSpawner {
  return {
    async spawn(name) {
      const port = (await factory.spawn(name)) as unknown as Endpoint;
      return await remoteHost(name, port, log, async () => {
        (port as unknown as MessagePort).close();
        await factory.terminate(name);
      });
    },
    channel: () => new MessageChannel() as unknown as { port1: PortLike; port2: PortLike },
    // The page makes each data channel and transfers its ends straight to the two workers.
    link: (a, b) => factory.link(a, b),
  };
}
