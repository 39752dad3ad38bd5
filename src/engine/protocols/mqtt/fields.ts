/**
 * MQTT 3.1.1 field encodings (§1.5, §2.3, §4.7): length-prefixed strings and binary data, packet
 * identifiers, QoS bytes and topic rules, for both directions of the codec.
 */
import {
  type ByteReader,
  type ByteWriter,
  failAt,
  utf8Decode,
  utf8Encode,
} from '../../model/bytes';
import type { MqttQos } from './messages';

const MAX_U16 = 0xffff;

/** Two lower-case hex digits, for messages about single bytes. */
export const hex2 = (b: number): string => b.toString(16).padStart(2, '0');

/** Throws RangeError unless qos is 0, 1 or 2. */
export function checkQos(qos: number, what: string): void {
  if (qos !== 0 && qos !== 1 && qos !== 2) {
    throw new RangeError(`${what} QoS ${qos} is not 0, 1 or 2`);
  }
}

/** Writes a packet identifier; MQTT-2.3.1-1: a non-zero 16-bit integer. */
export function putId(w: ByteWriter, id: number): void {
  if (!Number.isInteger(id) || id < 1 || id > MAX_U16) {
    throw new RangeError(`packet id ${id} is not 1–65535 [MQTT-2.3.1-1]`);
  }
  w.u16(id);
}

/** Writes 2-byte length + bytes (§1.5.3 strings, §3.1.3.5 binary data). */
export function putBinary(w: ByteWriter, b: Uint8Array, what: string): void {
  if (b.length > MAX_U16) {
    throw new RangeError(`${what} is ${b.length} bytes; the limit is 65,535 (§1.5.3)`);
  }
  w.u16(b.length).bytes(b);
}

/** Writes a UTF-8 string with its 2-byte length (§1.5.3), refusing what the decoder refuses. */
export function putString(w: ByteWriter, s: string, what: string): void {
  if (s.includes('\0')) throw new RangeError(`${what} contains U+0000 [MQTT-1.5.3-2]`);
  let ascii = s.length <= 64;
  for (let i = 0; ascii && i < s.length; i++) ascii = s.charCodeAt(i) < 0x80;
  if (!ascii) return putBinary(w, utf8Encode(s), what);
  // Short ASCII (client ids, topics, 'MQTT'): one byte per character, straight into the packet.
  w.u16(s.length);
  for (let i = 0; i < s.length; i++) w.u8(s.charCodeAt(i));
}

/** Reads a packet identifier, refusing 0 [MQTT-2.3.1-1]. */
export function readId(r: ByteReader): number {
  const at = r.pos;
  const id = r.u16('packet identifier');
  if (id === 0) failAt('packet identifier is 0; it must be non-zero [MQTT-2.3.1-1]', at);
  return id;
}

/** Reads 2-byte length + bytes. */
export function readBinary(r: ByteReader, what: string): Uint8Array {
  const len = r.u16(`${what} length`);
  return r.take(len, `${what} (length ${len})`);
}

/**
 * The string in `bytes[start, end)` if every byte is printable-range ASCII (no U+0000), else
 * undefined. Client ids, topics and the protocol name are; they need no copy and no UTF-8 pass.
 */
function plainAscii(bytes: Uint8Array, start: number, end: number): string | undefined {
  let s = '';
  for (let i = start; i < end; i++) {
    const b = bytes[i]!;
    if (b === 0 || b >= 0x80) return undefined;
    s += String.fromCharCode(b);
  }
  return s;
}

/** Reads a §1.5.3 string: well-formed UTF-8 [MQTT-1.5.3-1] without U+0000 [MQTT-1.5.3-2]. */
export function readString(r: ByteReader, what: string): string {
  const at = r.pos + 2;
  if (r.remaining >= 2) {
    const len = (r.bytes[r.pos]! << 8) | r.bytes[r.pos + 1]!;
    const ascii =
      len <= 64 && 2 + len <= r.remaining ? plainAscii(r.bytes, at, at + len) : undefined;
    if (ascii !== undefined) {
      r.pos = at + len;
      return ascii;
    }
  }
  // Anything else (long, non-ASCII, malformed, cut off) takes the checked path and its errors.
  const raw = readBinary(r, what);
  const s = utf8Decode(raw);
  if (!s.ok) failAt(`${what}: ${s.error.message} [MQTT-1.5.3-1]`, at + s.error.offset);
  const nul = raw.indexOf(0);
  if (nul >= 0) failAt(`${what} contains U+0000 [MQTT-1.5.3-2]`, at + nul);
  return s.value;
}

/** Reads a SUBSCRIBE requested-QoS byte; MQTT-3.8.3-4: the upper six bits are reserved. */
export function readQos(r: ByteReader, what: string): MqttQos {
  const at = r.pos;
  const b = r.u8(what);
  if (b > 3) failAt(`${what} byte 0x${hex2(b)} has reserved bits set [MQTT-3.8.3-4]`, at);
  if (b === 3) failAt(`${what} is 3 [MQTT-3.8.3-4]`, at);
  return b as MqttQos;
}

/**
 * Reads a topic name (no wildcards, MQTT-3.3.2-2) or filter (§4.7.1: '#' only as the whole last
 * level, '+' only as a whole level). Neither may be empty [MQTT-4.7.3-1].
 */
export function readTopic(r: ByteReader, what: string, wildcards: boolean): string {
  const at = r.pos;
  const topic = readString(r, what);
  if (topic.length === 0) failAt(`${what} is empty [MQTT-4.7.3-1]`, at);
  if (!topic.includes('#') && !topic.includes('+')) return topic;
  const levels = topic.split('/');
  levels.forEach((level, i) => {
    if (!level.includes('#') && !level.includes('+')) return;
    const quoted = JSON.stringify(topic);
    if (!wildcards) failAt(`${what} ${quoted} contains a wildcard [MQTT-3.3.2-2]`, at);
    const ok = level.length === 1 && (level === '+' || i === levels.length - 1);
    if (!ok) failAt(`${what} ${quoted} misplaces a wildcard (§4.7.1)`, at);
  });
  return topic;
}
