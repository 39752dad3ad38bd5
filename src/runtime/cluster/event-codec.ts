/**
 * The data plane's wire format: a window's events for one peer packed into one ArrayBuffer, which
 * is transferred, not cloned. Structured clone walks every small object of every event on both
 * sides; this writes numbers and bytes once and reads them back with every field checked, so a
 * malformed batch is rejected with the field and byte offset at fault and nothing of it applied.
 *
 * Layout: u32 event count, then per event: atMs, src, seq, to (f64 each), a u8 message type (its
 * index in `MESSAGE_TYPES`), then the message's fields in the order `SimMessage` lists them.
 * An optional field is a presence byte before its value. Numbers are f64,
 * booleans and protocols one byte, strings and bytes a u32 length first, lists a u32 count first.
 * An input's action is JSON text (inputs rarely cross, and they are small). Each type is written
 * out by hand: a generic field loop cost three times as much, and this is the hot path.
 */
import type { SimMessage, StoredItem } from '../../engine/model/messages';
import { Malformed, Reader, Writer } from './packed-bytes';
import { hostOfActor, type HostName } from './partition';
import type { SimEvent } from './host-messages';
import { checkEventHead, checkField, MESSAGE_TYPES } from './validate';

const TYPE_INDEX = new Map<string, number>(MESSAGE_TYPES.map((t, i) => [t, i]));

function writeItem(w: Writer, it: StoredItem): void {
  w.f64(it.recipient);
  w.str(it.key);
  w.f64(it.msg);
  w.bytesOf(it.envelope);
  w.f64(it.seq);
}

function writeMessage(w: Writer, m: SimMessage): void {
  w.u8(TYPE_INDEX.get(m.type)!);
  switch (m.type) {
    case 'up':
      w.f64(m.user);
      w.f64(m.conn);
      w.proto(m.proto);
      w.chunks(m.chunks);
      return;
    case 'down':
      w.f64(m.conn);
      w.chunks(m.chunks);
      w.opt(m.close, w.str);
      w.opt(m.proto, w.proto);
      w.f64(m.msg);
      return;
    case 'deliver':
      w.f64(m.conn);
      w.chunks(m.chunks);
      w.opt(m.close, w.str);
      w.opt(m.proto, w.proto);
      return;
    case 'sm.register':
      w.f64(m.user);
      w.f64(m.conn);
      w.proto(m.proto);
      w.f64(m.epoch);
      return;
    case 'sm.unregister':
      w.f64(m.user);
      w.f64(m.conn);
      w.f64(m.epoch);
      return;
    case 'sm.lookup':
      w.f64(m.req);
      w.f64(m.user);
      w.f64(m.epoch);
      return;
    case 'sm.result':
      w.f64(m.req);
      w.f64(m.user);
      w.bool(m.online);
      w.f64(m.conn);
      w.f64(m.epoch);
      return;
    case 'sm.gateway-down':
      w.f64(m.epoch);
      return;
    case 'store.put':
      w.f64(m.recipient);
      w.str(m.key);
      w.f64(m.msg);
      w.bytesOf(m.envelope);
      return;
    case 'store.fetch':
      w.f64(m.user);
      w.f64(m.afterSeq);
      w.f64(m.epoch);
      w.f64(m.conn);
      return;
    case 'store.batch':
      w.f64(m.user);
      w.u32(m.items.length);
      for (const it of m.items) writeItem(w, it);
      w.bool(m.more);
      w.f64(m.epoch);
      w.f64(m.conn);
      return;
    case 'store.delete':
      w.f64(m.user);
      w.str(m.key);
      return;
    case 'timer':
      w.str(m.name);
      w.f64(m.conn);
      w.f64(m.gen);
      return;
    case 'input':
      w.str(JSON.stringify(m.action));
      w.opt(m.msg, w.f64);
      return;
  }
}

/** One writer per thread, its buffer grown once to the largest batch (encoding never yields). */
const writer = new Writer();

/** Packs `events` (already valid: the engine made them) for one peer. */
export function encodeEvents(events: readonly SimEvent[]): ArrayBuffer {
  const w = writer.start();
  w.u32(events.length);
  for (const ev of events) {
    w.f64(ev.atMs);
    w.f64(ev.src);
    w.f64(ev.seq);
    w.f64(ev.to);
    writeMessage(w, ev.msg);
  }
  return w.finish();
}

function readItems(r: Reader): StoredItem[] {
  const n = r.u32(' count');
  if (n > r.left) r.fail(`count ${n} is more than the ${r.left} bytes left can hold`);
  const items: StoredItem[] = [];
  for (let i = 0; i < n; i++) {
    r.sub = i;
    r.subKey = 'recipient';
    const recipient = r.int();
    r.subKey = 'key';
    const key = r.str();
    r.subKey = 'msg';
    const msg = r.int();
    r.subKey = 'envelope';
    const envelope = r.bytesOf();
    r.subKey = 'seq';
    items.push({ recipient, key, msg, envelope, seq: r.int() });
  }
  r.sub = -1;
  r.subKey = '';
  return items;
}

function readAction(r: Reader): Extract<SimMessage, { type: 'input' }>['action'] {
  const text = r.str();
  let action: unknown;
  try {
    action = JSON.parse(text);
  } catch {
    return r.fail('is not JSON');
  }
  const bad = checkField('action', action, r.where());
  if (bad) throw new Malformed(bad);
  return action as Extract<SimMessage, { type: 'input' }>['action'];
}

/** One message; the object is built as the engine builds it (same fields, same order). */
function readMessage(r: Reader, type: SimMessage['type']): SimMessage {
  switch (type) {
    case 'up':
      return {
        type,
        user: r.field('user').int(),
        conn: r.field('conn').int(),
        proto: r.field('proto').proto(),
        chunks: r.field('chunks').chunks(),
      };
    case 'down':
    case 'deliver': {
      const conn = r.field('conn').int();
      const chunks = r.field('chunks').chunks();
      const close = r.field('close').present() ? r.str() : undefined;
      const proto = r.field('proto').present() ? r.proto() : undefined;
      if (type === 'deliver') return { type, conn, chunks, close, proto };
      return { type, conn, chunks, close, proto, msg: r.field('msg').int() };
    }
    case 'sm.register':
      return {
        type,
        user: r.field('user').int(),
        conn: r.field('conn').int(),
        proto: r.field('proto').proto(),
        epoch: r.field('epoch').int(),
      };
    case 'sm.unregister':
      return {
        type,
        user: r.field('user').int(),
        conn: r.field('conn').int(),
        epoch: r.field('epoch').int(),
      };
    case 'sm.lookup':
      return {
        type,
        req: r.field('req').int(),
        user: r.field('user').int(),
        epoch: r.field('epoch').int(),
      };
    case 'sm.result':
      return {
        type,
        req: r.field('req').int(),
        user: r.field('user').int(),
        online: r.field('online').bool(),
        conn: r.field('conn').int(),
        epoch: r.field('epoch').int(),
      };
    case 'sm.gateway-down':
      return { type, epoch: r.field('epoch').int() };
    case 'store.put':
      return {
        type,
        recipient: r.field('recipient').int(),
        key: r.field('key').str(),
        msg: r.field('msg').int(),
        envelope: r.field('envelope').bytesOf(),
      };
    case 'store.fetch':
      return {
        type,
        user: r.field('user').int(),
        afterSeq: r.field('afterSeq').int(),
        epoch: r.field('epoch').int(),
        conn: r.field('conn').int(),
      };
    case 'store.batch':
      return {
        type,
        user: r.field('user').int(),
        items: readItems(r.field('items')),
        more: r.field('more').bool(),
        epoch: r.field('epoch').int(),
        conn: r.field('conn').int(),
      };
    case 'store.delete':
      return { type, user: r.field('user').int(), key: r.field('key').str() };
    case 'timer':
      return {
        type,
        name: r.field('name').str(),
        conn: r.field('conn').int(),
        gen: r.field('gen').int(),
      };
    case 'input': {
      const action = readAction(r.field('action'));
      const msg = r.field('msg').present() ? r.int() : undefined;
      return msg === undefined ? { type, action } : { type, action, msg };
    }
  }
}

export type DecodedEvents = { ok: true; events: SimEvent[] } | { ok: false; error: string };

const isId = (x: number): boolean => Number.isSafeInteger(x) && x >= 0;

/**
 * Unpacks a batch's events for host `self`. Every field is read against its declared kind and
 * every event's time, order key and addressee checked as `checkEventHead` checks an unpacked one.
 */
export function decodeEvents(buf: unknown, self: HostName): DecodedEvents {
  if (!(buf instanceof ArrayBuffer))
    return {
      ok: false,
      error: `events must be an ArrayBuffer of packed events (got ${buf === null ? 'null' : Array.isArray(buf) ? 'an array' : typeof buf})`,
    };
  const r = new Reader(buf);
  const events: SimEvent[] = [];
  try {
    r.key = 'the event count';
    const n = r.u32();
    if (n * 33 > r.left)
      throw new Malformed(`the event count ${n} is more than the ${r.left} bytes left can hold`);
    for (let i = 0; i < n; i++) {
      r.event = i;
      const t = r.field('atMs', false).f64();
      const src = r.field('src').f64();
      const seq = r.field('seq').f64();
      const to = r.field('to').f64();
      if (
        !(t >= 0 && t !== Infinity) ||
        !isId(src) ||
        !isId(seq) ||
        !isId(to) ||
        hostOfActor(to) !== self
      ) {
        const head = checkEventHead({ atMs: t, src, seq, to }, self, `events[${i}]`);
        throw new Malformed(
          `${head ?? `events[${i}] is not an event for ${self}`} (event ending at byte ${r.at})`,
        );
      }
      const typeAt = r.at;
      const index = r.field('type', true).u8();
      const type =
        MESSAGE_TYPES[index] ?? r.fail(`${index} (byte ${typeAt}) is not a known message type`);
      events.push({ atMs: t, src, seq, to, msg: readMessage(r, type) });
    }
    if (r.left !== 0)
      throw new Malformed(`${r.left} bytes are left over after the last event (byte ${r.at})`);
  } catch (e) {
    if (e instanceof Malformed) return { ok: false, error: e.message };
    throw e;
  }
  return { ok: true, events };
}

/** How many events a packed batch says it holds (its first four bytes). */
export const packedEventCount = (buf: ArrayBuffer): number => new DataView(buf).getUint32(0);
