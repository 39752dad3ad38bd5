import { HOST_NAMES, LINKS, type HostName } from './partition';
import type { HostControl, PortLike, WindowGrant, WindowReport } from './host-messages';

/** One host as the coordinator holds it: its control API, however it is reached. */
export interface HostHandle {
  readonly name: HostName;
  readonly control: HostControl;
  /** Runs a window on a faster path than `control.run`, where the transport has one. */
  readonly run?: (grant: WindowGrant) => Promise<WindowReport>;
  /** Gives the host its end of a link (transferred when the host lives in another thread). */
  connect(peer: HostName, port: PortLike): Promise<void>;
  /** Ends the host: a worker is terminated, an in-thread host drops its ports. */
  terminate(): Promise<void>;
}

/** Makes hosts and the channels between them: in memory, over in-thread MessageChannels, or in workers. */
export interface HostSpawner {
  spawn(name: HostName): Promise<HostHandle>;
  channel(): { port1: PortLike; port2: PortLike };
  /** Links two hosts itself (the browser's page hands both ends out); otherwise the cluster uses `channel`. */
  link?(a: HostName, b: HostName): Promise<void>;
}

/**
 * The hosts of the simulation and the links between them. Each pair that talks gets its own
 * channel, so the data plane never passes through the coordinator.
 */
export class Cluster {
  private runs = 0;

  private constructor(
    private readonly spawner: HostSpawner,
    private readonly hosts: Map<HostName, HostHandle>,
  ) {}

  /** Spawns every host and links each pair that talks. */
  static async create(spawner: HostSpawner): Promise<Cluster> {
    const handles = await Promise.all(HOST_NAMES.map((n) => spawner.spawn(n)));
    const cluster = new Cluster(spawner, new Map(handles.map((h) => [h.name, h])));
    for (const [a, b] of LINKS) await cluster.link(a, b);
    return cluster;
  }

  host(name: HostName): HostHandle {
    return this.hosts.get(name)!;
  }

  /** A new run id: batches still in flight from an earlier run are recognised and dropped. */
  nextRunId(): number {
    return ++this.runs;
  }

  /** Terminates one host and spawns a fresh one in its place, linked to its peers on new channels. */
  async replace(name: HostName): Promise<HostHandle> {
    await this.hosts.get(name)?.terminate();
    const h = await this.spawner.spawn(name);
    this.hosts.set(name, h);
    for (const [a, b] of LINKS) if (a === name || b === name) await this.link(a, b);
    return h;
  }

  async dispose(): Promise<void> {
    for (const h of this.hosts.values()) await h.terminate();
    this.hosts.clear();
  }

  private async link(a: HostName, b: HostName): Promise<void> {
    if (this.spawner.link) return this.spawner.link(a, b);
    const { port1, port2 } = this.spawner.channel();
    await this.host(a).connect(b, port1);
    await this.host(b).connect(a, port2);
  }
}
