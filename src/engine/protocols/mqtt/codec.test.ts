// Proves the MQTT 3.1.1 codec: round trips, FACTS.md §1.2 sizes, precise errors for bad input.
import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../../model/bytes';
import { decodeMqtt, decodeRemainingLength, encodeMqtt, encodeRemainingLength } from './codec';
import { MQTT_SAMPLES as SAMPLES } from '../../../../test/protocols/samples';
import type { MqttConnect, MqttPacket } from './messages';

const bytesOf = (hex: string): Uint8Array => {
  const r = fromHex(hex);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};
const body = (n: number): Uint8Array => Uint8Array.from({ length: n }, (_, i) => i % 251);

describe('round trip', () => {
  it('covers all fourteen packet types', () => {
    expect(new Set(SAMPLES.map((p) => p.type)).size).toBe(14);
  });

  it.each(SAMPLES.map((p) => [p.type, p] as const))('%s', (_, p) => {
    const bytes = encodeMqtt(p);
    expect(decodeMqtt(bytes)).toEqual({ ok: true, value: p, length: bytes.length });
  });

  it('decodes packets back to back using offset and length', () => {
    const stream = Uint8Array.from(SAMPLES.flatMap((p) => [...encodeMqtt(p)]));
    const seen: MqttPacket[] = [];
    for (let at = 0; at < stream.length;) {
      const r = decodeMqtt(stream, at);
      if (!r.ok) throw new Error(r.error.message);
      seen.push(r.value);
      at += r.length;
    }
    expect(seen).toEqual(SAMPLES);
  });
});

describe('sizes from FACTS.md §1.2', () => {
  const connect = (clientId: string, extra: Partial<MqttConnect> = {}): MqttPacket => ({
    type: 'CONNECT',
    protocolName: 'MQTT',
    protocolLevel: 4,
    clientId,
    keepAlive: 60,
    cleanSession: true,
    ...extra,
  });
  const publish = (qos: 0 | 1): MqttPacket => ({
    type: 'PUBLISH',
    dup: false,
    qos,
    retain: false,
    topic: 'chat/u123',
    payload: body(100),
    ...(qos ? { packetId: 1 } : {}),
  });

  it('CONNECT: 17 B with cid "abc", 37 B with 23 bytes, 81 B with user + password', () => {
    const abc = toHex(encodeMqtt(connect('abc')), ' ');
    expect(abc).toBe('10 0f 00 04 4d 51 54 54 04 02 00 3c 00 03 61 62 63');
    expect(encodeMqtt(connect('x'.repeat(23))).length).toBe(37);
    const withLogin = connect('x'.repeat(23), { username: 'u'.repeat(8), password: body(32) });
    expect(encodeMqtt(withLogin).length).toBe(81);
  });

  it('PUBLISH chat/u123 with 100 B: QoS 0 = 113 B, QoS 1 = 115 B', () => {
    expect(encodeMqtt(publish(0)).length).toBe(113);
    expect(encodeMqtt(publish(1)).length).toBe(115);
  });

  it('fixed-size packets', () => {
    const hex = (p: MqttPacket): string => toHex(encodeMqtt(p), ' ');
    expect(hex({ type: 'CONNACK', sessionPresent: false, returnCode: 0 })).toBe('20 02 00 00');
    expect(hex({ type: 'PUBACK', packetId: 1 })).toBe('40 02 00 01');
    expect(hex({ type: 'PUBREC', packetId: 1 })).toBe('50 02 00 01');
    expect(hex({ type: 'PUBREL', packetId: 1 })).toBe('62 02 00 01');
    expect(hex({ type: 'PUBCOMP', packetId: 1 })).toBe('70 02 00 01');
    expect(hex({ type: 'UNSUBACK', packetId: 1 })).toBe('b0 02 00 01');
    expect(hex({ type: 'SUBACK', packetId: 1, returnCodes: [1] })).toBe('90 03 00 01 01');
    expect(hex({ type: 'PINGREQ' })).toBe('c0 00');
    expect(hex({ type: 'PINGRESP' })).toBe('d0 00');
    expect(hex({ type: 'DISCONNECT' })).toBe('e0 00');
    const subscriptions = [{ topic: 'chat/u123', qos: 1 as const }];
    const sub = encodeMqtt({ type: 'SUBSCRIBE', packetId: 1, subscriptions });
    expect(sub.length).toBe(16);
    expect(sub[0]).toBe(0x82);
  });
});

describe('remaining length', () => {
  const cases: [number, string][] = [
    [0, '00'],
    [127, '7f'],
    [128, '80 01'],
    [16383, 'ff 7f'],
    [16384, '80 80 01'],
    [2097151, 'ff ff 7f'],
    [2097152, '80 80 80 01'],
    [268435455, 'ff ff ff 7f'],
  ];

  it.each(cases)('%i ↔ %s', (n, hex) => {
    expect(toHex(encodeRemainingLength(n), ' ')).toBe(hex);
    const length = hex.split(' ').length;
    expect(decodeRemainingLength(bytesOf(`aa ${hex}`), 1)).toEqual({ ok: true, value: n, length });
  });

  const upTo2MiB = cases.filter(([n]) => n <= 2097152);
  it.each(upTo2MiB)('a packet with remaining length %i round-trips', (n) => {
    const payload = body(Math.max(0, n - 3));
    const p: MqttPacket = {
      type: 'PUBLISH',
      dup: false,
      qos: 0,
      retain: false,
      topic: 't',
      payload,
    };
    const bytes = encodeMqtt(n < 3 ? { type: 'PINGREQ' } : p);
    expect(decodeRemainingLength(bytes, 1)).toMatchObject({ ok: true, value: n < 3 ? 0 : n });
    expect(decodeMqtt(bytes)).toMatchObject({ ok: true, length: bytes.length });
  });

  it('refuses to encode beyond 268,435,455', () => {
    expect(() => encodeRemainingLength(268435456)).toThrow(RangeError);
    expect(() => encodeRemainingLength(-1)).toThrow(RangeError);
  });

  it('accepts a non-minimal form (3.1.1 does not forbid it)', () => {
    const r = decodeMqtt(bytesOf('c0 80 00'));
    expect(r).toEqual({ ok: true, value: { type: 'PINGREQ' }, length: 3 });
  });
});

describe('errors name the rule and the byte', () => {
  const CONNECT_HEAD = '10 0d 00 04 4d 51 54 54';
  const cases: [string, string, string, number][] = [
    ['empty input', '', 'truncated', 0],
    ['type 0', '00 00', 'packet type 0 is reserved', 0],
    ['type 15', 'f0 00', 'packet type 15 is reserved', 0],
    ['RL over 4 bytes', '30 ff ff ff ff 01', 'remaining length uses more than 4 bytes', 4],
    ['RL cut off', '30 ff', 'remaining length continues past the end', 2],
    ['truncated body', '30 0a 00 01 61', 'remaining length is 10 but only 3 follow', 5],
    ['PUBREL flags 0000', '60 02 00 01', 'PUBREL flags must be 0010, got 0000', 0],
    ['SUBSCRIBE flags 0000', '80 06 00 01 00 01 61 00', 'SUBSCRIBE flags must be 0010', 0],
    ['UNSUBSCRIBE flags', 'a0 05 00 01 00 01 61', 'UNSUBSCRIBE flags must be 0010', 0],
    ['PUBACK flags', '41 02 00 01', 'PUBACK flags must be 0000, got 0001', 0],
    ['QoS 3', '36 05 00 01 61 00 01', 'QoS 3', 0],
    ['DUP at QoS 0', '38 03 00 01 61', 'has DUP set', 0],
    ['protocol name', '10 0d 00 04 4d 51 54 58 04 02 00 3c 00 01 61', 'protocol name "MQTX"', 2],
    ['protocol level 5', `${CONNECT_HEAD} 05 02 00 3c 00 01 61`, 'protocol level 5 is not 4', 8],
    ['reserved connect flag', `${CONNECT_HEAD} 04 03 00 3c 00 01 61`, 'reserved bit 0', 9],
    ['password, no user', `${CONNECT_HEAD} 04 42 00 3c 00 01 61`, 'password flag without user', 9],
    ['client id overruns', `${CONNECT_HEAD} 04 02 00 3c 00 09 61`, 'id (length 9) overruns', 14],
    ['leftover bytes', '40 03 00 01 ff', '1 unexpected byte(s) after the PUBACK fields', 4],
    ['PINGREQ with body', 'c0 01 00', 'after the PINGREQ fields', 2],
    ['SUBSCRIBE without filters', '82 02 00 01', 'SUBSCRIBE has no topic filter', 4],
    ['SUBSCRIBE QoS 3', '82 06 00 01 00 01 61 03', 'requested QoS is 3', 7],
    ['SUBSCRIBE reserved bits', '82 06 00 01 00 01 61 41', 'reserved bits', 7],
    ['packet id 0', '40 02 00 00', 'packet identifier is 0', 2],
    ['PUBLISH wildcard topic', '30 03 00 01 23', 'contains a wildcard', 2],
    ['bad filter', '82 07 00 01 00 02 61 23 00', 'misplaces a wildcard', 4],
    ['empty topic', '30 02 00 00', 'topic name is empty', 2],
    ['invalid UTF-8 topic', '30 03 00 01 ff', 'invalid UTF-8', 4],
    ['NUL in topic', '30 04 00 02 61 00', 'U+0000', 5],
    ['CONNACK return code 6', '20 02 00 06', 'return code 6 is reserved', 3],
    ['SUBACK code 3', '90 03 00 01 03', 'SUBACK return code 0x03 is reserved', 4],
  ];

  it.each(cases)('%s', (_, hex, message, offset) => {
    const r = decodeMqtt(bytesOf(hex));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.message).toContain(message);
    expect(r.error.offset).toBe(offset);
  });

  it('offsets are absolute when decoding from the middle of a buffer', () => {
    const r = decodeMqtt(bytesOf('c0 00 60 02 00 01'), 2);
    const message = expect.stringContaining('PUBREL flags') as string;
    expect(r).toMatchObject({ ok: false, error: { message, offset: 2 } });
    expect(decodeMqtt(bytesOf('c0 00'), 5)).toMatchObject({ ok: false, error: { offset: 2 } });
  });

  it('the encoder refuses packets the wire cannot carry', () => {
    const publish = (dup: boolean, topic: string): MqttPacket => ({
      type: 'PUBLISH',
      dup,
      qos: 0,
      retain: false,
      topic,
      payload: body(0),
    });
    expect(() => encodeMqtt({ type: 'PUBACK', packetId: 0 })).toThrow(RangeError);
    const noFilters: MqttPacket = { type: 'SUBSCRIBE', packetId: 1, subscriptions: [] };
    expect(() => encodeMqtt(noFilters)).toThrow(RangeError);
    expect(() => encodeMqtt(publish(true, 't'))).toThrow(RangeError);
    expect(() => encodeMqtt(publish(false, 'x'.repeat(70000)))).toThrow(/65,535/);
    // What the decoder refuses, the encoder never writes: U+0000 in any string [MQTT-1.5.3-2].
    expect(() => encodeMqtt(publish(false, 'chat/u1\0'))).toThrow(/U\+0000/);
    expect(() => encodeMqtt(publish(false, 'chät\0'))).toThrow(/U\+0000/);
  });
});
