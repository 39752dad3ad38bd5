import type { TraceEvent } from '../engine/kernel/trace';
import { decodeMqtt } from '../engine/protocols/mqtt/codec';
import type { MqttPacket, MqttPacketType } from '../engine/protocols/mqtt/messages';

/**
 * One client's MQTT packets as the lab compares them: the type and the flags that tell the
 * store-and-forward story (sessionPresent on CONNACK, QoS and DUP on PUBLISH). `up` is
 * client → server, `down` server → client.
 */
export interface SessionPacket {
  readonly dir: 'up' | 'down';
  readonly type: MqttPacketType;
  readonly sessionPresent?: boolean;
  readonly qos?: number;
  readonly dup?: boolean;
}

/** One connection's packets, from its CONNECT on, each direction in its own order. */
export interface SessionLog {
  readonly up: SessionPacket[];
  readonly down: SessionPacket[];
}

export function sessionPacket(dir: 'up' | 'down', p: MqttPacket): SessionPacket {
  if (p.type === 'CONNACK') return { dir, type: p.type, sessionPresent: p.sessionPresent };
  if (p.type === 'PUBLISH') return { dir, type: p.type, qos: p.qos, dup: p.dup };
  return { dir, type: p.type };
}

/** Splits a client's packets into connections: each CONNECT it sends starts one. */
export function splitSessions(packets: readonly SessionPacket[]): SessionLog[] {
  const out: SessionLog[] = [];
  for (const p of packets) {
    if (p.dir === 'up' && p.type === 'CONNECT') out.push({ up: [], down: [] });
    out.at(-1)?.[p.dir].push(p);
  }
  return out;
}

/**
 * The MQTT packets between the gateway and one phone actor, read from a simulation trace
 * recorded with wire bytes. Frames the link lost never arrived, so they are left out.
 */
export function simulatedPackets(
  trace: readonly TraceEvent[],
  phone: number,
  gateway: number,
): SessionPacket[] {
  const out: SessionPacket[] = [];
  for (const ev of trace) {
    if (ev.proto !== 'mqtt' || !ev.wire || ev.bytes === 0 || ev.kind === 'lost') continue;
    const dir =
      ev.from === phone && ev.to === gateway
        ? 'up'
        : ev.from === gateway && ev.to === phone
          ? 'down'
          : undefined;
    if (!dir) continue;
    for (const chunk of ev.wire) {
      const r = decodeMqtt(chunk);
      if (r.ok) out.push(sessionPacket(dir, r.value));
    }
  }
  return out;
}
