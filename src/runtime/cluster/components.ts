/**
 * The engine component each host runs: it registers its actors on the host's kernel and says what
 * it contributes to snapshots. No simulation logic here: the engine's own classes do the work.
 */
import type { Kernel } from '../../engine/kernel/kernel';
import { SessionManager } from '../../engine/session/session-manager';
import { ACTOR } from '../../engine/model/actors';
import type { SimMessage } from '../../engine/model/messages';
import {
  fleetTally,
  outboxChatIds,
  storedChatIds,
  storedReceiptCount,
} from '../../engine/sim/report';
import { createFleet, createGateway, createPhoneEnvironment } from '../../engine/sim/simulation';
import { StoreActor } from '../../engine/store/store-actor';
import type { SearchResultView } from '../../bridge/playground-api';
import { searchPhoneIndex } from '../search-phone';
import { gatewayPart, phonesPart, storePart } from '../snapshot';
import { DurableStore } from './durable-store';
import type { HistoryPersistence } from './history-persistence';
import type { HostName } from './partition';
import { PhoneHistoryWriter } from './phone-history';
import type {
  ComponentPart,
  HistorySetup,
  HostSetup,
  PhoneConnection,
  StoreSetup,
  TimeMark,
} from './host-messages';
import type { StorePersistence } from './store-persistence';

/** One host's component. Optional members are what only some components do. */
export interface Component {
  part(nowMs: number, selected?: number): ComponentPart;
  /** The component's own I/O for the window just run (the store's durable writes, the phones' history). */
  afterWindow?(mark: TimeMark): Promise<void>;
  /** The store's durable copy, for the store's control methods. */
  readonly durable?: DurableStore;
  /** The phones' history: after a replay, rewrites the durable copy from the replayed run. */
  historyCheckpoint?(mark: TimeMark): Promise<void>;
  connectedPhones?(): PhoneConnection[];
  search?(user: number, query: string): SearchResultView[];
  close?(): void;
}

/** Opens the durable persistence a store setup asks for (injected: IndexedDB only exists in browsers). */
export type PersistenceOpener = (setup: StoreSetup) => StorePersistence | undefined;

/** Opens the history persistence a phones setup asks for (injected, as the store's is). */
export type HistoryOpener = (setup: HistorySetup) => HistoryPersistence | undefined;

/** Builds one component on a host's kernel. */
export type ComponentFactory = (kernel: Kernel<SimMessage>, setup: HostSetup) => Promise<Component>;

/** The gateway; a restarted incarnation starts down with its new epoch and comes back at `restartAtMs`. */
export const gatewayComponent: ComponentFactory = async (kernel, setup) => {
  const r = setup.gatewayRestart;
  const scenario = r ? { ...setup.scenario, gateway: r.config } : setup.scenario;
  const g = createGateway(scenario, {
    settings: { ...scenario.settings },
    recordWire: setup.recordWire,
    body: { encrypted: scenario.encryption },
  });
  kernel.register(ACTOR.gateway, g);
  if (r) {
    // The state Gateway.crash() leaves behind: a host whose TCP stack refuses connections.
    g.epoch = r.epoch;
    g.crashed = true;
    kernel.enqueue(
      ACTOR.gateway,
      ACTOR.gateway,
      { type: 'timer', name: 'restart', conn: 0, gen: r.epoch },
      r.restartAtMs,
    );
  }
  return {
    part: (nowMs) => ({
      host: 'gateway',
      gateway: gatewayPart(g, nowMs),
      config: { ...g.config },
      stats: { ...g.stats },
      held: g.heldChatIds(),
    }),
  };
};

/** The session manager. */
export const sessionsComponent: ComponentFactory = async (kernel) => {
  const s = new SessionManager();
  kernel.register(ACTOR.sessions, s);
  return { part: () => ({ host: 'sessions', online: s.onlineCount }) };
};

/** The ephemeral store, with its durable copy from `open`. */
export function storeComponent(open: PersistenceOpener): ComponentFactory {
  return async (kernel, setup) => {
    const storeSetup = setup.store ?? { persistence: 'none', begin: 'fresh' };
    const durable = await DurableStore.open(open(storeSetup), storeSetup.begin);
    kernel.register(ACTOR.store, new StoreActor(durable));
    return {
      durable,
      part: () => ({
        host: 'store',
        store: storePart(durable),
        storedChats: storedChatIds(durable.all()),
        storedReceipts: storedReceiptCount(durable.all()),
      }),
      afterWindow: (mark) => durable.flush(mark),
      close: () => durable.close(),
    };
  };
}

/**
 * Every phone and the fleet that spawns them: one host, so thousands of phones cost one worker.
 * With a history persistence, each window's newly sent or decrypted messages are written after it.
 */
export function phonesComponent(openHistory: HistoryOpener = () => undefined): ComponentFactory {
  return async (kernel, setup) => {
    const env = createPhoneEnvironment(setup.scenario, setup.recordWire);
    const fleet = createFleet(setup.scenario, env, (id, phone) => kernel.register(id, phone));
    kernel.register(ACTOR.fleet, fleet);
    const persistence = setup.history ? openHistory(setup.history) : undefined;
    const history =
      persistence && (await PhoneHistoryWriter.open(fleet, persistence, setup.history!.begin));
    return {
      part: (nowMs, selected) => ({
        host: 'phones',
        phones: phonesPart(fleet, nowMs, selected),
        fleet: fleetTally(fleet.phones, nowMs),
        outbox: outboxChatIds(fleet.phones),
      }),
      connectedPhones: () =>
        fleet.phones
          .filter((p) => p.status === 'online' || p.status === 'connecting')
          .map((p) => ({ user: p.user, conn: p.conn })),
      search: (user, query) => searchPhoneIndex(fleet.phone(user), query),
      ...(history
        ? { afterWindow: (mark: TimeMark) => history.flush(mark), close: () => history.close() }
        : {}),
      historyCheckpoint: async (mark) => history?.checkpoint(mark),
    };
  };
}

/** The component factory of each host, with the store's persistence and the phones' history openers. */
export function componentFor(
  name: HostName,
  open: PersistenceOpener,
  openHistory: HistoryOpener = () => undefined,
): ComponentFactory {
  switch (name) {
    case 'gateway':
      return gatewayComponent;
    case 'sessions':
      return sessionsComponent;
    case 'store':
      return storeComponent(open);
    case 'phones':
      return phonesComponent(openHistory);
  }
}
