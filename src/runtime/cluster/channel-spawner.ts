/**
 * Hosts in this thread behind real MessageChannels: control over comlink, data on transferred
 * ports. Everything crosses a real structured-clone boundary, as between workers.
 */
import * as Comlink from 'comlink';
import { componentFor, type HistoryOpener, type PersistenceOpener } from './components';
import type { HostHandle, HostSpawner } from './cluster';
import { clockClient } from './clock-port';
import { checkComlinkReply, guardEndpoint } from './guard-endpoint';
import { Host, type Logger } from './host';
import type { HostName } from './partition';
import type { HostControl, PortLike } from './host-messages';
import { serveHost, type HostWorkerApi } from './serve-host';

/** A control API reached through comlink on `ep`, windows on a raw clock port; links are handed over as transferred ports. */
export async function remoteHost(
  name: HostName,
  ep: Comlink.Endpoint,
  log: Logger,
  terminate: () => Promise<void>,
): Promise<HostHandle & { readonly api: Comlink.Remote<HostWorkerApi> }> {
  const api = Comlink.wrap<HostWorkerApi>(
    guardEndpoint(ep, checkComlinkReply, `coordinator, from ${name}`, log),
  );
  const clock = new MessageChannel();
  await api.clock(Comlink.transfer(clock.port2, [clock.port2]));
  return {
    name,
    api,
    control: api as unknown as HostControl,
    run: clockClient(clock.port1 as unknown as PortLike, name, log),
    connect: async (peer, port) => {
      await api.connect(peer, Comlink.transfer(port, [port as unknown as Transferable]));
    },
    terminate: async () => {
      clock.port1.close();
      await terminate();
    },
  };
}

/** Hosts in this thread, reached over MessageChannels (`openHistory`: the phones' history persistence). */
export function channelSpawner(
  open: PersistenceOpener,
  log: Logger = (m) => console.error(m),
  openHistory: HistoryOpener = () => undefined,
): HostSpawner & { readonly hosts: Map<HostName, Host> } {
  const hosts = new Map<HostName, Host>();
  return {
    hosts,
    async spawn(name: HostName): Promise<HostHandle> {
      const host = new Host(name, componentFor(name, open, openHistory), log);
      hosts.set(name, host);
      const { port1, port2 } = new MessageChannel();
      serveHost(host, port2 as unknown as Comlink.Endpoint, log);
      return remoteHost(name, port1 as unknown as Comlink.Endpoint, log, async () => {
        host.close();
        port1.close();
        port2.close();
      });
    },
    channel: () => new MessageChannel() as unknown as { port1: PortLike; port2: PortLike },
  };
}
