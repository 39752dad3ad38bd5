/**
 * Byte-level writing and reading for the data plane's packed events (event-codec.ts). Numbers are
 * big-endian f64 (every id, time and count is exact in one), strings UTF-8 behind a u32 length.
 */
import { PROTOCOLS, type ProtocolName } from '../../engine/model/protocols';

const PROTO_INDEX = new Map<string, number>(PROTOCOLS.map((p, i) => [p, i]));
const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Keys and notes are short ASCII ('c1234', 'u56 online'): for those, a loop here beats a call into
 * TextEncoder/TextDecoder by ~100 ns a string. Longer or non-ASCII strings take the general path.
 */
const ASCII_FAST_MAX = 32;

/**
 * Writes short ASCII `s` at `at` and returns the bytes written; undefined if `s` is not short
 * ASCII (some of it may be written by then: the general path writes over it).
 */
function asciiInto(s: string, out: Uint8Array, at: number): number | undefined {
  const n = s.length;
  if (n > ASCII_FAST_MAX) return undefined;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) return undefined;
    out[at + i] = c;
  }
  return n;
}

/** `b` as a string when it is short ASCII (which is valid UTF-8 as it stands); otherwise undefined. */
function asciiOf(b: Uint8Array): string | undefined {
  if (b.length > ASCII_FAST_MAX) return undefined;
  let s = '';
  for (let i = 0; i < b.length; i++) {
    const c = b[i]!;
    if (c >= 0x80) return undefined;
    s += String.fromCharCode(c);
  }
  return s;
}

/** Grows as it writes; `finish` hands out exactly the bytes written. */
export class Writer {
  private buf = new ArrayBuffer(4096);
  private view = new DataView(this.buf);
  private bytes = new Uint8Array(this.buf);
  private at = 0;

  private room(n: number): void {
    if (this.at + n <= this.buf.byteLength) return;
    let size = this.buf.byteLength * 2;
    while (size < this.at + n) size *= 2;
    const grown = new ArrayBuffer(size);
    new Uint8Array(grown).set(this.bytes.subarray(0, this.at));
    this.buf = grown;
    this.view = new DataView(grown);
    this.bytes = new Uint8Array(grown);
  }

  u8(v: number): void {
    this.room(1);
    this.bytes[this.at++] = v;
  }

  u32(v: number): void {
    this.room(4);
    this.view.setUint32(this.at, v);
    this.at += 4;
  }

  f64(v: number): void {
    this.room(8);
    this.view.setFloat64(this.at, v);
    this.at += 8;
  }

  bool(v: boolean): void {
    this.u8(v ? 1 : 0);
  }

  proto(p: ProtocolName): void {
    this.u8(PROTO_INDEX.get(p)!);
  }

  bytesOf(b: Uint8Array): void {
    this.u32(b.length);
    this.room(b.length);
    this.bytes.set(b, this.at);
    this.at += b.length;
  }

  chunks(cs: readonly Uint8Array[]): void {
    this.u32(cs.length);
    for (let i = 0; i < cs.length; i++) this.bytesOf(cs[i]!);
  }

  str(s: string): void {
    // Every string here is short; reserve the worst case (3 bytes per UTF-16 unit) and encode in place.
    this.room(4 + s.length * 3);
    const at = this.at + 4;
    const written =
      asciiInto(s, this.bytes, at) ?? utf8.encodeInto(s, this.bytes.subarray(at)).written;
    this.view.setUint32(this.at, written);
    this.at = at + written;
  }

  /** An optional value: a presence byte, then the value when present. */
  opt<T>(v: T | undefined, write: (v: T) => void): void {
    this.u8(v === undefined ? 0 : 1);
    if (v !== undefined) write.call(this, v);
  }

  /** Starts a new packing (keeping the buffer grown so far). */
  start(): this {
    this.at = 0;
    return this;
  }

  /** The bytes written, as their own buffer. */
  finish(): ArrayBuffer {
    return this.buf.slice(0, this.at);
  }
}

/** A decoding failure: what is wrong, where. */
export class Malformed extends Error {}

/**
 * Reads packed bytes, every value checked against its kind. Where it is (`events[3].msg.chunks[0]`)
 * is kept as a few cheap fields and spelled out only when something is wrong.
 */
export class Reader {
  private readonly view: DataView;
  private readonly bytes: Uint8Array;
  at = 0;
  /** The event being read (-1: the batch head), whether in its message, the field, an element of it, and that element's field. */
  event = -1;
  inMsg = false;
  key = '';
  sub = -1;
  subKey = '';

  constructor(buf: ArrayBuffer) {
    this.view = new DataView(buf);
    this.bytes = new Uint8Array(buf);
  }

  where(): string {
    if (this.event < 0) return this.key;
    let out = `events[${this.event}]`;
    if (this.inMsg) out += '.msg';
    if (this.key) out += `.${this.key}`;
    if (this.sub >= 0) out += `[${this.sub}]`;
    if (this.subKey) out += `.${this.subKey}`;
    return out;
  }

  fail(problem: string): never {
    throw new Malformed(`${this.where()} ${problem}`);
  }

  /** Starts reading event `n`'s head field `key`, or its message's field `key`. */
  field(key: string, inMsg = this.inMsg): this {
    this.key = key;
    this.inMsg = inMsg;
    this.sub = -1;
    this.subKey = '';
    return this;
  }

  get left(): number {
    return this.bytes.length - this.at;
  }

  private need(n: number, what = ''): void {
    if (this.at + n > this.bytes.length)
      throw new Malformed(
        `${this.where()}${what} is cut off at byte ${this.at} (needs ${n} more, ${this.bytes.length - this.at} left)`,
      );
  }

  u8(): number {
    this.need(1);
    return this.bytes[this.at++]!;
  }

  u32(what = ''): number {
    this.need(4, what);
    const v = this.view.getUint32(this.at);
    this.at += 4;
    return v;
  }

  f64(): number {
    this.need(8);
    const v = this.view.getFloat64(this.at);
    this.at += 8;
    return v;
  }

  /** A number that must be a safe integer (ids, counts, sequence numbers). */
  int(): number {
    const v = this.f64();
    return Number.isSafeInteger(v)
      ? v
      : this.fail(`must be an integer (got ${v}, ending at byte ${this.at})`);
  }

  bool(): boolean {
    const b = this.u8();
    return b <= 1 ? b === 1 : this.fail(`must be 0 or 1 (got ${b} at byte ${this.at - 1})`);
  }

  proto(): ProtocolName {
    const i = this.u8();
    return (
      PROTOCOLS[i] ??
      this.fail(`must be one of ${PROTOCOLS.join(', ')} (got index ${i} at byte ${this.at - 1})`)
    );
  }

  /** Whether an optional value follows. */
  present(): boolean {
    const b = this.u8();
    return b <= 1
      ? b === 1
      : this.fail(`presence must be 0 or 1 (got ${b} at byte ${this.at - 1})`);
  }

  /**
   * Bytes as a view into the batch (`copy` false: wire chunks, decoded on arrival and dropped) or
   * a copy (envelopes the store keeps: one must not hold a whole batch alive).
   */
  bytesOf(copy = true): Uint8Array {
    const n = this.u32(' length');
    this.need(n);
    const out = copy
      ? this.bytes.slice(this.at, this.at + n)
      : this.bytes.subarray(this.at, this.at + n);
    this.at += n;
    return out;
  }

  chunks(): Uint8Array[] {
    const n = this.u32(' count');
    if (n * 4 > this.left)
      this.fail(`count ${n} is more than the ${this.left} bytes left can hold`);
    const out: Uint8Array[] = [];
    for (let i = 0; i < n; i++) {
      this.sub = i;
      out.push(this.bytesOf(false));
    }
    this.sub = -1;
    return out;
  }

  str(): string {
    const b = this.bytesOf(false);
    const ascii = asciiOf(b);
    if (ascii !== undefined) return ascii;
    try {
      return fromUtf8.decode(b);
    } catch {
      return this.fail(`is not valid UTF-8 (ending at byte ${this.at})`);
    }
  }
}
