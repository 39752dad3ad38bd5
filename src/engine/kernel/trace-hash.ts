import { RecentStrings } from './recent-strings';
import { hashLabel } from './rng';
import { TRACE_KIND_INDEX, type TraceEvent, type TraceSink } from './trace';

/** Strings up to this length are hashed every time, not looked up. */
const SHORT_STRING = 12;

/**
 * A stable 64-bit hash of the trace (two FNV-1a lanes over every field but the recorded wire
 * bytes, whose lengths are already in `bytes`). Same seed and inputs ⇒ same hash, on any host.
 */
export class TraceHasher implements TraceSink {
  private a = 0x811c9dc5;
  private b = 0xcbf29ce4;
  count = 0;
  readonly borrows = true;

  private mix(n: number): void {
    if (n >>> 0 === n) {
      // A whole number in [0, 2^32), as nearly every trace field is: the general steps below
      // with the high half and the fraction both zero.
      this.a = Math.imul(Math.imul(this.a ^ n, 0x01000193), 0x01000193) >>> 0;
      this.b = Math.imul(Math.imul(this.b ^ (n >>> 7), 0x01000193), 0x01000193) >>> 0;
      return;
    }
    // Numbers in the trace are integers or short decimals; hash the float64 halves exactly.
    const lo = n >>> 0;
    const hi = Math.floor(n / 4294967296) >>> 0;
    let a = this.a;
    let b = this.b;
    a = Math.imul(a ^ lo, 0x01000193);
    b = Math.imul(b ^ hi ^ (lo >>> 7), 0x01000193);
    a = Math.imul(a ^ hi, 0x01000193);
    b = Math.imul(b ^ (n * 1000 - Math.floor(n) * 1000), 0x01000193);
    this.a = a >>> 0;
    this.b = b >>> 0;
  }

  /** Longer strings (packet names, reasons) repeat endlessly: hash each once. */
  private readonly stringHashes = new Map<string, number>();

  // In front of the map, the last string of each length: a hop's protocol and packet name
  // ('mqtt', 'PINGREQ', 'PINGRESP') then hash without a map lookup.
  private readonly recent = new RecentStrings();

  private mixString(s: string): void {
    let h = this.recent.get(s);
    if (h === undefined) {
      h = this.hashOf(s);
      this.recent.set(s, h);
    }
    this.mix(h);
  }

  /** A short string ('c1234', 'u56 online': most are one-offs) hashes faster than a map finds it. */
  private hashOf(s: string): number {
    if (s.length <= SHORT_STRING) return hashLabel(s);
    let h = this.stringHashes.get(s);
    if (h === undefined) {
      h = hashLabel(s);
      if (this.stringHashes.size < 10_000) this.stringHashes.set(s, h);
    }
    return h;
  }

  emit(ev: TraceEvent): void {
    this.count++;
    this.mix(ev.atMs);
    this.mix(TRACE_KIND_INDEX[ev.kind]);
    this.mix(ev.from);
    this.mix(ev.to);
    this.mix(ev.msg);
    this.mix(ev.bytes);
    this.mix(ev.headerBytes);
    this.mix(ev.arriveAtMs);
    if (ev.proto !== undefined) this.mixString(ev.proto);
    if (ev.note !== undefined) this.mixString(ev.note);
  }

  /** The hash so far, as 16 hex digits. */
  get hex(): string {
    return this.a.toString(16).padStart(8, '0') + this.b.toString(16).padStart(8, '0');
  }
}
