import { CONNECTION_FIELDS } from '../gateway/connection';
import { PROTOCOLS, type ProtocolName } from '../kernel/trace';
import { percentile } from './metrics';
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
  };
  protocols: Partial<Record<ProtocolName, { clients: number; bytesUp: number; bytesDown: number; bytesPerDeliveredMessage: number | null; requests: number; headerBytes: number; payloadBytes: number }>>;
  energy: Partial<Record<ProtocolName, { joulesPerPhoneHour: number; highPowerSecondsPerPhoneHour: number }>>;
  latencyMs: { p50: number; p95: number; p99: number };
  gateway: { peakConnections: number; connectionsNow: number; refusedConnections: number; peakLoad: number; crashed: boolean; crashes: number; bytesPerConnection: number };
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

/** Where every message not yet delivered is right now. */
export function pendingMessages(sim: Simulation): { inStore: Set<number>; inGateway: Set<number>; onWire: Set<number>; inOutbox: Set<number> } {
  const inStore = new Set<number>();
  for (const it of sim.store.store.all()) if (it.key.startsWith('c')) inStore.add(it.msg);
  const inGateway = new Set(sim.gateway.heldChatIds());
  const onWire = new Set<number>();
  for (const ev of sim.kernel.pendingEvents()) {
    const m = ev.msg;
    if (m.type === 'up' || m.type === 'down' || m.type === 'deliver') for (const id of chatIdsIn(m.proto, m.chunks)) onWire.add(id);
    else if (m.type === 'store.put' && m.key.startsWith('c')) onWire.add(m.msg);
    else if (m.type === 'store.batch') for (const it of m.items) if (it.key.startsWith('c')) onWire.add(it.msg);
  }
  const inOutbox = new Set<number>();
  for (const p of sim.fleet.phones) if (p.chats) for (const s of p.chats.sent.values()) if (s.status === 'queued') inOutbox.add(s.msg);
  return { inStore, inGateway, onWire, inOutbox };
}

const round = (n: number, digits = 1): number => Math.round(n * 10 ** digits) / 10 ** digits;

/** Builds the report for the run so far. */
export function buildReport(sim: Simulation): Report {
  const m = sim.metrics;
  const now = sim.now;
  const created = [...m.createdAt.keys()];
  const delivered = m.deliveredAt;
  const where = pendingMessages(sim);
  let pendingInStore = 0;
  let inFlight = 0;
  let lost = 0;
  for (const id of created) {
    if (delivered.has(id)) continue;
    if (where.inStore.has(id)) pendingInStore++;
    else if (where.inGateway.has(id) || where.onWire.has(id) || where.inOutbox.has(id)) inFlight++;
    else lost++;
  }

  const clients = new Map<ProtocolName, number>();
  const energy = new Map<ProtocolName, { joules: number; highMs: number; hours: number }>();
  for (const p of sim.fleet.phones) {
    clients.set(p.proto, (clients.get(p.proto) ?? 0) + 1);
    p.radio.settle(now);
    const e = energy.get(p.proto) ?? { joules: 0, highMs: 0, hours: 0 };
    e.joules += p.radio.joules;
    e.highMs += p.radio.highPowerMs;
    e.hours += Math.max(0, now - p.spawnMs) / 3_600_000;
    energy.set(p.proto, e);
  }

  const protocols: Report['protocols'] = {};
  const energyOut: Report['energy'] = {};
  for (const proto of PROTOCOLS) {
    const t = m.protocols[proto];
    const n = clients.get(proto) ?? 0;
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
    const e = energy.get(proto);
    if (e && e.hours > 0)
      energyOut[proto] = { joulesPerPhoneHour: round(e.joules / e.hours), highPowerSecondsPerPhoneHour: round(e.highMs / 1000 / e.hours) };
  }

  const lat = m.latencies();
  const g = sim.gateway;
  return {
    scenario: sim.scenario.name,
    seed: sim.scenario.seed,
    durationMs: now,
    phones: sim.fleet.phones.length,
    events: sim.kernel.eventsProcessed,
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
    },
    protocols,
    energy: energyOut,
    latencyMs: { p50: percentile(lat, 50), p95: percentile(lat, 95), p99: percentile(lat, 99) },
    gateway: {
      peakConnections: g.stats.peakConnections,
      connectionsNow: g.conns.size,
      refusedConnections: g.stats.refusedConnections,
      peakLoad: round(g.stats.peakLoad, 3),
      crashed: g.stats.crashes > 0,
      crashes: g.stats.crashes,
      bytesPerConnection: CONNECTION_BYTES_ESTIMATE,
    },
    encryption: sim.scenario.encryption,
    rejectedInputs: m.rejected,
    traceHash: sim.hasher.hex,
  };
}
