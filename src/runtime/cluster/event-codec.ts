/**
 * The data plane's wire format: a window's events for one peer packed into one ArrayBuffer, which
 * is transferred, not cloned. Structured clone walks every small object of every event on both
 * sides; this writes numbers and bytes once and reads them back with every field checked, so a
 * malformed batch is rejected with the field and byte offset at fault and nothing of it applied.
 *
 * Layout: u32 event count, then per event: t, src, seq, to (f64 each), a u8 message type, then
 * the type's fields in the order of `MESSAGE_FIELDS` (validate.ts): an optional field is a u8
 * presence flag before its value. int/num are f64; bool and proto are u8; str is a u32 length
 * and UTF-8; bytes a u32 length and the bytes; chunks a u32 count of bytes; items a u32 count of
 * stored-item records; action is JSON text (inputs rarely cross, and they are small).
 */
import { PROTOCOLS, type ProtocolName } from '../../engine/kernel/trace';
import type { SimMessage } from '../../engine/sim/messages';
import { hostOfActor, type HostName } from './partition';
import type { SimEvent } from './protocol';
import { checkEventHead, checkField, fieldsOf, ITEM_FIELDS, MESSAGE_TYPES, type Field } from './validate';

type Plan = readonly (readonly [key: string, kind: Field, optional: boolean])[];

const planOf = (spec: Readonly<Record<string, string>>): Plan =>
  Object.entries(spec).map(([key, want]) => [key, (want.endsWith('?') ? want.slice(0, -1) : want) as Field, want.endsWith('?')] as const);

const PLANS: readonly Plan[] = MESSAGE_TYPES.map((type) => planOf(fieldsOf(type)));
const ITEM_PLAN = planOf(ITEM_FIELDS);
const TYPE_INDEX = new Map<string, number>(MESSAGE_TYPES.map((t, i) => [t, i]));
const PROTO_INDEX = new Map<string, number>(PROTOCOLS.map((p, i) => [p, i]));
const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Grows as it writes; `finish` hands out exactly the bytes written. */
class Writer {
  private buf = new ArrayBuffer(4096);
  private view = new DataView(this.buf);
  private bytes = new Uint8Array(this.buf);
  at = 0;

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
    this.view.setUint8(this.at++, v);
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

  raw(b: Uint8Array): void {
    this.u32(b.length);
    this.room(b.length);
    this.bytes.set(b, this.at);
    this.at += b.length;
  }

  str(s: string): void {
    // Every string here is short; reserve the worst case (3 bytes per UTF-16 unit) and encode in place.
    this.room(4 + s.length * 3);
    const { written } = utf8.encodeInto(s, this.bytes.subarray(this.at + 4));
    this.view.setUint32(this.at, written);
    this.at += 4 + written;
  }

  finish(): ArrayBuffer {
    return this.buf.slice(0, this.at);
  }
}

function writeValue(w: Writer, kind: Field, v: unknown): void {
  switch (kind) {
    case 'int':
    case 'num':
      return w.f64(v as number);
    case 'bool':
      return w.u8(v ? 1 : 0);
    case 'proto':
      return w.u8(PROTO_INDEX.get(v as ProtocolName)!);
    case 'str':
      return w.str(v as string);
    case 'bytes':
      return w.raw(v as Uint8Array);
    case 'chunks': {
      const chunks = v as readonly Uint8Array[];
      w.u32(chunks.length);
      for (const c of chunks) w.raw(c);
      return;
    }
    case 'items': {
      const items = v as readonly Record<string, unknown>[];
      w.u32(items.length);
      for (const it of items) writeRecord(w, ITEM_PLAN, it);
      return;
    }
    case 'action':
      return w.str(JSON.stringify(v));
  }
}

function writeRecord(w: Writer, plan: Plan, x: Record<string, unknown>): void {
  for (let f = 0; f < plan.length; f++) {
    const [key, kind, optional] = plan[f]!;
    const v = x[key];
    if (optional) {
      w.u8(v === undefined ? 0 : 1);
      if (v === undefined) continue;
    }
    writeValue(w, kind, v);
  }
}

/** Packs `events` (already valid: the engine made them) for one peer. */
export function encodeEvents(events: readonly SimEvent[]): ArrayBuffer {
  const w = new Writer();
  w.u32(events.length);
  for (const ev of events) {
    w.f64(ev.t);
    w.f64(ev.src);
    w.f64(ev.seq);
    w.f64(ev.to);
    const type = TYPE_INDEX.get(ev.msg.type);
    if (type === undefined) throw new Error(`no wire format for message type ${ev.msg.type}`);
    w.u8(type);
    writeRecord(w, PLANS[type]!, ev.msg as unknown as Record<string, unknown>);
  }
  return w.finish();
}

/** A decoding failure: what is wrong, where. */
class Malformed extends Error {}

/**
 * Reads the packed bytes. Where it is (`events[3].msg.chunks[0]`) is a stack of segments, turned
 * into text only when something is wrong: building the path for every field would cost more than
 * reading it.
 */
class Reader {
  private readonly view: DataView;
  private readonly bytes: Uint8Array;
  private readonly path: (string | number)[] = [];
  at = 0;

  constructor(buf: ArrayBuffer) {
    this.view = new DataView(buf);
    this.bytes = new Uint8Array(buf);
  }

  enter(segment: string | number): void {
    this.path.push(segment);
  }

  leave(): void {
    this.path.pop();
  }

  /** The current place, e.g. `events[0].msg.proto` (plus `suffix`). */
  where(suffix = ''): string {
    let out = '';
    for (const seg of this.path) out += typeof seg === 'number' ? `[${seg}]` : out === '' ? seg : `.${seg}`;
    return out + suffix;
  }

  fail(problem: string): never {
    throw new Malformed(`${this.where()} ${problem}`);
  }

  private need(n: number, suffix = ''): void {
    if (this.at + n > this.bytes.length) throw new Malformed(`${this.where(suffix)} is cut off at byte ${this.at} (needs ${n} more, ${this.bytes.length - this.at} left)`);
  }

  u8(): number {
    this.need(1);
    return this.view.getUint8(this.at++);
  }

  u32(suffix = ''): number {
    this.need(4, suffix);
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

  raw(): Uint8Array {
    const n = this.u32(' length');
    this.need(n);
    // A copy, not a view: a stored envelope must not keep the whole batch alive.
    const out = this.bytes.slice(this.at, this.at + n);
    this.at += n;
    return out;
  }

  str(): string {
    const b = this.raw();
    try {
      return fromUtf8.decode(b);
    } catch {
      return this.fail(`is not valid UTF-8 (ending at byte ${this.at})`);
    }
  }

  get left(): number {
    return this.bytes.length - this.at;
  }
}

function readValue(r: Reader, kind: Field): unknown {
  switch (kind) {
    case 'int': {
      // The layout guarantees the other kinds; a number can still be NaN or a fraction.
      const v = r.f64();
      return Number.isSafeInteger(v) ? v : r.fail(`must be an integer (got ${v}, ending at byte ${r.at})`);
    }
    case 'num': {
      const v = r.f64();
      return Number.isFinite(v) ? v : r.fail(`must be a finite number (got ${v}, ending at byte ${r.at})`);
    }
    case 'bool': {
      const b = r.u8();
      return b <= 1 ? b === 1 : r.fail(`must be 0 or 1 (got ${b} at byte ${r.at - 1})`);
    }
    case 'proto': {
      const i = r.u8();
      return PROTOCOLS[i] ?? r.fail(`must be one of ${PROTOCOLS.join(', ')} (got index ${i} at byte ${r.at - 1})`);
    }
    case 'str':
      return r.str();
    case 'bytes':
      return r.raw();
    case 'chunks': {
      const n = r.u32(' count');
      if (n * 4 > r.left) r.fail(`count ${n} is more than the ${r.left} bytes left can hold`);
      const out: Uint8Array[] = [];
      for (let i = 0; i < n; i++) {
        r.enter(i);
        out.push(r.raw());
        r.leave();
      }
      return out;
    }
    case 'items': {
      const n = r.u32(' count');
      if (n > r.left) r.fail(`count ${n} is more than the ${r.left} bytes left can hold`);
      const out: Record<string, unknown>[] = [];
      for (let i = 0; i < n; i++) {
        r.enter(i);
        out.push(readRecord(r, ITEM_PLAN, {}));
        r.leave();
      }
      return out;
    }
    case 'action': {
      const text = r.str();
      let action: unknown;
      try {
        action = JSON.parse(text);
      } catch {
        return r.fail('is not JSON');
      }
      const bad = checkField('action', action, r.where());
      if (bad) throw new Malformed(bad);
      return action;
    }
  }
}

/** Reads a record's fields into `out` (which may already hold a message's `type`, first, as the engine builds it). */
function readRecord(r: Reader, plan: Plan, out: Record<string, unknown>): Record<string, unknown> {
  for (let f = 0; f < plan.length; f++) {
    const [key, kind, optional] = plan[f]!;
    r.enter(key);
    if (optional) {
      const present = r.u8();
      if (present > 1) r.fail(`presence must be 0 or 1 (got ${present} at byte ${r.at - 1})`);
      if (present === 1) out[key] = readValue(r, kind);
    } else out[key] = readValue(r, kind);
    r.leave();
  }
  return out;
}

export type DecodedEvents = { ok: true; events: SimEvent[] } | { ok: false; error: string };

/**
 * Unpacks a batch's events for host `self`. Every field is read against its declared kind and
 * every event's time, order key and addressee checked as `checkEventHead` checks an unpacked one.
 */
export function decodeEvents(buf: unknown, self: HostName): DecodedEvents {
  if (!(buf instanceof ArrayBuffer)) return { ok: false, error: `events must be an ArrayBuffer of packed events (got ${buf === null ? 'null' : Array.isArray(buf) ? 'an array' : typeof buf})` };
  const r = new Reader(buf);
  const events: SimEvent[] = [];
  try {
    r.enter('the event count');
    const n = r.u32();
    r.leave();
    if (n * 33 > r.left) throw new Malformed(`the event count ${n} is more than the ${r.left} bytes left can hold`);
    r.enter('events');
    for (let i = 0; i < n; i++) {
      r.enter(i);
      const t = field(r, 't');
      const src = field(r, 'src');
      const seq = field(r, 'seq');
      const to = field(r, 'to');
      if (!(t >= 0 && t !== Infinity) || !isId(src) || !isId(seq) || !isId(to) || hostOfActor(to) !== self) {
        const head = checkEventHead({ t, src, seq, to }, self, r.where());
        throw new Malformed(`${head ?? `${r.where()} is not an event for ${self}`} (event ending at byte ${r.at})`);
      }
      r.enter('msg');
      r.enter('type');
      const typeAt = r.at;
      const index = r.u8();
      const type = MESSAGE_TYPES[index] ?? r.fail(`${index} (byte ${typeAt}) is not a known message type`);
      r.leave();
      const msg = readRecord(r, PLANS[index]!, { type });
      r.leave();
      events.push({ t, src, seq, to, msg: msg as unknown as SimMessage });
      r.leave();
    }
    if (r.left !== 0) throw new Malformed(`${r.left} bytes are left over after the last event (byte ${r.at})`);
  } catch (e) {
    if (e instanceof Malformed) return { ok: false, error: e.message };
    throw e;
  }
  return { ok: true, events };
}

const isId = (x: number): boolean => Number.isSafeInteger(x) && x >= 0;

function field(r: Reader, name: string): number {
  r.enter(name);
  const v = r.f64();
  r.leave();
  return v;
}

/** How many events a packed batch says it holds (its first four bytes). */
export const packedEventCount = (buf: ArrayBuffer): number => new DataView(buf).getUint32(0);
