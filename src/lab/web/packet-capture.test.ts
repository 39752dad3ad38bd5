// Proves a packet MQTT.js reports is captured with mqtt-packet's bytes and the engine codec's fields.
import generate from 'mqtt-packet/generate.js';
import type { Packet } from 'mqtt-packet';
import { describe, expect, it } from 'vitest';
import { capturePacket, toHex } from './packet-capture';

describe('capturePacket', () => {
  it('a redelivered QoS 1 PUBLISH: its bytes as MQTT.js writes them, its fields, DUP set', () => {
    const p = {
      cmd: 'publish',
      topic: 'dt/run/u/bob',
      payload: Buffer.from('{"id":1,"from":"alice","text":"hi"}'),
      qos: 1,
      messageId: 7,
      dup: true,
      retain: false,
    } as Packet;
    const c = capturePacket(p, 'down', 'bob', 12, 3_400)!;
    const expected = new Uint8Array(generate(p, { protocolVersion: 4 }));
    expect(c.view.hex).toBe(toHex(expected));
    expect(c.byteLength).toBe(expected.length);
    expect(c.view).toMatchObject({
      seq: 12,
      atMs: 3_400,
      client: 'bob',
      dir: 'down',
      type: 'PUBLISH',
    });
    expect(c.session).toEqual({ dir: 'down', type: 'PUBLISH', qos: 1, dup: true });
    expect(Object.fromEntries(c.view.fields)).toMatchObject({
      topic: '"dt/run/u/bob"',
      packetId: '7',
      payload: JSON.stringify('{"id":1,"from":"alice","text":"hi"}'),
    });
  });

  it('a CONNACK keeps sessionPresent; a binary payload shows as hex', () => {
    const c = capturePacket(
      { cmd: 'connack', sessionPresent: true, returnCode: 0 } as Packet,
      'down',
      'bob',
      1,
      0,
    )!;
    expect(c.session).toEqual({ dir: 'down', type: 'CONNACK', sessionPresent: true });
    expect(c.view.hex).toBe('20020100');
    const bin = capturePacket(
      {
        cmd: 'publish',
        topic: 't',
        payload: Buffer.from([0xff, 0x00]),
        qos: 0,
        dup: false,
        retain: false,
      } as Packet,
      'up',
      'alice',
      2,
      0,
    )!;
    expect(Object.fromEntries(bin.view.fields)['payload']).toBe('0xff00');
  });

  it('a packet 3.1.1 does not have is left out', () => {
    expect(
      capturePacket({ cmd: 'auth', reasonCode: 0 } as Packet, 'up', 'a', 1, 0),
    ).toBeUndefined();
  });
});
