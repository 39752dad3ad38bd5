import type { Endpoint, Remote } from 'comlink';
import type { HostSpawner } from '../cluster/cluster';
import { remoteHost } from '../cluster/channel-spawner';
import type { Logger } from '../cluster/host';
import type { PortLike } from '../cluster/protocol';
import type { HostWorkerFactory } from './protocol';

/** Hosts in Web Workers the page creates; the coordinator reaches each on its own port, and links them with MessageChannels it makes. */
export function webSpawner(factory: Remote<HostWorkerFactory>, log: Logger = (m) => console.error(m)): HostSpawner {
  return {
    async spawn(name) {
      const port = (await factory.spawn(name)) as unknown as Endpoint;
      return await remoteHost(name, port, log, async () => {
        (port as unknown as MessagePort).close();
        await factory.terminate(name);
      });
    },
    channel: () => new MessageChannel() as unknown as { port1: PortLike; port2: PortLike },
  };
}
