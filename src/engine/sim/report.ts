import { CONNECTION_FIELDS } from '../protocols/server-connection';
import type { GatewayStats } from '../gateway/admission';
import type { QueuedEvent } from '../kernel/event-queue';
import { PROTOCOLS, type ProtocolName } from '../model/protocols';
import type { Phone } from '../phone/phone';
import type { SimMessage, StoredItem } from '../model/messages';
import { percentile, type MetricsCollector } from './metrics';
import type { Simulation } from './simulation';
import { chatIdsIn } from './wire-scan';

/** The run's figures, as `sim run --json` prints them. */
export interface Report {
  scenario: string;
  seed: number;
  durationMs: number;
  phones: number;
  events: number;
  messages: {
    sent: number;
    accepted: number;
    delivered: number;
    read: number;
    stored: number;
    deletedFromStore: number;
    pendingInStore: number;
    inFlight: number;
    lost: number;
    duplicated: number;
    duplicatesSuppressed: number;
    /**
     * Receipts pass through the store too, counted apart from chats: stored, deleted after the
     * recipient's ack, and still held (stored = deleted + held, once nothing is on its way).
     */
    receipts: { stored: number; deletedFromStore: number; pendingInStore: number };
  };
  protocols: Partial<
    Record<
      ProtocolName,
      {
        clients: number;
        bytesUp: number;
        bytesDown: number;
        bytesPerDeliveredMessage: number | null;
        requests: number;
        headerBytes: number;
        payloadBytes: number;
      }
    >
  >;
  energy: Partial<
    Record<ProtocolName, { joulesPerPhoneHour: number; highPowerSecondsPerPhoneHour: number }>
  >;
  /** Creation to the recipient's device; null when nothing was delivered (there is no latency to give). */
  latencyMs: {
    p50: number | null;
    p95: number | null;
    p99: number | null;
    /**
     * The part of it spent waiting for the recipient's idle radio to reach its paging occasion
     * (the promotion after it is not included): over the delivered chats that waited, how many,
     * the mean and the p95; null when none waited.
     */
    pagingWait: { chats: number; mean: number | null; p95: number | null };
  };
  gateway: {
    peakConnections: number;
    connectionsNow: number;
    refusedConnections: number;
    peakLoad: number;
    /** The longest run of 1 s measurement windows in which the load stayed above 100 %. */
    longestOverloadSec: number;
    crashed: boolean;
    crashes: number;
    bytesPerConnection: number;
  };
  /** How a rush of connections went (New Year's Eve). */
  spike: {
    /** Refused connections in each second of the run. */
    refusalsPerSec: number[];
    /** Connections opened in each second of the run. */
    connectsPerSec: number[];
    /**
     * Seconds from the last phones' arrival (the latest spike, or the run's start) until the last
     * connection opened, if every phone that wants a connection now holds one; otherwise null.
     */
    timeToAllConnectedSec: number | null;
    /** Phones that want a connection and do not hold one yet. */
    stillWaiting: number;
    /** Phones that reached their retry policy's cap on attempts and stopped trying. */
    gaveUp: number;
  };
  encryption: boolean;
  rejectedInputs: number;
  traceHash: string;
}

/**
 * What the gateway keeps per idle connection, counted from its structure: the record's fields
 * at V8's 4 bytes each (pointer compression) plus a 12-byte object header, a Map entry (key,
 * value, chain: 3 × 4 B, at the table's 2× load) and the session-present byte. `npm run bench`
 * measures the real heap beside this figure.
 */
export const CONNECTION_BYTES_ESTIMATE = 12 + CONNECTION_FIELDS * 4 + 2 * 3 * 4 + 1;

/** Where every message not yet delivered is right now (chat ids per place). */
export interface PendingPlaces {
  readonly inStore: ReadonlySet<number>;
  readonly inGateway: ReadonlySet<number>;
  readonly onWire: ReadonlySet<number>;
  readonly inOutbox: ReadonlySet<number>;
  /** Receipts the store holds now. */
  readonly receiptsInStore: number;
}

/** One protocol's phones, summed for the report. */
export interface FleetTally {
  clients: number;
  joules: number;
  highMs: number;
  hours: number;
  /** Phones that want a connection and do not hold one (backing off, connecting, no network). */
  waiting: number;
  gaveUp: number;
  /** When the newest of these phones was spawned. */
  lastSpawnMs: number;
}

/**
 * What a report is built from: plain figures that one thread (a Simulation) or a coordinator
 * gathering parts from several workers can provide alike.
 */
export interface ReportView {
  readonly scenario: { readonly name: string; readonly seed: number; readonly encryption: boolean };
  readonly nowMs: number;
  readonly events: number;
  readonly metrics: MetricsCollector;
  readonly traceHash: string;
  readonly phoneCount: number;
  readonly fleet: ReadonlyMap<ProtocolName, FleetTally>;
  readonly pending: PendingPlaces;
  readonly gateway: { readonly stats: GatewayStats; readonly connections: number };
}

/** Receipts the store holds (every item that is not a chat). */
export function storedReceiptCount(items: Iterable<StoredItem>): number {
  let n = 0;
  for (const it of items) if (!it.key.startsWith('c')) n++;
  return n;
}

/** Chat ids the store holds (receipts are not chats). */
export function storedChatIds(items: Iterable<StoredItem>): number[] {
  const out: number[] = [];
  for (const it of items) if (it.key.startsWith('c')) out.push(it.msg);
  return out;
}

/** Chat ids carried by events still queued: bytes on a link, puts and batches between servers. */
export function chatIdsOnWire(events: Iterable<QueuedEvent<SimMessage>>): number[] {
  const out: number[] = [];
  for (const ev of events) {
    const m = ev.msg;
    if (m.type === 'up' || m.type === 'down' || m.type === 'deliver')
      out.push(...chatIdsIn(m.proto, m.chunks));
    else if (m.type === 'store.put' && m.key.startsWith('c')) out.push(m.msg);
    else if (m.type === 'store.batch')
      for (const it of m.items) if (it.key.startsWith('c')) out.push(it.msg);
  }
  return out;
}

/** Chat ids a sender still holds to send (or to resend). */
export function outboxChatIds(phones: readonly Phone[]): number[] {
  const out: number[] = [];
  // The sender still holds it: not yet ✓, or ✓ but the sender will resend it because it has not
  // since reconnected to a server that kept its session (it resends after a session loss).
  for (const p of phones)
    if (p.chats)
      for (const s of p.chats.sent.values())
        if (s.status === 'queued' || (s.status === 'sent' && p.resumedAtMs < s.acceptedAtMs))
          out.push(s.msg);
  return out;
}

/** Clients and radio energy per protocol, with every radio settled to `nowMs`. */
export function fleetTally(phones: readonly Phone[], nowMs: number): Map<ProtocolName, FleetTally> {
  const out = new Map<ProtocolName, FleetTally>();
  for (const p of phones) {
    p.radio.settle(nowMs);
    let e = out.get(p.proto);
    if (!e)
      out.set(
        p.proto,
        (e = { clients: 0, joules: 0, highMs: 0, hours: 0, waiting: 0, gaveUp: 0, lastSpawnMs: 0 }),
      );
    e.clients++;
    if (p.status === 'gave-up') e.gaveUp++;
    else if (p.wantOnline && p.status !== 'online') e.waiting++;
    if (p.spawnMs > e.lastSpawnMs) e.lastSpawnMs = p.spawnMs;
    e.joules += p.radio.joules;
    e.highMs += p.radio.highPowerMs;
    e.hours += Math.max(0, nowMs - p.spawnMs) / 3_600_000;
  }
  return out;
}

/** Where every message not yet delivered is right now, in a one-thread run. */
export function pendingMessages(sim: Simulation): {
  inStore: Set<number>;
  inGateway: Set<number>;
  onWire: Set<number>;
  inOutbox: Set<number>;
  receiptsInStore: number;
} {
  const inStore = new Set(storedChatIds(sim.store.store.all()));
  const inGateway = new Set(sim.gateway.heldChatIds());
  const inOutbox = new Set(outboxChatIds(sim.fleet.phones));
  // Decoding every queued packet is the costly part: do it only if some message is unaccounted for.
  const m = sim.metrics;
  let unplaced = false;
  for (const id of m.createdAt.keys())
    if (!m.deliveredAt.has(id) && !inStore.has(id) && !inGateway.has(id) && !inOutbox.has(id)) {
      unplaced = true;
      break;
    }
  const onWire = new Set(unplaced ? chatIdsOnWire(sim.kernel.pendingEvents()) : []);
  const receiptsInStore = storedReceiptCount(sim.store.store.all());
  return { inStore, inGateway, onWire, inOutbox, receiptsInStore };
}

/** The report view of a one-thread run. */
export function reportViewOf(sim: Simulation): ReportView {
  return {
    scenario: sim.scenario,
    nowMs: sim.now,
    events: sim.kernel.eventsProcessed,
    metrics: sim.metrics,
    traceHash: sim.hasher.hex,
    phoneCount: sim.fleet.phones.length,
    fleet: fleetTally(sim.fleet.phones, sim.now),
    pending: pendingMessages(sim),
    gateway: { stats: sim.gateway.stats, connections: sim.gateway.conns.size },
  };
}

const round = (n: number, digits = 1): number => Math.round(n * 10 ** digits) / 10 ** digits;

/** Builds the report for the run so far, from a Simulation or from a view gathered elsewhere. */
export function buildReport(src: Simulation | ReportView): Report {
  const v = 'kernel' in src ? reportViewOf(src) : src;
  const m = v.metrics;
  const now = v.nowMs;
  const created = [...m.createdAt.keys()];
  const delivered = m.deliveredAt;
  const where = v.pending;
  let pendingInStore = 0;
  let inFlight = 0;
  let lost = 0;
  for (const id of created) {
    if (delivered.has(id)) continue;
    if (where.inStore.has(id)) pendingInStore++;
    else if (where.inGateway.has(id) || where.onWire.has(id) || where.inOutbox.has(id)) inFlight++;
    else lost++;
  }

  const protocols: Report['protocols'] = {};
  const energyOut: Report['energy'] = {};
  for (const proto of PROTOCOLS) {
    const t = m.protocols[proto];
    const e = v.fleet.get(proto);
    const n = e?.clients ?? 0;
    if (n === 0 && t.bytesUp + t.bytesDown === 0) continue;
    const bytes = t.bytesUp + t.bytesDown;
    protocols[proto] = {
      clients: n,
      bytesUp: t.bytesUp,
      bytesDown: t.bytesDown,
      bytesPerDeliveredMessage: t.delivered > 0 ? round(bytes / t.delivered) : null,
      requests: t.requests,
      headerBytes: t.headerBytes,
      payloadBytes: t.payloadBytes,
    };
    if (e && e.hours > 0)
      energyOut[proto] = {
        joulesPerPhoneHour: round(e.joules / e.hours),
        highPowerSecondsPerPhoneHour: round(e.highMs / 1000 / e.hours),
      };
  }

  const lat = m.latencies();
  const paging = m.pagingWaits();
  const g = v.gateway;
  let stillWaiting = 0;
  let gaveUp = 0;
  let arrivedMs = 0;
  for (const t of v.fleet.values()) {
    stillWaiting += t.waiting;
    gaveUp += t.gaveUp;
    arrivedMs = Math.max(arrivedMs, t.lastSpawnMs);
  }
  const lastConnect = Math.max(arrivedMs, g.stats.lastConnectMs);
  return {
    scenario: v.scenario.name,
    seed: v.scenario.seed,
    durationMs: now,
    phones: v.phoneCount,
    events: v.events,
    messages: {
      sent: created.length,
      accepted: m.accepted.size,
      delivered: delivered.size,
      read: m.read.size,
      stored: m.storedChats.size,
      deletedFromStore: m.deletedChats.size,
      pendingInStore,
      inFlight,
      lost,
      duplicated: m.duplicated,
      duplicatesSuppressed: m.duplicatesSuppressed,
      receipts: {
        stored: m.storedReceipts.size,
        deletedFromStore: m.deletedReceipts.size,
        pendingInStore: where.receiptsInStore,
      },
    },
    protocols,
    energy: energyOut,
    latencyMs: {
      p50: lat.length === 0 ? null : percentile(lat, 50),
      p95: lat.length === 0 ? null : percentile(lat, 95),
      p99: lat.length === 0 ? null : percentile(lat, 99),
      pagingWait: {
        chats: paging.length,
        mean: paging.length === 0 ? null : round(paging.reduce((a, b) => a + b, 0) / paging.length),
        p95: paging.length === 0 ? null : percentile(paging, 95),
      },
    },
    gateway: {
      peakConnections: g.stats.peakConnections,
      connectionsNow: g.connections,
      refusedConnections: g.stats.refusedConnections,
      peakLoad: round(g.stats.peakLoad, 3),
      longestOverloadSec: g.stats.longestOverloadSec,
      crashed: g.stats.crashes > 0,
      crashes: g.stats.crashes,
      bytesPerConnection: CONNECTION_BYTES_ESTIMATE,
    },
    spike: {
      refusalsPerSec: [...g.stats.refusalsPerSec],
      connectsPerSec: [...g.stats.connectsPerSec],
      timeToAllConnectedSec:
        stillWaiting + gaveUp === 0 ? round((lastConnect - arrivedMs) / 1000, 1) : null,
      stillWaiting,
      gaveUp,
    },
    encryption: v.scenario.encryption,
    rejectedInputs: m.rejected,
    traceHash: v.traceHash,
  };
}
