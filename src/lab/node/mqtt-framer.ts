/**
 * Cuts a byte stream into whole MQTT control packets (§2.2: one type byte, a 1–4 byte Remaining
 * Length, then that many bytes). WebSocket frames need not align with packets (§6), so the gate
 * buffers until a packet is complete, and refuses one larger than the broker accepts.
 */
import { decodeRemainingLength } from '../../engine/protocols/mqtt/codec';

export type Framed =
  | { readonly ok: true; readonly packets: readonly Buffer[] }
  | { readonly ok: false; readonly reason: string };

export interface MqttFramer {
  /** Appends bytes; returns the packets now complete (each its own exact bytes), or why not. */
  push(chunk: Buffer): Framed;
}

export function createMqttFramer(maxPacketBytes: number): MqttFramer {
  let pending: Buffer = Buffer.alloc(0);
  return {
    push(chunk) {
      pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
      const packets: Buffer[] = [];
      while (pending.length >= 2) {
        const rl = decodeRemainingLength(pending, 1);
        if (!rl.ok) {
          if (/truncated/.test(rl.error.message)) break;
          return { ok: false, reason: rl.error.message };
        }
        const total = 1 + rl.length + rl.value;
        if (total > maxPacketBytes)
          return { ok: false, reason: `packet of ${total} bytes exceeds ${maxPacketBytes}` };
        if (pending.length < total) break;
        packets.push(pending.subarray(0, total));
        pending = pending.subarray(total);
      }
      if (pending.length > maxPacketBytes)
        return { ok: false, reason: `more than ${maxPacketBytes} bytes without a whole packet` };
      return { ok: true, packets };
    },
  };
}
