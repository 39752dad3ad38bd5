import { decodeEnvelope, type Envelope } from '../chat/envelope';
import type { ProtocolName } from '../model/protocols';
import { decodeHttpMessage } from '../protocols/http/body';
import { decodeMqtt } from '../protocols/mqtt/codec';
import { decodeEnvelopeBody } from '../protocols/polling/envelope-body';
import { decodeWsFrame } from '../protocols/ws/codec';

/** The application envelopes inside one chunk of a protocol's bytes (none if it carries none). */
export function envelopesIn(proto: ProtocolName, chunk: Uint8Array): Envelope[] {
  switch (proto) {
    case 'mqtt': {
      // Only a PUBLISH (type 3) carries an envelope; skip pings and acks without decoding them.
      if (chunk.length === 0 || chunk[0]! >> 4 !== 3) return [];
      const r = decodeMqtt(chunk);
      if (!r.ok || r.value.type !== 'PUBLISH') return [];
      const e = decodeEnvelope(r.value.payload);
      return e.ok ? [e.value] : [];
    }
    case 'websocket': {
      // Only a binary frame (opcode 2) carries an envelope; skip pings, pongs and handshakes.
      if (chunk.length === 0 || (chunk[0]! & 0x0f) !== 2) return [];
      const r = decodeWsFrame(chunk);
      if (!r.ok || r.value.opcode !== 'binary') return [];
      const e = decodeEnvelope(r.value.payload);
      return e.ok ? [e.value] : [];
    }
    case 'short-poll':
    case 'long-poll': {
      const r = decodeHttpMessage(chunk);
      if (!r.ok) return [];
      const e = decodeEnvelopeBody(r.value.body);
      return e.ok ? e.value : [];
    }
  }
}

/** Chat ids carried by some chunks. */
export function chatIdsIn(
  proto: ProtocolName | undefined,
  chunks: readonly Uint8Array[],
): number[] {
  if (proto === undefined) return [];
  const out: number[] = [];
  for (const c of chunks)
    for (const e of envelopesIn(proto, c)) if (e.kind === 'chat') out.push(e.msg);
  return out;
}
