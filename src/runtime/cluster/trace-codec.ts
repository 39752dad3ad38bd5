/**
 * Trace events packed for the trip from a host to the coordinator: the numbers of every event in
 * one Float64Array (one copy, or a transfer, instead of cloning thousands of small objects), the
 * strings and wire bytes beside it. Each event keeps the order key of the event whose handling
 * emitted it, so the coordinator can merge hosts' streams into the one-thread order.
 */
import { RecentStrings } from '../../engine/kernel/recent-strings';
import {
  TRACE_KIND_INDEX,
  TRACE_KINDS,
  traceEventInto,
  type MutableTraceEvent,
  type TraceEvent,
} from '../../engine/kernel/trace';
import { PROTOCOLS, type ProtocolName } from '../../engine/model/protocols';

/** Numbers per event: order key (k, src, seq, i), then atMs, kind, from, to, msg, bytes, headerBytes, arriveAtMs, proto, note. */
const STRIDE = 14;
const PROTO_INDEX = new Map<ProtocolName, number>(PROTOCOLS.map((p, i) => [p, i]));

export interface PackedTrace {
  readonly count: number;
  readonly nums: Float64Array;
  /**
   * The window's distinct notes, indexed from `nums` (a packet name or a reason repeats across
   * thousands of events: it crosses once, and the coordinator's hasher meets one string, not copies).
   */
  readonly notes: string[];
  /** Recorded wire bytes by event index. */
  readonly wire: (readonly Uint8Array[] | undefined)[];
}

/**
 * Collects one host's trace events in a window, tagged with the order key of the handled event.
 * Every field of `TraceEvent` has a column here: the engine builds each event with `traceEvent`,
 * one shape, so nothing is left behind.
 */
export class TracePacker {
  private nums = new Float64Array(STRIDE * 256);
  private count = 0;
  private notes: string[] = [];
  /** The last note of each length and its index in `notes`: see `noteOf`. */
  private readonly recentNotes = new RecentStrings();
  private wire: (readonly Uint8Array[] | undefined)[] = [];
  private lastK = -1;
  private lastSrc = -1;
  private lastSeq = -1;
  private index = 0;

  add(k: number, src: number, seq: number, ev: TraceEvent): void {
    if (k === this.lastK && src === this.lastSrc && seq === this.lastSeq) this.index++;
    else {
      this.lastK = k;
      this.lastSrc = src;
      this.lastSeq = seq;
      this.index = 0;
    }
    const n = this.count++;
    if ((n + 1) * STRIDE > this.nums.length) {
      const grown = new Float64Array(this.nums.length * 2);
      grown.set(this.nums);
      this.nums = grown;
    }
    const o = n * STRIDE;
    const a = this.nums;
    a[o] = k;
    a[o + 1] = src;
    a[o + 2] = seq;
    a[o + 3] = this.index;
    a[o + 4] = ev.atMs;
    a[o + 5] = TRACE_KIND_INDEX[ev.kind];
    a[o + 6] = ev.from;
    a[o + 7] = ev.to;
    a[o + 8] = ev.msg;
    a[o + 9] = ev.bytes;
    a[o + 10] = ev.headerBytes;
    a[o + 11] = ev.arriveAtMs;
    a[o + 12] = ev.proto === undefined ? -1 : PROTO_INDEX.get(ev.proto)!;
    a[o + 13] = ev.note === undefined ? -1 : this.noteOf(ev.note);
    if (ev.wire !== undefined) this.wire[n] = ev.wire;
  }

  /**
   * Packet names and reasons repeat; most other notes are one-offs ('c1234', 'u56 online'). A note
   * that is the last one seen of its length is sent once per window; the rest are sent as they
   * come. No map: a one-off costs a comparison, not a hash and an insertion.
   */
  private noteOf(note: string): number {
    const known = this.recentNotes.get(note);
    if (known !== undefined) return known;
    const i = this.notes.length;
    this.notes.push(note);
    this.recentNotes.set(note, i);
    return i;
  }

  /** The window's events, packed; the packer starts empty again. */
  take(): PackedTrace {
    const out: PackedTrace = {
      count: this.count,
      nums: this.nums.slice(0, this.count * STRIDE),
      notes: this.notes,
      wire: this.wire,
    };
    this.count = 0;
    this.notes = [];
    this.recentNotes.clear();
    this.wire = [];
    return out;
  }
}

/**
 * Event `n` of `p`: built by the engine's own builder (one object shape for every event, as the
 * sinks see in one thread), or written into `into` when every sink only borrows events.
 */
export function eventAt(
  p: PackedTrace,
  n: number,
  into: MutableTraceEvent | undefined,
): TraceEvent {
  const a = p.nums;
  const o = n * STRIDE;
  const protoIndex = a[o + 12]!;
  const noteIndex = a[o + 13]!;
  const kind = TRACE_KINDS[a[o + 5]!]!;
  const proto = protoIndex >= 0 ? PROTOCOLS[protoIndex] : undefined;
  const note = noteIndex >= 0 ? p.notes[noteIndex] : undefined;
  return traceEventInto(
    into,
    a[o + 4]!,
    kind,
    a[o + 6]!,
    a[o + 7]!,
    a[o + 8]!,
    a[o + 9]!,
    a[o + 10]!,
    a[o + 11]!,
    proto,
    note,
    p.wire[n],
  );
}

/** Compares event `i` of `a` with event `j` of `b` by order key. */
export function before(a: Float64Array, i: number, b: Float64Array, j: number): boolean {
  const x = i * STRIDE;
  const y = j * STRIDE;
  for (let f = 0; f < 4; f++) if (a[x + f] !== b[y + f]) return a[x + f]! < b[y + f]!;
  return false;
}

/** The time of the handled event that emitted event `n` of `p` (the first field of its order key). */
export const orderTime = (p: PackedTrace, n: number): number => p.nums[n * STRIDE]!;
