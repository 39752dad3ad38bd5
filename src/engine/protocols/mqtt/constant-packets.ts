import type { TraceKind } from '../../kernel/trace';
import type { WireMeta } from '../transport';
import { controlMeta } from '../wire-meta';
import { encodeMqtt } from './codec';
import type { MqttPacket } from './messages';

/**
 * Packets with no variable field always encode to the same bytes; encoding them once spares a
 * million idle phones an allocation per keep-alive. The arrays are shared: never write to them.
 */
const CONSTANT: Partial<Record<MqttPacket['type'], Uint8Array>> = {
  PINGREQ: encodeMqtt({ type: 'PINGREQ' }),
  PINGRESP: encodeMqtt({ type: 'PINGRESP' }),
  DISCONNECT: encodeMqtt({ type: 'DISCONNECT' }),
};

/**
 * Acks that differ only in a small field (CONNACK's two, a PUBACK's or a one-code SUBACK's
 * packet id) repeat across connections: the first encoding of each is kept and shared.
 */
const SMALL = new Map<number, Uint8Array>();
const SMALL_MAX = 4096;

const isByte = (n: number): boolean => Number.isInteger(n) && n >= 0 && n <= 0xff;
const isPacketId = (n: number): boolean => Number.isInteger(n) && n >= 1 && n <= 0xffff;

/** A distinct number per cacheable packet, or -1 (anything unusual is encoded, and checked, afresh). */
function smallKey(p: MqttPacket): number {
  switch (p.type) {
    case 'CONNACK':
      return isByte(p.returnCode) ? (p.sessionPresent ? 256 : 0) + p.returnCode : -1; // < 512
    case 'PUBACK':
      return isPacketId(p.packetId) ? 512 + p.packetId : -1; // < 0x10200
    case 'SUBACK': {
      const code = p.returnCodes[0];
      return p.returnCodes.length === 1 &&
        code !== undefined &&
        isByte(code) &&
        isPacketId(p.packetId)
        ? 0x10200 + p.packetId * 256 + code
        : -1;
    }
    default:
      return -1;
  }
}

/** The packet's bytes, shared when the packet is one of the constant or oft-repeated ones. */
export function encodeMqttShared(p: MqttPacket): Uint8Array {
  const constant = CONSTANT[p.type];
  if (constant !== undefined) return constant;
  const key = smallKey(p);
  if (key < 0) return encodeMqtt(p);
  let bytes = SMALL.get(key);
  if (bytes === undefined) {
    bytes = encodeMqtt(p);
    if (SMALL.size < SMALL_MAX) SMALL.set(key, bytes);
  }
  return bytes;
}

/** A constant packet as it goes on the wire (one chunk) with its trace metadata: shared, never written to. */
export interface ConstantFrame {
  readonly chunks: readonly Uint8Array[];
  readonly meta: WireMeta;
}

const frame = (type: 'PINGREQ' | 'PINGRESP' | 'DISCONNECT', kind: TraceKind): ConstantFrame => {
  const chunks = [CONSTANT[type]!];
  return { chunks, meta: controlMeta(chunks, kind, type) };
};

/** The frames of an idle connection's keep-alive and of a graceful goodbye, built once. */
export const PINGREQ_FRAME = frame('PINGREQ', 'ping');
export const PINGRESP_FRAME = frame('PINGRESP', 'ping');
export const DISCONNECT_FRAME = frame('DISCONNECT', 'disconnect');
