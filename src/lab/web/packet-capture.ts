/**
 * A packet MQTT.js reports (`packetsend`, `packetreceive`) as the lab shows and counts it: its
 * bytes from mqtt-packet's `generate` (MQTT.js's own encoder, so the bytes it wrote), decoded again
 * by the engine's codec for the inspector's fields.
 */
import generate from 'mqtt-packet/generate.js';
import type { Packet } from 'mqtt-packet';
import type { LabPacketView } from '../../bridge/lab-api';
import { decodeMqtt } from '../../engine/protocols/mqtt/codec';
import type { MqttPacket } from '../../engine/protocols/mqtt/messages';
import { sessionPacket, type SessionPacket } from '../session-packets';

/** One captured packet: the view the page shows and the shape the comparison counts. */
export interface CapturedPacket {
  readonly view: LabPacketView;
  readonly session: SessionPacket;
  readonly byteLength: number;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const HEX_SHOWN_BYTES = 512;

export const toHex = (b: Uint8Array): string =>
  Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');

/** A field's value in a few words: bytes as text when they are UTF-8, else as hex. */
function fieldText(v: unknown): string {
  if (v instanceof Uint8Array) {
    try {
      return JSON.stringify(utf8.decode(v));
    } catch {
      return `0x${toHex(v.subarray(0, 64))}${v.length > 64 ? '…' : ''}`;
    }
  }
  if (Array.isArray(v)) return v.map((x) => JSON.stringify(x)).join(', ');
  return typeof v === 'string' ? JSON.stringify(v) : String(v);
}

export function packetFields(p: MqttPacket): [string, string][] {
  return Object.entries(p)
    .filter(([k, v]) => k !== 'type' && v !== undefined)
    .map(([k, v]) => [k, fieldText(v)]);
}

/** Encodes and decodes one MQTT.js packet; `undefined` when it is not an MQTT 3.1.1 packet. */
export function capturePacket(
  packet: Packet,
  dir: 'up' | 'down',
  client: string,
  seq: number,
  atMs: number,
): CapturedPacket | undefined {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(generate(packet, { protocolVersion: 4 }));
  } catch {
    return undefined;
  }
  const decoded = decodeMqtt(bytes);
  if (!decoded.ok) return undefined;
  const p = decoded.value;
  const view: LabPacketView = {
    seq,
    atMs,
    client,
    dir,
    type: p.type,
    hex: toHex(bytes.subarray(0, HEX_SHOWN_BYTES)),
    byteLength: bytes.length,
    fields: packetFields(p),
  };
  return { view, session: sessionPacket(dir, p), byteLength: bytes.length };
}
