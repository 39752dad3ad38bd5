/**
 * The coordinator's inputs not yet handed to a host (learner inputs, fault notices), in the
 * one-thread order key order, each with the host that runs its actor.
 */
import type { ScheduledInput } from '../../engine/sim/simulation';
import type { SimEvent, TimeMark } from './host-messages';
import { hostOfActor, type HostName } from './partition';

const byKey = (a: SimEvent, b: SimEvent): number =>
  a.atMs - b.atMs || a.src - b.src || a.seq - b.seq;

/** Whether an event at `t` falls inside a window ending at `m`. */
export const within = (t: number, m: TimeMark): boolean => t < m.ms || (m.inclusive && t === m.ms);

export class PendingInputs {
  private entries: { ev: SimEvent; host: HostName }[] = [];

  /** Queues an input stamped with the order key (`src`, `seq`). */
  add(src: number, seq: number, i: ScheduledInput): void {
    const host = hostOfActor(i.to);
    if (!host) throw new Error(`no host runs actor ${i.to}`);
    const entry = { ev: { atMs: i.atMs, src, seq, to: i.to, msg: i.msg }, host };
    const q = this.entries;
    let at = q.length;
    while (at > 0 && byKey(q[at - 1]!.ev, entry.ev) > 0) at--;
    q.splice(at, 0, entry);
  }

  /** The earliest input's time, or Infinity. */
  first(): number {
    return this.entries[0]?.ev.atMs ?? Infinity;
  }

  /** `next` with each host's time lowered to its earliest input's. */
  lower(next: ReadonlyMap<HostName, number>): Map<HostName, number> {
    const n = new Map(next);
    for (const { ev, host } of this.entries) if (ev.atMs < n.get(host)!) n.set(host, ev.atMs);
    return n;
  }

  /** Takes out the inputs inside each host's window, by host, in order. */
  take(ends: ReadonlyMap<HostName, TimeMark>): Map<HostName, SimEvent[]> {
    const due = new Map<HostName, SimEvent[]>();
    const waiting: typeof this.entries = [];
    for (const entry of this.entries) {
      if (!within(entry.ev.atMs, ends.get(entry.host)!)) {
        waiting.push(entry);
        continue;
      }
      let list = due.get(entry.host);
      if (!list) due.set(entry.host, (list = []));
      list.push(entry.ev);
    }
    this.entries = waiting;
    return due;
  }
}
