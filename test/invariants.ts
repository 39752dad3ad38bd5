/**
 * The run invariants, checked from the report and the merged trace alone, so the same check
 * serves a run in one thread and a run spread over hosts (where there is no Simulation to look into).
 */
import type { TraceEvent } from '../src/engine/kernel/trace';
import { isPhoneActor } from '../src/engine/model/actors';
import type { Report } from '../src/engine/sim/report';

/** Records every event of a run. */
export function recordAll(): { events: TraceEvent[]; sink: { emit(e: TraceEvent): void } } {
  const events: TraceEvent[] = [];
  return { events, sink: { emit: (e) => events.push(e) } };
}

/** Nothing lost, nothing doubled, per-chat order, no receipt before its cause. */
export function violations(r: Report, events: readonly TraceEvent[]): string[] {
  const out: string[] = [];
  const m = r.messages;
  if (m.lost > 0) out.push(`${m.lost} message(s) lost`);
  if (m.duplicated > 0) out.push(`${m.duplicated} message(s) delivered twice as new`);
  if (m.delivered + m.pendingInStore + m.inFlight + m.lost !== m.sent)
    out.push(`accounting: ${JSON.stringify(m)}`);
  // A chat's sequence is its place among the sender's 'sent' events to that peer.
  const chatSeq = new Map<number, number>();
  const perPair = new Map<string, number>();
  const deliveredAt = new Map<number, number>();
  const readAt = new Map<number, number>();
  const acceptedAt = new Map<number, number>();
  const lastSeq = new Map<string, number>();
  for (const e of events) {
    const pair = `${e.from}>${e.to}`;
    switch (e.kind) {
      case 'sent':
        if (!chatSeq.has(e.msg)) {
          const n = (perPair.get(pair) ?? 0) + 1;
          perPair.set(pair, n);
          chatSeq.set(e.msg, n);
        }
        break;
      case 'delivered': {
        if (!deliveredAt.has(e.msg)) deliveredAt.set(e.msg, e.atMs);
        const seq = chatSeq.get(e.msg);
        if (seq !== undefined) {
          const prev = lastSeq.get(pair) ?? 0;
          if (seq <= prev)
            out.push(
              `order: chat seq ${seq} on ${pair} after seq ${prev} (message ${e.msg} at ${e.atMs} ms)`,
            );
          lastSeq.set(pair, Math.max(prev, seq));
        }
        break;
      }
      case 'read':
        if (isPhoneActor(e.from) && isPhoneActor(e.to) && !readAt.has(e.msg))
          readAt.set(e.msg, e.atMs);
        break;
      case 'accepted':
        if (isPhoneActor(e.from) && !acceptedAt.has(e.msg)) acceptedAt.set(e.msg, e.atMs);
        break;
      case 'receipt': {
        const cause = e.note === 'read' ? readAt.get(e.msg) : deliveredAt.get(e.msg);
        if (cause === undefined || cause > e.atMs)
          out.push(`receipt "${e.note}" for message ${e.msg} at ${e.atMs} ms before its cause`);
        const acc = acceptedAt.get(e.msg);
        if (acc === undefined || acc > e.atMs)
          out.push(`receipt for message ${e.msg} at ${e.atMs} ms before the gateway accepted it`);
        break;
      }
      default:
        break;
    }
  }
  return out;
}

/** After a drain: every message delivered and the store empty. */
export function drainedViolations(r: Report, storeItems: number): string[] {
  const out: string[] = [];
  if (r.messages.delivered !== r.messages.sent)
    out.push(
      `after drain ${r.messages.delivered} of ${r.messages.sent} delivered (${JSON.stringify(r.messages)})`,
    );
  if (storeItems > 0) out.push(`after drain the store still holds ${storeItems} item(s)`);
  return out;
}
