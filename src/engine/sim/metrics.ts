import { PROTOCOLS, type ProtocolName } from '../model/protocols';
import { type TraceEvent, type TraceSink } from '../kernel/trace';
import { ACTOR, isPhoneActor } from '../model/actors';

/** Bytes and requests on one protocol's links. */
export interface ProtocolTally {
  bytesUp: number;
  bytesDown: number;
  headerBytes: number;
  payloadBytes: number;
  /** Frames, packets or HTTP requests the phones sent. */
  requests: number;
  /** Chats delivered to phones on this protocol. */
  delivered: number;
}

const emptyTally = (): ProtocolTally => ({
  bytesUp: 0,
  bytesDown: 0,
  headerBytes: 0,
  payloadBytes: 0,
  requests: 0,
  delivered: 0,
});

/**
 * Metrics as a view of the trace: it watches every event as it happens and keeps only
 * per-message and per-protocol tallies, never the events themselves.
 */
export class MetricsCollector implements TraceSink {
  readonly protocols = Object.fromEntries(PROTOCOLS.map((p) => [p, emptyTally()])) as Record<
    ProtocolName,
    ProtocolTally
  >;
  readonly createdAt = new Map<number, number>();
  /** Each chat's recipient (its phone's actor): only its pushes count towards the chat's latency. */
  readonly recipientOf = new Map<number, number>();
  /**
   * Time chats spent before their delivery waiting for the recipient's idle radio to be paged,
   * per chat that waited (a chat pushed twice before it arrived adds both waits).
   */
  readonly pagingWaitMs = new Map<number, number>();
  readonly deliveredAt = new Map<number, number>();
  readonly accepted = new Set<number>();
  readonly read = new Set<number>();
  readonly storedChats = new Set<number>();
  readonly deletedChats = new Set<number>();
  /** Receipts (delivered ✓✓ and read) the store was given and deleted, by key (`d…`, `r…`). */
  readonly storedReceipts = new Set<string>();
  readonly deletedReceipts = new Set<string>();
  /** Chats a device recorded as new more than once (must stay 0). */
  duplicated = 0;
  /** Copies that reached a device that already had the message and were dropped by id. */
  duplicatesSuppressed = 0;
  refused = 0;
  crashes = 0;
  rejected = 0;
  events = 0;
  readonly borrows = true;

  emit(ev: TraceEvent): void {
    this.events++;
    if (ev.bytes > 0 && ev.proto !== undefined) {
      const up = isPhoneActor(ev.from) && ev.to === ACTOR.gateway;
      const down = ev.from === ACTOR.gateway && isPhoneActor(ev.to);
      if (up || down) {
        const tally = this.protocols[ev.proto];
        if (up) {
          tally.bytesUp += ev.bytes;
          tally.requests++;
        } else tally.bytesDown += ev.bytes;
        tally.headerBytes += ev.headerBytes;
        tally.payloadBytes += ev.bytes - ev.headerBytes;
      }
    }
    switch (ev.kind) {
      case 'ping': // the commonest kinds, counted above only: out in one comparison
      case 'frame':
        return;
      case 'sent':
        if (!this.createdAt.has(ev.msg)) {
          this.createdAt.set(ev.msg, ev.atMs);
          this.recipientOf.set(ev.msg, ev.to);
        }
        return;
      case 'paging':
        if (this.recipientOf.get(ev.msg) === ev.to && !this.deliveredAt.has(ev.msg))
          this.pagingWaitMs.set(
            ev.msg,
            (this.pagingWaitMs.get(ev.msg) ?? 0) + ev.arriveAtMs - ev.atMs,
          );
        return;
      case 'accepted':
        if (ev.to === ACTOR.gateway) this.accepted.add(ev.msg);
        return;
      case 'delivered':
        if (this.deliveredAt.has(ev.msg)) this.duplicated++;
        else {
          this.deliveredAt.set(ev.msg, ev.atMs);
          if (ev.proto) this.protocols[ev.proto].delivered++;
        }
        return;
      case 'duplicate':
        this.duplicatesSuppressed++;
        return;
      case 'read':
        if (isPhoneActor(ev.from) && ev.to !== ACTOR.gateway) this.read.add(ev.msg);
        return;
      case 'stored':
        if (ev.msg > 0) this.storedChats.add(ev.msg);
        else if (ev.note !== undefined) this.storedReceipts.add(ev.note);
        return;
      case 'deleted':
        // A receipt's deletion carries its chat's id too: only the chat's own key (`c…`) counts.
        if (ev.msg > 0 && ev.note?.charCodeAt(0) === 99) this.deletedChats.add(ev.msg);
        else if (ev.note !== undefined) this.deletedReceipts.add(ev.note);
        return;
      case 'refused':
        if (ev.from === ACTOR.gateway) this.refused++;
        return;
      case 'crash':
        this.crashes++;
        return;
      case 'rejected':
        this.rejected++;
        return;
      default:
        return;
    }
  }

  /** Paging waits of delivered chats that waited, in ms, sorted. */
  pagingWaits(): number[] {
    const out: number[] = [];
    for (const [msg, waitMs] of this.pagingWaitMs) if (this.deliveredAt.has(msg)) out.push(waitMs);
    return out.sort((a, b) => a - b);
  }

  /** Delivery latencies in ms (creation to first arrival on the recipient's device). */
  latencies(): number[] {
    const out: number[] = [];
    for (const [msg, t] of this.deliveredAt) {
      const c = this.createdAt.get(msg);
      if (c !== undefined) out.push(t - c);
    }
    return out.sort((a, b) => a - b);
  }
}

/** The p-th percentile (0–100) of sorted values, nearest-rank; 0 for none. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1]!;
}
