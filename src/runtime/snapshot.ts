import type {
  ChatMessageView,
  PhoneGroupView,
  PhoneView,
  Snapshot,
} from '../bridge/playground-api';
import type { Gateway } from '../engine/gateway/gateway';
import { WORK_UNITS } from '../engine/gateway/load-meter';
import type { Fleet } from '../engine/phone/fleet';
import type { Phone } from '../engine/phone/phone';
import type { PhoneStatus } from '../engine/phone/connection-state';
import { buildReport, type Report } from '../engine/sim/report';
import type { Simulation } from '../engine/sim/simulation';
import type { EphemeralStore } from '../engine/store/ephemeral-store';
import type { RetryPolicy } from '../engine/model/retry-policy';
import type { Scenario } from '../engine/scenario/scenario';
import type { TimedInput } from '../bridge/run-record';

/** Phones shown one by one; beyond this the diagram groups them. */
export const DETAILED_PHONES = 24;

function chatsOf(p: Phone): PhoneView['chats'] {
  const book = p.chats;
  if (!book) return [];
  const out: { peer: number; messages: ChatMessageView[] }[] = [];
  for (const [peer, ids] of book.timeline) {
    const messages: ChatMessageView[] = [];
    for (const id of ids) {
      const s = book.sent.get(id);
      if (s)
        messages.push({
          msg: id,
          from: p.user,
          to: s.to,
          text: s.text,
          atMs: s.sentAtMs,
          status: s.status,
        });
      const r = book.received.get(id);
      if (r)
        messages.push({
          msg: id,
          from: r.from,
          to: p.user,
          text: r.text,
          atMs: r.atMs,
          read: r.read,
          ...(r.error ? { error: r.error } : {}),
        });
    }
    out.push({ peer, messages });
  }
  return out;
}

/** One phone's view at `nowMs`; `detailed` adds its chats. */
export function phoneViewAt(
  p: Phone,
  names: ReadonlyMap<number, string>,
  nowMs: number,
  detailed: boolean,
): PhoneView {
  p.radio.settle(nowMs);
  let outbox = 0;
  let unread = 0;
  if (p.chats) {
    for (const s of p.chats.sent.values()) if (s.status === 'queued') outbox++;
    for (const r of p.chats.received.values()) if (!r.read) unread++;
  }
  return {
    user: p.user,
    name: names.get(p.user) ?? `u${p.user}`,
    proto: p.proto,
    status: p.status,
    link: p.link.quality,
    bytesUp: p.bytesUp,
    bytesDown: p.bytesDown,
    joules: Math.round(p.radio.joules * 10) / 10,
    highPowerMs: p.radio.highPowerMs,
    outbox,
    unread,
    ...(detailed ? { chats: chatsOf(p) } : {}),
  };
}

/** Counts of phones per protocol and status. */
export function phoneGroups(phones: readonly Phone[]): PhoneGroupView[] {
  const groups = new Map<
    string,
    { proto: Phone['proto']; count: number; byStatus: Partial<Record<PhoneStatus, number>> }
  >();
  for (const p of phones) {
    let g = groups.get(p.proto);
    if (!g) groups.set(p.proto, (g = { proto: p.proto, count: 0, byStatus: {} }));
    g.count++;
    g.byStatus[p.status] = (g.byStatus[p.status] ?? 0) + 1;
  }
  return [...groups.values()];
}

/** The phones' share of a snapshot: the first phones (and the selected one) in detail, and groups. */
export type PhonesPart = Pick<Snapshot, 'phoneCount' | 'phones' | 'groups'>;

/** The phones' share of a snapshot, from the fleet that runs them. */
export function phonesPart(fleet: Fleet, nowMs: number, selected?: number): PhonesPart {
  const phones = fleet.phones;
  const detailed: PhoneView[] = [];
  for (let i = 0; i < Math.min(DETAILED_PHONES, phones.length); i++)
    detailed.push(phoneViewAt(phones[i]!, fleet.names, nowMs, true));
  const sel = selected !== undefined ? fleet.phone(selected) : undefined;
  if (sel && sel.user > DETAILED_PHONES) detailed.push(phoneViewAt(sel, fleet.names, nowMs, true));
  return { phoneCount: phones.length, phones: detailed, groups: phoneGroups(phones) };
}

/** The gateway's share of a snapshot at `nowMs` (its load then, not at its last sweep). */
export function gatewayPart(g: Gateway, nowMs: number): Snapshot['gateway'] {
  return {
    connections: g.conns.size,
    load: g.loadAt(nowMs),
    crashed: g.crashed,
    epoch: g.epoch,
    maxConnections: g.config.maxConnections,
    workPerSec: g.config.workPerSec,
    backpressure: g.config.backpressure,
    thresholdPct: g.config.thresholdPct,
    workUnits: WORK_UNITS,
  };
}

/** The store's share of a snapshot: items held, in all and per recipient. */
export function storePart(store: EphemeralStore): Snapshot['store'] {
  const byUser = new Map<number, number>();
  for (const it of store.all()) byUser.set(it.recipient, (byUser.get(it.recipient) ?? 0) + 1);
  return { pending: store.size, byUser: [...byUser.entries()] };
}

/** Everything a snapshot says about the run as a whole, beside the components' parts. */
export type SnapshotMeta = Pick<
  Snapshot,
  | 'nowMs'
  | 'durationMs'
  | 'running'
  | 'speed'
  | 'seed'
  | 'scenarioName'
  | 'description'
  | 'settings'
  | 'pendingInputs'
>;

/** The run-wide part of a snapshot: the one place it is built (the run session calls it). */
export function snapshotMeta(
  scenario: Scenario,
  o: {
    nowMs: number;
    running: boolean;
    speed: number;
    retry: RetryPolicy;
    pendingInputs: readonly TimedInput[];
  },
): SnapshotMeta {
  return {
    nowMs: o.nowMs,
    durationMs: scenario.durationMs,
    running: o.running,
    speed: o.speed,
    seed: scenario.seed,
    scenarioName: scenario.name,
    description: scenario.description,
    settings: {
      encryption: scenario.encryption,
      retry: o.retry,
      protocolSettings: scenario.settings,
    },
    pendingInputs: o.pendingInputs,
  };
}

/** Puts a snapshot together from the components' parts (one thread or several workers). */
export function assembleSnapshot(
  meta: SnapshotMeta,
  parts: {
    phones: PhonesPart;
    gateway: Snapshot['gateway'];
    sessions: Snapshot['sessions'];
    store: Snapshot['store'];
  },
  report: Report,
): Snapshot {
  return {
    ...meta,
    ...parts.phones,
    gateway: parts.gateway,
    sessions: parts.sessions,
    store: parts.store,
    report,
  };
}

/** The whole snapshot of an in-process run. */
export function buildSnapshot(sim: Simulation, meta: SnapshotMeta, selected?: number): Snapshot {
  const parts = {
    phones: phonesPart(sim.fleet, sim.now, selected),
    gateway: gatewayPart(sim.gateway, sim.now),
    sessions: { online: sim.sessions.onlineCount },
    store: storePart(sim.store.store),
  };
  return assembleSnapshot(meta, parts, buildReport(sim));
}

/** A simulation's snapshot where it stands, paused at speed 1 (the CLI's exports and tests). */
export function stillSnapshot(sim: Simulation, scenario: Scenario): Snapshot {
  const meta = snapshotMeta(scenario, {
    nowMs: sim.now,
    running: false,
    speed: 1,
    retry: scenario.retry,
    pendingInputs: [],
  });
  return buildSnapshot(sim, meta);
}
