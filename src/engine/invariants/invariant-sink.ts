import type { TraceEvent, TraceSink } from '../kernel/trace';
import { checkEvent } from './check-event';
import { MessageLedger } from './message-ledger';
import { PROMISES, type PromiseId } from './promises';
import { describeEvent, RecentEvents } from './recent-events';

/** Events kept to explain a broken promise. */
const RECENT_EVENTS = 256;
/** Violations a recording sink keeps (the first ones matter; the rest usually follow from them). */
const MAX_RECORDED = 100;

/** A promise broken by one event, with the event and the chat's recent history. */
export class InvariantViolation extends Error {
  constructor(
    readonly promise: PromiseId,
    readonly atMs: number,
    readonly detail: string,
    readonly event: string,
    readonly history: readonly string[],
  ) {
    super(
      `${promise}: ${detail} — at ${event}\n  promise: ${PROMISES[promise]}\n  recent events about it:\n    ${history.join('\n    ')}`,
    );
    this.name = 'InvariantViolation';
  }
}

export interface InvariantSinkOptions {
  /** `throw` stops the run at the first broken promise (the default); `record` keeps going. */
  readonly onViolation?: 'throw' | 'record';
}

/**
 * Checks the model's promises (`PROMISES`) at every trace event, as the run happens, the way a
 * deterministic simulator checks its invariants all the time: the run stops at the first event
 * that breaks one, naming the promise, the event and the chat's recent history. It keeps its own
 * ledger of every chat's life, so it relies on nothing but the trace.
 */
export class InvariantSink implements TraceSink {
  readonly borrows = true;
  readonly ledger = new MessageLedger();
  readonly violations: InvariantViolation[] = [];
  private readonly recent = new RecentEvents(RECENT_EVENTS);
  private readonly record: boolean;

  constructor(opts: InvariantSinkOptions = {}) {
    this.record = opts.onViolation === 'record';
  }

  emit(ev: TraceEvent): void {
    const broken = checkEvent(ev, this.ledger);
    this.recent.push(ev);
    this.ledger.apply(ev);
    if (broken === undefined) return;
    const about = ev.msg !== 0 ? ev.msg : ev.note !== undefined ? Number(ev.note.slice(1)) || 0 : 0;
    const v = new InvariantViolation(
      broken.promise,
      ev.atMs,
      broken.detail,
      describeEvent(ev),
      this.recent.about(about),
    );
    if (!this.record) throw v;
    if (this.violations.length < MAX_RECORDED) this.violations.push(v);
  }
}

/** Replays a recorded trace through a recording sink: every promise it breaks, and the ledger. */
export function checkTrace(events: Iterable<TraceEvent>): InvariantSink {
  const sink = new InvariantSink({ onViolation: 'record' });
  for (const ev of events) sink.emit(ev);
  return sink;
}
