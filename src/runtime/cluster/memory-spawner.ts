/**
 * Hosts in this thread, called directly, with every message cloned at the boundary
 * (`structuredClone`) so a host that kept a reference to something it sent would show up here as
 * it would across real workers.
 */
import { componentFor, type PersistenceOpener } from './components';
import type { HostHandle, HostSpawner } from './cluster';
import { Host, type Logger } from './host';
import type { HostName } from './partition';
import type { HostControl, PortLike } from './host-messages';

type Listener = (ev: MessageEvent) => void;

/**
 * One end of an in-memory channel: delivers a clone of each message, asynchronously, in order.
 * With `delayMs`, each delivery waits that long first (still in order), so tests can make batches
 * arrive after the coordinator's next grant.
 */
class MemoryPort implements PortLike {
  other: MemoryPort | undefined;
  private readonly listeners = new Set<Listener>();
  private closed = false;
  private chain: Promise<void> = Promise.resolve();

  constructor(private readonly delayMs?: () => number) {}

  postMessage(message: unknown): void {
    const other = this.other;
    if (this.closed || !other) return;
    const data = structuredClone(message);
    const delay = this.delayMs?.();
    if (delay === undefined) queueMicrotask(() => other.dispatch(data));
    else
      this.chain = this.chain
        .then(() => new Promise<void>((r) => setTimeout(r, delay)))
        .then(() => other.dispatch(data));
  }

  private dispatch(data: unknown): void {
    if (this.closed) return;
    for (const l of this.listeners) l({ data } as MessageEvent);
  }

  addEventListener(_type: 'message', listener: Listener): void {
    this.listeners.add(listener);
  }

  removeEventListener(_type: 'message', listener: Listener): void {
    this.listeners.delete(listener);
  }

  close(): void {
    this.closed = true;
    this.listeners.clear();
  }
}

/** A pair of linked in-memory ports (optionally slow: `delayMs` per message). */
export function memoryPortPair(delayMs?: () => number): { port1: PortLike; port2: PortLike } {
  const a = new MemoryPort(delayMs);
  const b = new MemoryPort(delayMs);
  a.other = b;
  b.other = a;
  return { port1: a, port2: b };
}

/** A control API that clones arguments and results, as a worker boundary would. */
function cloningControl(host: Host): HostControl {
  return new Proxy({} as HostControl, {
    get: (_t, method: string) => {
      const fn = (host as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>)[method];
      if (typeof fn !== 'function') return undefined;
      return async (...args: unknown[]) =>
        structuredClone(
          await fn.apply(
            host,
            args.map((a) => structuredClone(a)),
          ),
        );
    },
  });
}

/** Hosts in this thread (the in-memory mode of the equivalence tests); `delayMs` slows the data ports. */
export function memorySpawner(
  open: PersistenceOpener,
  log?: Logger,
  delayMs?: () => number,
): HostSpawner & { readonly hosts: Map<HostName, Host> } {
  const hosts = new Map<HostName, Host>();
  return {
    hosts,
    async spawn(name: HostName): Promise<HostHandle> {
      const host = new Host(name, componentFor(name, open), log);
      hosts.set(name, host);
      return {
        name,
        control: cloningControl(host),
        connect: (peer, port) => host.connect(peer, port),
        terminate: async () => host.close(),
      };
    },
    channel: () => memoryPortPair(delayMs),
  };
}
