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

/** The packet's bytes, shared when the packet is one of the constant ones. */
export const encodeMqttShared = (p: MqttPacket): Uint8Array => CONSTANT[p.type] ?? encodeMqtt(p);

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
