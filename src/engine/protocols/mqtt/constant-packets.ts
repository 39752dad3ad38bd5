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
