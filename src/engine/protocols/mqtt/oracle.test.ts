// Proves byte-for-byte agreement with mqtt-packet (level 4): encode = generate, parse = decode.
import type { Packet } from 'mqtt-packet';
import { describe, expect, it } from 'vitest';
import {
  fromTheirs,
  theirGenerate,
  theirParse,
} from '../../../../test/protocols/mqtt-packet-shape';
import { MQTT_SAMPLES } from '../../../../test/protocols/samples';
import { decodeMqtt, encodeMqtt } from './codec';

describe('mqtt-packet oracle', () => {
  it.each(MQTT_SAMPLES.map((p, i) => [`${i} ${p.type}`, p] as const))('%s', (_, p) => {
    const ours = encodeMqtt(p);
    const theirs = theirGenerate(p);
    expect(ours).toEqual(theirs);
    const parsed = theirParse(ours);
    expect(parsed).toHaveLength(1);
    expect(fromTheirs(parsed[0] as Packet)).toEqual(p);
    expect(decodeMqtt(theirs)).toEqual({ ok: true, value: p, length: theirs.length });
  });

  it('agrees across a stream of every sample', () => {
    const stream = Uint8Array.from(MQTT_SAMPLES.flatMap((p) => [...encodeMqtt(p)]));
    expect(theirParse(stream).map(fromTheirs)).toEqual(MQTT_SAMPLES);
  });
});
