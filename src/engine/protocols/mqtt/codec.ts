/**
 * MQTT 3.1.1 wire codec: every control packet to bytes and back. Section and [MQTT-x.y.z-n]
 * numbers refer to the OASIS standard of 29 Oct 2014.
 */
import { assertNever } from '../../model/brand';
import { ByteReader, ByteWriter, badOffset, decodeFailure, failAt } from '../../model/bytes';
import { decodeFail, decodeOk, type DecodeResult } from '../../model/decode-result';
import {
  checkQos,
  hex2,
  putBinary,
  putId,
  putString,
  readBinary,
  readId,
  readQos,
  readString,
  readTopic,
} from './fields';
import {
  MQTT_MAX_REMAINING_LENGTH,
  MQTT_TYPE_CODES,
  type MqttConnect,
  type MqttPacket,
  type MqttPacketType,
  type MqttQos,
} from './messages';

const TYPE_NAMES = Object.keys(MQTT_TYPE_CODES) as MqttPacketType[];
/** Packets whose fixed-header flags must be 0010; all others but PUBLISH need 0000 (Table 2.2). */
const FLAGS_0010: readonly MqttPacketType[] = ['PUBREL', 'SUBSCRIBE', 'UNSUBSCRIBE'];

/** Encodes a Remaining Length as the 1–4 byte varint of §2.2.3. */
export function encodeRemainingLength(n: number): Uint8Array {
  if (!Number.isInteger(n) || n < 0 || n > MQTT_MAX_REMAINING_LENGTH) {
    throw new RangeError(`remaining length ${n} is outside 0–${MQTT_MAX_REMAINING_LENGTH}`);
  }
  const out: number[] = [];
  do {
    const digit = n % 128;
    n = Math.floor(n / 128);
    out.push(n > 0 ? digit | 0x80 : digit);
  } while (n > 0);
  return Uint8Array.from(out);
}

/**
 * Decodes the Remaining Length varint at `offset`; `length` is how many bytes it used. 3.1.1 does
 * not demand the shortest form (MQTT 5 does, [MQTT-1.5.5-1]), so `80 00` is accepted as 0.
 */
export function decodeRemainingLength(bytes: Uint8Array, offset: number): DecodeResult<number> {
  const bad = badOffset<number>(bytes, offset);
  if (bad) return bad;
  let value = 0;
  for (let i = 0; i < 4; i++) {
    const b = bytes[offset + i];
    if (b === undefined) {
      const message = 'truncated: remaining length continues past the end of the input';
      return decodeFail(message, bytes.length);
    }
    value += (b & 0x7f) * 128 ** i;
    if ((b & 0x80) === 0) return decodeOk(value, i + 1);
  }
  // §2.2.3: at most four bytes, so the largest value is 268,435,455.
  return decodeFail('remaining length uses more than 4 bytes (max 268,435,455)', offset + 3);
}

/** The body of the packet being encoded: one writer, reused (encoding never nests). */
const SCRATCH = new ByteWriter(256);

/** Encodes one control packet; throws RangeError for values the wire cannot carry. */
export function encodeMqtt(p: MqttPacket): Uint8Array {
  const body = SCRATCH.reset();
  const flags = encodeBody(p, body);
  let n = body.length;
  if (n > MQTT_MAX_REMAINING_LENGTH) encodeRemainingLength(n); // throws the RangeError
  let rlBytes = 1;
  for (let rest = n >= 128 ? Math.floor(n / 128) : 0; rest > 0; rest = Math.floor(rest / 128))
    rlBytes++;
  const out = new Uint8Array(1 + rlBytes + n);
  out[0] = (MQTT_TYPE_CODES[p.type] << 4) | flags;
  // §2.2.3: the Remaining Length varint, seven bits a byte, least significant first.
  for (let i = 1; i <= rlBytes; i++) {
    const digit = n % 128;
    n = Math.floor(n / 128);
    out[i] = n > 0 ? digit | 0x80 : digit;
  }
  body.copyTo(out, 1 + rlBytes);
  return out;
}

/** Writes the variable header and payload; returns the fixed-header flags nibble. */
function encodeBody(p: MqttPacket, w: ByteWriter): number {
  switch (p.type) {
    case 'CONNECT':
      encodeConnect(p, w);
      return 0;
    case 'CONNACK':
      w.u8(p.sessionPresent ? 1 : 0).u8(p.returnCode);
      return 0;
    case 'PUBLISH':
      checkQos(p.qos, 'PUBLISH');
      if (p.dup && p.qos === 0) throw new RangeError('QoS 0 PUBLISH cannot set DUP [MQTT-3.3.1-2]');
      putString(w, p.topic, 'topic');
      // MQTT-2.3.1-5: no packet identifier at QoS 0, so one given there is ignored.
      if (p.qos > 0) putId(w, p.packetId ?? 0);
      w.bytes(p.payload);
      return (p.dup ? 8 : 0) | (p.qos << 1) | (p.retain ? 1 : 0);
    case 'PUBACK':
    case 'PUBREC':
    case 'PUBREL':
    case 'PUBCOMP':
    case 'UNSUBACK':
      putId(w, p.packetId);
      return p.type === 'PUBREL' ? 2 : 0;
    case 'SUBSCRIBE':
      putId(w, p.packetId);
      if (p.subscriptions.length === 0) throw new RangeError('SUBSCRIBE needs a filter');
      for (const s of p.subscriptions) {
        checkQos(s.qos, 'subscription');
        putString(w, s.topic, 'topic filter');
        w.u8(s.qos);
      }
      return 2;
    case 'SUBACK':
      putId(w, p.packetId);
      for (const code of p.returnCodes) w.u8(code);
      return 0;
    case 'UNSUBSCRIBE':
      putId(w, p.packetId);
      if (p.topics.length === 0) throw new RangeError('UNSUBSCRIBE needs a filter');
      for (const t of p.topics) putString(w, t, 'topic filter');
      return 2;
    case 'PINGREQ':
    case 'PINGRESP':
    case 'DISCONNECT':
      return 0;
    default:
      return assertNever(p, 'MQTT packet');
  }
}

function encodeConnect(p: MqttConnect, w: ByteWriter): void {
  if (p.password && p.username === undefined) {
    throw new RangeError('CONNECT password needs a username [MQTT-3.1.2-22]');
  }
  if (!Number.isInteger(p.keepAlive) || p.keepAlive < 0 || p.keepAlive > 0xffff) {
    throw new RangeError(`keep alive ${p.keepAlive} s is not 0–65535`);
  }
  if (p.will) checkQos(p.will.qos, 'will');
  let flags = p.cleanSession ? 0x02 : 0;
  if (p.will) flags |= 0x04 | (p.will.qos << 3) | (p.will.retain ? 0x20 : 0);
  if (p.password) flags |= 0x40;
  if (p.username !== undefined) flags |= 0x80;
  putString(w, 'MQTT', 'protocol name');
  w.u8(4).u8(flags).u16(p.keepAlive);
  putString(w, p.clientId, 'client id');
  if (p.will) {
    putString(w, p.will.topic, 'will topic');
    putBinary(w, p.will.payload, 'will payload');
  }
  if (p.username !== undefined) putString(w, p.username, 'username');
  if (p.password) putBinary(w, p.password, 'password');
}

const PINGREQ_RESULT: DecodeResult<MqttPacket> = Object.freeze(
  decodeOk<MqttPacket>(Object.freeze({ type: 'PINGREQ' as const }), 2),
);
const PINGRESP_RESULT: DecodeResult<MqttPacket> = Object.freeze(
  decodeOk<MqttPacket>(Object.freeze({ type: 'PINGRESP' as const }), 2),
);

/**
 * Decodes one control packet starting at `offset`; `length` is the bytes consumed. Errors name
 * the broken rule and the absolute offset of the offending byte.
 */
export function decodeMqtt(bytes: Uint8Array, offset = 0): DecodeResult<MqttPacket> {
  // Keep-alives are most of an idle fleet's traffic: the two-byte ping packets decode to shared results.
  if (offset === 0 && bytes.length === 2 && bytes[1] === 0) {
    if (bytes[0] === 0xc0) return PINGREQ_RESULT;
    if (bytes[0] === 0xd0) return PINGRESP_RESULT;
  }
  if (offset === 0 && (bytes.length === 4 || bytes.length === 5)) return decodeSmall(bytes);
  return decodePacket(bytes, offset);
}

/**
 * Four- and five-byte packets (CONNACK, PUBACK, a one-code SUBACK) repeat across connections:
 * each distinct one is decoded once and the frozen result shared (bounded).
 */
const SMALL_DECODED = new Map<number, DecodeResult<MqttPacket>>();
const SMALL_DECODED_MAX = 4096;

function decodeSmall(bytes: Uint8Array): DecodeResult<MqttPacket> {
  let key = bytes.length;
  for (let i = 0; i < bytes.length; i++) key = key * 256 + bytes[i]!; // < 2^43: exact
  let r = SMALL_DECODED.get(key);
  if (r === undefined) {
    r = deepFreeze(decodePacket(bytes, 0));
    if (SMALL_DECODED.size < SMALL_DECODED_MAX) SMALL_DECODED.set(key, r);
  }
  return r;
}

function deepFreeze<T>(x: T): T {
  if (typeof x === 'object' && x !== null && !(x instanceof Uint8Array)) {
    for (const v of Object.values(x)) deepFreeze(v);
    Object.freeze(x);
  }
  return x;
}

function decodePacket(bytes: Uint8Array, offset: number): DecodeResult<MqttPacket> {
  const bad = badOffset<MqttPacket>(bytes, offset);
  if (bad) return bad;
  const b0 = bytes[offset];
  if (b0 === undefined) return decodeFail('truncated: no fixed header byte', offset);
  const type = TYPE_NAMES[(b0 >> 4) - 1];
  const flags = b0 & 0x0f;
  // §2.2.1: types 0 and 15 are reserved (forbidden).
  if (!type) return decodeFail(`packet type ${b0 >> 4} is reserved (byte 0x${hex2(b0)})`, offset);
  const flagError = checkFlags(type, flags);
  if (flagError) return decodeFail(flagError, offset);
  const rl = decodeRemainingLength(bytes, offset + 1);
  if (!rl.ok) return rl;
  const start = offset + 1 + rl.length;
  const end = start + rl.value;
  if (end > bytes.length) {
    const have = bytes.length - start;
    const message = `truncated: ${type} remaining length is ${rl.value} but only ${have} follow`;
    return decodeFail(message, bytes.length);
  }
  const r = new ByteReader(bytes, start, end, PACKET_SCOPE[type]);
  try {
    const packet = decodeBody(type, flags, r);
    const left = r.remaining;
    if (left > 0) failAt(`${left} unexpected byte(s) after the ${type} fields`, r.pos);
    return decodeOk(packet, end - offset);
  } catch (e) {
    return decodeFailure(e);
  }
}

/** What a reader overrun inside each packet type is named in errors, built once. */
const PACKET_SCOPE = Object.fromEntries(TYPE_NAMES.map((t) => [t, `${t} packet`])) as Record<
  MqttPacketType,
  string
>;

function checkFlags(type: MqttPacketType, flags: number): string | undefined {
  if (type === 'PUBLISH') {
    if ((flags & 6) === 6) return 'PUBLISH has QoS 3 (both QoS bits set) [MQTT-3.3.1-4]';
    if ((flags & 8) !== 0 && (flags & 6) === 0) return 'QoS 0 PUBLISH has DUP set [MQTT-3.3.1-2]';
    return undefined;
  }
  const want = FLAGS_0010.includes(type) ? 2 : 0;
  if (flags === want) return undefined;
  // MQTT-2.2.2-1/-2, and MQTT-3.6.1-1, 3.8.1-1, 3.10.1-1 for the 0010 packets.
  const bits = (n: number): string => n.toString(2).padStart(4, '0');
  return `${type} flags must be ${bits(want)}, got ${bits(flags)} [MQTT-2.2.2-2]`;
}

function decodeBody(type: MqttPacketType, flags: number, r: ByteReader): MqttPacket {
  switch (type) {
    case 'CONNECT':
      return decodeConnect(r);
    case 'CONNACK': {
      const at = r.pos;
      const ack = r.u8('acknowledge flags');
      if (ack > 1) failAt(`CONNACK flags 0x${hex2(ack)} set reserved bits [MQTT-3.2.2-1]`, at);
      const returnCode = r.u8('return code');
      if (returnCode > 5) failAt(`CONNACK return code ${returnCode} is reserved`, at + 1);
      if (ack === 1 && returnCode !== 0) {
        failAt('refused CONNACK has Session Present set [MQTT-3.2.2-4]', at);
      }
      return { type, sessionPresent: ack === 1, returnCode };
    }
    case 'PUBLISH': {
      const qos = ((flags >> 1) & 3) as MqttQos;
      const topic = readTopic(r, 'topic name', false);
      const packetId = qos > 0 ? readId(r) : undefined;
      const payload = r.take(r.remaining, 'payload');
      const head = { type, dup: (flags & 8) !== 0, qos, retain: (flags & 1) !== 0, topic };
      return packetId === undefined ? { ...head, payload } : { ...head, packetId, payload };
    }
    case 'PUBACK':
    case 'PUBREC':
    case 'PUBREL':
    case 'PUBCOMP':
    case 'UNSUBACK':
      return { type, packetId: readId(r) };
    case 'SUBSCRIBE': {
      const packetId = readId(r);
      const subscriptions: { topic: string; qos: MqttQos }[] = [];
      while (r.remaining > 0) {
        const topic = readTopic(r, 'topic filter', true);
        subscriptions.push({ topic, qos: readQos(r, 'requested QoS') });
      }
      if (subscriptions.length === 0) failAt('SUBSCRIBE has no topic filter [MQTT-3.8.3-3]', r.pos);
      return { type, packetId, subscriptions };
    }
    case 'SUBACK':
      return { type, packetId: readId(r), returnCodes: readSubackCodes(r) };
    case 'UNSUBSCRIBE': {
      const packetId = readId(r);
      const topics: string[] = [];
      while (r.remaining > 0) topics.push(readTopic(r, 'topic filter', true));
      if (topics.length === 0) failAt('UNSUBSCRIBE has no topic filters [MQTT-3.10.3-2]', r.pos);
      return { type, packetId, topics };
    }
    case 'PINGREQ':
    case 'PINGRESP':
    case 'DISCONNECT':
      return { type };
    default:
      return assertNever(type, 'MQTT packet type');
  }
}

function readSubackCodes(r: ByteReader): number[] {
  const codes: number[] = [];
  while (r.remaining > 0) {
    const at = r.pos;
    const code = r.u8('return code');
    // MQTT-3.9.3-2: only 0x00, 0x01, 0x02 and 0x80 are allowed.
    if (code > 2 && code !== 0x80) failAt(`SUBACK return code 0x${hex2(code)} is reserved`, at);
    codes.push(code);
  }
  // §3.9.3: one return code per filter of the SUBSCRIBE, which has at least one.
  if (codes.length === 0) failAt('SUBACK has no return codes (§3.9.3)', r.pos);
  return codes;
}

/** Whether the reader is at the length-prefixed protocol name "MQTT" (00 04 'M' 'Q' 'T' 'T'). */
function atMqttName(r: ByteReader): boolean {
  const b = r.bytes;
  const i = r.pos;
  return (
    r.remaining >= 6 &&
    b[i] === 0 &&
    b[i + 1] === 4 &&
    b[i + 2] === 0x4d &&
    b[i + 3] === 0x51 &&
    b[i + 4] === 0x54 &&
    b[i + 5] === 0x54
  );
}

function decodeConnect(r: ByteReader): MqttConnect {
  const nameAt = r.pos;
  // Every CONNECT carries the same name: skip building the string for it.
  const name = atMqttName(r) ? ((r.pos += 6), 'MQTT') : readString(r, 'protocol name');
  // MQTT-3.1.2-1: the protocol name is "MQTT" ("MQIsdp" was 3.1).
  if (name !== 'MQTT') {
    failAt(`protocol name ${JSON.stringify(name)} is not "MQTT" [MQTT-3.1.2-1]`, nameAt);
  }
  const levelAt = r.pos;
  const level = r.u8('protocol level');
  if (level !== 4) failAt(`protocol level ${level} is not 4 (MQTT 3.1.1) [MQTT-3.1.2-2]`, levelAt);
  const at = r.pos;
  const f = r.u8('connect flags');
  const willFlag = (f & 0x04) !== 0;
  const willQos = (f >> 3) & 3;
  if (f & 0x01) failAt('connect flags reserved bit 0 is set [MQTT-3.1.2-3]', at);
  if (willQos === 3) failAt('will QoS is 3 [MQTT-3.1.2-14]', at);
  if (!willFlag && f & 0x38) failAt('will QoS/retain set without will flag [MQTT-3.1.2-11]', at);
  if (f & 0x40 && !(f & 0x80)) failAt('password flag without username flag [MQTT-3.1.2-22]', at);
  const keepAlive = r.u16('keep alive');
  const p: MqttConnect = {
    type: 'CONNECT',
    protocolName: 'MQTT',
    protocolLevel: 4,
    clientId: readString(r, 'client id'),
    keepAlive,
    cleanSession: (f & 0x02) !== 0,
  };
  if (willFlag) {
    const topic = readTopic(r, 'will topic', false);
    const payload = readBinary(r, 'will message');
    p.will = { topic, payload, qos: willQos as MqttQos, retain: (f & 0x20) !== 0 };
  }
  if (f & 0x80) p.username = readString(r, 'username');
  if (f & 0x40) p.password = readBinary(r, 'password');
  return p;
}
