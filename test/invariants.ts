/**
 * The run invariants, checked from the trace and the report alone, so the same check serves a run
 * in one thread and a run spread over hosts (where there is no Simulation to look into). The trace
 * is checked twice over: the model's promises at every event (`src/engine/invariants`), and its own
 * count of every chat's life set against the report, which counts from the components' state.
 */
import { checkTrace } from '../src/engine/invariants/invariant-sink';
import type { MessageLedger } from '../src/engine/invariants/message-ledger';
import type { TraceEvent } from '../src/engine/kernel/trace';
import { actorName } from '../src/engine/model/actors';
import type { Report } from '../src/engine/sim/report';

/** Records every event of a run. */
export function recordAll(): { events: TraceEvent[]; sink: { emit(e: TraceEvent): void } } {
  const events: TraceEvent[] = [];
  return { events, sink: { emit: (e) => events.push(e) } };
}

/** Undelivered chats named in a failure, at most. */
const NAMED = 5;

/**
 * Where the trace's count and the report's disagree, and what the report says is wrong (a chat
 * lost or shown twice). The report places each undelivered chat by looking at the store, the
 * gateway, the wire and the phones; the ledger only read the trace: they must agree.
 */
export function reportViolations(r: Report, ledger: MessageLedger): string[] {
  const out: string[] = [];
  const m = r.messages;
  if (m.lost > 0) out.push(`${m.lost} message(s) lost`);
  if (m.duplicated > 0) out.push(`${m.duplicated} message(s) delivered twice as new`);
  const c = ledger.counts(r.durationMs);
  const same = (what: string, trace: number, report: number): void => {
    if (trace !== report) out.push(`${what}: the trace counts ${trace}, the report ${report}`);
  };
  same('sent', c.created, m.sent);
  same('accepted', c.accepted, m.accepted);
  same('delivered', c.delivered, m.delivered);
  same('read', c.read, m.read);
  same('stored', c.storedChats, m.stored);
  same('deletedFromStore', c.deletedChats, m.deletedFromStore);
  same('duplicated', c.duplicated, m.duplicated);
  same('duplicatesSuppressed', c.duplicatesSuppressed, m.duplicatesSuppressed);
  // The store's accounting adds up: nothing is deleted that was not stored, and what waits there
  // was stored and not yet deleted.
  const rc = m.receipts;
  if (m.deletedFromStore > m.stored || m.pendingInStore > m.stored - m.deletedFromStore)
    out.push(
      `chats: stored ${m.stored}, deleted ${m.deletedFromStore}, pending ${m.pendingInStore} do not add up`,
    );
  if (rc.deletedFromStore > rc.stored)
    out.push(`receipts: deleted ${rc.deletedFromStore} exceeds stored ${rc.stored}`);
  // A put landing at the report's very moment may or may not have been handled yet.
  if (m.pendingInStore < c.inStore || m.pendingInStore > c.inStore + c.landingInStore)
    out.push(
      `pendingInStore: the trace puts ${c.inStore} undelivered chat(s) in the store` +
        `${c.landingInStore ? ` (and ${c.landingInStore} landing now)` : ''}, the report ${m.pendingInStore}`,
    );
  return out;
}

/** Every promise the trace breaks (`PROMISES`), then where its count and the report's disagree. */
export function violations(r: Report, events: readonly TraceEvent[]): string[] {
  const sink = checkTrace(events);
  return [...sink.violations.map((v) => v.message), ...reportViolations(r, sink.ledger)];
}

/**
 * After a drain: every chat delivered and the store empty, by the report and the store's own
 * count, and (given the ledger) by the trace: no chat short of its recipient, no key still held.
 */
export function drainedViolations(r: Report, storeItems: number, ledger?: MessageLedger): string[] {
  const out: string[] = [];
  if (r.messages.delivered !== r.messages.sent)
    out.push(
      `after drain ${r.messages.delivered} of ${r.messages.sent} delivered (${JSON.stringify(r.messages)})`,
    );
  if (storeItems > 0) out.push(`after drain the store still holds ${storeItems} item(s)`);
  // Drained, every item the store was given has been deleted, chats and receipts alike.
  for (const [what, t] of [
    ['chats', r.messages],
    ['receipts', r.messages.receipts],
  ] as const)
    if (t.stored !== t.deletedFromStore + t.pendingInStore || t.pendingInStore !== 0)
      out.push(
        `after drain ${what}: stored ${t.stored} ≠ deleted ${t.deletedFromStore} + pending ${t.pendingInStore}`,
      );
  if (ledger === undefined) return out;
  const stuck = ledger.undelivered();
  if (stuck.length > 0)
    out.push(
      `after drain the trace shows ${stuck.length} chat(s) never delivered: ` +
        stuck
          .slice(0, NAMED)
          .map(
            (c) =>
              `${c.msg} (${actorName(c.sender)}→${actorName(c.recipient)}, last '${c.lastKind}' at ${c.lastAtMs} ms)`,
          )
          .join(', '),
    );
  const held = ledger.heldKeys();
  if (held.length > 0)
    out.push(
      `after drain the trace leaves ${held.length} key(s) in the store: ${held.slice(0, NAMED)}`,
    );
  return out;
}
