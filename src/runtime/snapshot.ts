import type { ChatMessageView, PhoneGroupView, PhoneView, Snapshot } from '../bridge/playground-api';
import type { Phone } from '../engine/phone/phone';
import type { PhoneStatus } from '../engine/phone/connection-state';
import { buildReport } from '../engine/sim/report';
import type { Simulation } from '../engine/sim/simulation';

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
      if (s) messages.push({ msg: id, from: p.user, to: s.to, text: s.text, atMs: s.sentAtMs, status: s.status });
      const r = book.received.get(id);
      if (r) messages.push({ msg: id, from: r.from, to: p.user, text: r.text, atMs: r.atMs, read: r.read, ...(r.error ? { error: r.error } : {}) });
    }
    out.push({ peer, messages });
  }
  return out;
}

/** One phone's view; `detailed` adds its chats. */
export function phoneView(sim: Simulation, p: Phone, detailed: boolean): PhoneView {
  p.radio.settle(sim.now);
  let outbox = 0;
  let unread = 0;
  if (p.chats) {
    for (const s of p.chats.sent.values()) if (s.status === 'queued') outbox++;
    for (const r of p.chats.received.values()) if (!r.read) unread++;
  }
  return {
    user: p.user,
    name: sim.fleet.names.get(p.user) ?? `u${p.user}`,
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
  const groups = new Map<string, { proto: Phone['proto']; count: number; byStatus: Partial<Record<PhoneStatus, number>> }>();
  for (const p of phones) {
    let g = groups.get(p.proto);
    if (!g) groups.set(p.proto, (g = { proto: p.proto, count: 0, byStatus: {} }));
    g.count++;
    g.byStatus[p.status] = (g.byStatus[p.status] ?? 0) + 1;
  }
  return [...groups.values()];
}

/** The whole snapshot of an in-process run. */
export function buildSnapshot(sim: Simulation, o: { running: boolean; speed: number; selected?: number }): Snapshot {
  const phones = sim.fleet.phones;
  const detailed: PhoneView[] = [];
  for (let i = 0; i < Math.min(DETAILED_PHONES, phones.length); i++) detailed.push(phoneView(sim, phones[i]!, true));
  const sel = o.selected !== undefined ? sim.fleet.phone(o.selected) : undefined;
  if (sel && sel.user > DETAILED_PHONES) detailed.push(phoneView(sim, sel, true));
  const byUser = new Map<number, number>();
  for (const it of sim.store.store.all()) byUser.set(it.recipient, (byUser.get(it.recipient) ?? 0) + 1);
  const g = sim.gateway;
  return {
    nowMs: sim.now,
    durationMs: sim.scenario.durationMs,
    running: o.running,
    speed: o.speed,
    seed: sim.scenario.seed,
    scenarioName: sim.scenario.name,
    phoneCount: phones.length,
    phones: detailed,
    groups: phoneGroups(phones),
    gateway: {
      connections: g.conns.size,
      load: g.load,
      crashed: g.crashed,
      epoch: g.epoch,
      maxConnections: g.config.maxConnections,
      workPerSec: g.config.workPerSec,
      backpressure: g.config.backpressure,
      thresholdPct: g.config.thresholdPct,
    },
    sessions: { online: sim.sessions.onlineCount },
    store: { pending: sim.store.store.size, byUser: [...byUser.entries()] },
    report: buildReport(sim),
  };
}
