// Proves the framer cuts a stream into whole MQTT packets however the WebSocket frames split it, and
// refuses a packet larger than the broker accepts before buffering it.
import { describe, expect, it } from 'vitest';
import { encodeMqtt } from '../../engine/protocols/mqtt/codec';
import { createMqttFramer } from './mqtt-framer';

const ping = Buffer.from(encodeMqtt({ type: 'PINGREQ' }));
const publish = Buffer.from(
  encodeMqtt({
    type: 'PUBLISH',
    dup: false,
    qos: 1,
    retain: false,
    topic: 'classroom/ABC234/inbox/Ben/Ann',
    packetId: 7,
    payload: new Uint8Array(200).fill(65),
  }),
);

describe('MQTT framer', () => {
  it('gives the same packets whatever the split', () => {
    const stream = Buffer.concat([publish, ping, publish]);
    for (const size of [1, 2, 3, 50, 203, stream.length]) {
      const framer = createMqttFramer(65_536);
      const got: Buffer[] = [];
      for (let i = 0; i < stream.length; i += size) {
        const r = framer.push(stream.subarray(i, i + size));
        if (!r.ok) throw new Error(r.reason);
        got.push(...r.packets);
      }
      expect(
        got.map((b) => b.toString('hex')),
        `chunks of ${size}`,
      ).toEqual([publish, ping, publish].map((b) => b.toString('hex')));
    }
  });

  it('refuses a packet over the limit from its header alone', () => {
    const framer = createMqttFramer(100);
    expect(framer.push(publish.subarray(0, 4))).toMatchObject({ ok: false, reason: /exceeds 100/ });
    expect(createMqttFramer(100).push(Buffer.from([0x30, 0xff, 0xff, 0xff, 0xff]))).toMatchObject({
      ok: false,
    });
  });
});
