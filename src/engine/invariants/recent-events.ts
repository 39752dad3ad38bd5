import type { TraceEvent, TraceKind } from '../kernel/trace';
import { actorName } from '../model/actors';

/** One event as a line of text: `1234 ms delivered u1→u2 msg 7 (note)`. */
export function describeEvent(ev: {
  readonly atMs: number;
  readonly kind: TraceKind;
  readonly from: number;
  readonly to: number;
  readonly msg: number;
  readonly note?: string;
}): string {
  const note = ev.note === undefined ? '' : ` (${ev.note})`;
  return `${ev.atMs} ms ${ev.kind} ${actorName(ev.from)}→${actorName(ev.to)} msg ${ev.msg}${note}`;
}

/**
 * The last few events, copied field by field into fixed slots (the kernel may lend one reused
 * event object): when a promise breaks, they show how the run got there.
 */
export class RecentEvents {
  private readonly slots: {
    atMs: number;
    kind: TraceKind;
    from: number;
    to: number;
    msg: number;
    note: string | undefined;
  }[];
  private next = 0;
  private count = 0;

  constructor(private readonly size: number) {
    this.slots = Array.from({ length: size }, () => ({
      atMs: 0,
      kind: 'frame' as TraceKind,
      from: 0,
      to: 0,
      msg: 0,
      note: undefined,
    }));
  }

  push(ev: TraceEvent): void {
    const s = this.slots[this.next]!;
    s.atMs = ev.atMs;
    s.kind = ev.kind;
    s.from = ev.from;
    s.to = ev.to;
    s.msg = ev.msg;
    s.note = ev.note;
    this.next = (this.next + 1) % this.size;
    if (this.count < this.size) this.count++;
  }

  /** The kept events about `msg` (all of them for 0), oldest first, one line each. */
  about(msg: number): string[] {
    const out: string[] = [];
    for (let i = this.count; i > 0; i--) {
      const s = this.slots[(this.next - i + this.size) % this.size]!;
      if (msg === 0 || s.msg === msg || s.note?.slice(1) === String(msg))
        out.push(describeEvent(s));
    }
    return out;
  }
}
