import * as Comlink from 'comlink';
import { componentFor, type HistoryOpener, type PersistenceOpener } from './components';
import { serveClock } from './clock-port';
import { checkComlinkRequest, guardEndpoint } from './guard-endpoint';
import { Host, type Logger } from './host';
import type { HostName } from './partition';
import type { HostControl, PortLike } from './host-messages';

/** What a host worker exposes: the control API, and `serve` to answer on another port too. */
export interface HostWorkerApi extends HostControl {
  /** Exposes the same API on `port` (the browser's coordinator worker talks to hosts directly). */
  serve(port: MessagePort): void;
  /** Answers window grants on `port` (raw messages: the hot path of the window protocol). */
  clock(port: MessagePort): void;
}

const ENDPOINT_KEY = Symbol.for('doubletick.endpoint');

/** The worker's own endpoint: the global scope in a browser, the parent port a Node bootstrap sets. */
export function workerEndpoint(): Comlink.Endpoint {
  return (
    ((globalThis as Record<symbol, unknown>)[ENDPOINT_KEY] as Comlink.Endpoint | undefined) ??
    (globalThis as unknown as Comlink.Endpoint)
  );
}

/** Exposes `host` on `ep` with comlink, behind a guard that drops malformed messages with a logged reason. */
export function serveHost(
  host: Host,
  ep: Comlink.Endpoint,
  log: Logger = (m) => console.error(m),
): void {
  const api: HostWorkerApi = {
    init: (s) => host.init(s),
    connect: (peer, port) => host.connect(peer, port),
    run: (g) => host.run(g),
    sync: (e) => host.sync(e),
    part: (e, now, sel) => host.part(e, now, sel),
    drain: (e) => host.drain(e),
    adopt: (evs) => host.adopt(evs),
    storeItems: (m) => host.storeItems(m),
    storeMark: () => host.storeMark(),
    storeAdopt: () => host.storeAdopt(),
    storeCheckpoint: (m) => host.storeCheckpoint(m),
    historyCheckpoint: (m) => host.historyCheckpoint(m),
    connectedPhones: () => host.connectedPhones(),
    search: (u, q) => host.search(u, q),
    serve: (port) =>
      Comlink.expose(
        api,
        guardEndpoint(port as unknown as Comlink.Endpoint, checkComlinkRequest, host.name, log),
      ),
    clock: (port) => serveClock(port as unknown as PortLike, host.name, (g) => host.run(g), log),
  };
  Comlink.expose(api, guardEndpoint(ep, checkComlinkRequest, host.name, log));
}

/** A worker's whole job: build the host for its component and answer on the worker's endpoint. */
export function startHostWorker(
  name: HostName,
  open: PersistenceOpener = () => undefined,
  openHistory: HistoryOpener = () => undefined,
): Host {
  const host = new Host(name, componentFor(name, open, openHistory));
  serveHost(host, workerEndpoint());
  return host;
}

export type { PortLike };
