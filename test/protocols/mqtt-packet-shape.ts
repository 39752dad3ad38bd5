// mqtt-packet (MQTT.js's parser) as an oracle for the engine's MQTT codec: our packets in its shape and back.
import * as mqttPacket from 'mqtt-packet';
import type { Packet } from 'mqtt-packet';
import { assertNever } from '../../src/engine/model/brand';
import type { MqttPacket, MqttQos } from '../../src/engine/protocols/mqtt/messages';

const buf = (b: Uint8Array): Buffer => Buffer.from(b);
const u8 = (b: Buffer | string | undefined): Uint8Array => new Uint8Array(Buffer.from(b ?? ''));

/** Our packet in mqtt-packet's shape. */
export function toTheirs(p: MqttPacket): Packet {
  switch (p.type) {
    case 'CONNECT': {
      const will = p.will && { ...p.will, payload: buf(p.will.payload) };
      return {
        cmd: 'connect',
        protocolId: 'MQTT',
        protocolVersion: 4,
        clientId: p.clientId,
        keepalive: p.keepAlive,
        clean: p.cleanSession,
        ...(will ? { will } : {}),
        ...(p.username !== undefined ? { username: p.username } : {}),
        ...(p.password ? { password: buf(p.password) } : {}),
      };
    }
    case 'CONNACK':
      return { cmd: 'connack', sessionPresent: p.sessionPresent, returnCode: p.returnCode };
    case 'PUBLISH':
      return {
        cmd: 'publish',
        topic: p.topic,
        payload: buf(p.payload),
        qos: p.qos,
        dup: p.dup,
        retain: p.retain,
        ...(p.packetId ? { messageId: p.packetId } : {}),
      };
    case 'PUBACK':
    case 'PUBREC':
    case 'PUBREL':
    case 'PUBCOMP':
    case 'UNSUBACK':
      return { cmd: p.type.toLowerCase() as 'puback', messageId: p.packetId };
    case 'SUBSCRIBE':
      return { cmd: 'subscribe', messageId: p.packetId, subscriptions: p.subscriptions };
    case 'SUBACK':
      return { cmd: 'suback', messageId: p.packetId, granted: p.returnCodes };
    case 'UNSUBSCRIBE':
      return { cmd: 'unsubscribe', messageId: p.packetId, unsubscriptions: p.topics };
    case 'PINGREQ':
    case 'PINGRESP':
    case 'DISCONNECT':
      return { cmd: p.type.toLowerCase() as 'pingreq' };
    default:
      return assertNever(p);
  }
}

/** mqtt-packet's parse result in our shape (only the fields 3.1.1 defines). */
export function fromTheirs(t: Packet): MqttPacket {
  const id = t.messageId ?? 0;
  switch (t.cmd) {
    case 'connect': {
      const p: MqttPacket = {
        type: 'CONNECT',
        protocolName: 'MQTT',
        protocolLevel: 4,
        clientId: t.clientId,
        keepAlive: t.keepalive ?? 0,
        cleanSession: t.clean ?? false,
      };
      const w = t.will;
      if (w) {
        p.will = { topic: w.topic, payload: u8(w.payload), qos: w.qos ?? 0, retain: !!w.retain };
      }
      if (t.username !== undefined) p.username = t.username;
      if (t.password !== undefined) p.password = u8(t.password);
      return p;
    }
    case 'connack':
      return { type: 'CONNACK', sessionPresent: t.sessionPresent, returnCode: t.returnCode ?? -1 };
    case 'publish': {
      const { dup, qos, retain, topic } = t;
      const head = { type: 'PUBLISH', dup, qos, retain, topic, payload: u8(t.payload) } as const;
      return qos > 0 ? { ...head, packetId: id } : head;
    }
    case 'puback':
    case 'pubrec':
    case 'pubrel':
    case 'pubcomp':
    case 'unsuback':
      return { type: t.cmd.toUpperCase() as 'PUBACK', packetId: id };
    case 'subscribe': {
      const subscriptions = t.subscriptions.map((s) => ({ topic: s.topic, qos: s.qos as MqttQos }));
      return { type: 'SUBSCRIBE', packetId: id, subscriptions };
    }
    case 'suback':
      return { type: 'SUBACK', packetId: id, returnCodes: t.granted.map(Number) };
    case 'unsubscribe':
      return { type: 'UNSUBSCRIBE', packetId: id, topics: t.unsubscriptions };
    case 'pingreq':
    case 'pingresp':
    case 'disconnect':
      return { type: t.cmd.toUpperCase() as 'PINGREQ' };
    default:
      throw new Error(`unexpected ${t.cmd}`);
  }
}

/** Every packet mqtt-packet parses from `bytes` (level 4); throws on its first error. */
export function theirParse(bytes: Uint8Array): Packet[] {
  const parser = mqttPacket.parser({ protocolVersion: 4 });
  const out: Packet[] = [];
  const errors: Error[] = [];
  parser.on('packet', (p) => out.push(p));
  parser.on('error', (e) => errors.push(e));
  parser.parse(buf(bytes));
  if (errors.length) throw errors[0];
  return out;
}

/** mqtt-packet's encoding of our packet (level 4). */
export const theirGenerate = (p: MqttPacket): Uint8Array =>
  new Uint8Array(mqttPacket.generate(toTheirs(p), { protocolVersion: 4 }));
