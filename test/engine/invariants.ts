/** The invariants every run must keep, checked over the trace and the final state. */
import type { TraceEvent } from '../../src/engine/kernel/trace';
import { userOfActor, isPhoneActor } from '../../src/engine/sim/actors';
import { buildReport } from '../../src/engine/sim/report';
import { Simulation } from '../../src/engine/sim/simulation';
import type { ScenarioFile } from '../../src/engine/scenario/scenario';
import { validateScenario } from '../../src/engine/scenario/validate-scenario';

/** Records every event of a run. */
export function recordAll(): { events: TraceEvent[]; sink: { emit(e: TraceEvent): void } } {
  const events: TraceEvent[] = [];
  return { events, sink: { emit: (e) => events.push(e) } };
}

/**
 * Violations at any moment: nothing lost (every sent message is delivered or visibly pending),
 * nothing doubled, per-chat order, and no receipt before its cause.
 */
export function violations(sim: Simulation, events: readonly TraceEvent[]): string[] {
  const out: string[] = [];
  const r = buildReport(sim);
  if (r.messages.lost > 0) out.push(`${r.messages.lost} message(s) lost`);
  if (r.messages.duplicated > 0) out.push(`${r.messages.duplicated} message(s) delivered twice as new`);
  if (r.messages.delivered + r.messages.pendingInStore + r.messages.inFlight + r.messages.lost !== r.messages.sent)
    out.push(`accounting: ${JSON.stringify(r.messages)}`);

  const deliveredAt = new Map<number, number>();
  const readAt = new Map<number, number>();
  const acceptedAt = new Map<number, number>();
  const lastSeq = new Map<string, number>();
  for (const e of events) {
    switch (e.kind) {
      case 'delivered': {
        if (!deliveredAt.has(e.msg)) deliveredAt.set(e.msg, e.t);
        const sender = sim.fleet.phone(userOfActor(e.from));
        const seq = sender?.chats?.sent.get(e.msg)?.chatSeq;
        const pair = `${e.from}>${e.to}`;
        if (seq !== undefined) {
          const prev = lastSeq.get(pair) ?? 0;
          if (seq <= prev) out.push(`order: u${userOfActor(e.to)} got chat seq ${seq} from u${userOfActor(e.from)} after seq ${prev} (message ${e.msg} at ${e.t} ms)`);
          lastSeq.set(pair, Math.max(prev, seq));
        }
        break;
      }
      case 'read':
        if (isPhoneActor(e.from) && isPhoneActor(e.to) && !readAt.has(e.msg)) readAt.set(e.msg, e.t);
        break;
      case 'accepted':
        if (isPhoneActor(e.from) && !acceptedAt.has(e.msg)) acceptedAt.set(e.msg, e.t);
        break;
      case 'receipt': {
        const cause = e.note === 'read' ? readAt.get(e.msg) : deliveredAt.get(e.msg);
        if (cause === undefined || cause > e.t) out.push(`receipt "${e.note}" for message ${e.msg} at ${e.t} ms before its cause`);
        const acc = acceptedAt.get(e.msg);
        if (acc === undefined || acc > e.t) out.push(`receipt for message ${e.msg} at ${e.t} ms before the gateway accepted it`);
        break;
      }
      default:
        break;
    }
  }
  return out;
}

/** After a drain: every message delivered, the store empty, nothing left in flight. */
export function drainedViolations(sim: Simulation): string[] {
  const r = buildReport(sim);
  const out: string[] = [];
  if (r.messages.delivered !== r.messages.sent) out.push(`after drain ${r.messages.delivered} of ${r.messages.sent} delivered (${JSON.stringify(r.messages)})`);
  const chatsInStore = sim.store.store.all().filter((it) => it.key.startsWith('c')).length;
  if (chatsInStore > 0) out.push(`after drain the store still holds ${chatsInStore} chat(s)`);
  if (sim.store.store.size > 0) out.push(`after drain the store still holds ${sim.store.store.size} item(s) (receipts included)`);
  return out;
}

/** Long enough after the script for every retry, keep-alive timeout and store drain to finish. */
const DRAIN_MS = 400_000;

/** Runs a scenario, then brings every phone online on a good link with a sturdy gateway. */
export function runAndDrain(file: ScenarioFile): { sim: Simulation; during: string[]; after: string[] } {
  const v = validateScenario(file);
  if (!v.ok) throw new Error(`generated scenario invalid: ${v.errors.join('; ')}`);
  const scenario = { ...v.scenario, durationMs: v.scenario.durationMs + DRAIN_MS };
  const rec = recordAll();
  const sim = new Simulation(scenario, { sinks: [rec.sink] });
  const end = v.scenario.durationMs;
  sim.runUntil(end, true);
  const during = violations(sim, rec.events);
  sim.input({ do: 'gateway', backpressure: true, maxConnections: 1_000_000, workPerSec: 1e9 });
  for (const p of sim.fleet.phones) {
    sim.input({ do: 'link', user: p.user, quality: 'good' });
    sim.input({ do: 'online', user: p.user });
  }
  sim.runUntil(end + DRAIN_MS, true);
  const after = [...violations(sim, rec.events), ...drainedViolations(sim)];
  return { sim, during, after };
}

