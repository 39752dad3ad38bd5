import { ackKey, decodeEnvelope, encodeEnvelope } from '../../chat/envelope';
import type { TraceKind } from '../../kernel/trace';
import { CONN_HANDSHAKE, type GatewayConnection } from '../server-connection';
import { formatDecodeError } from '../../model/decode-result';
import type { GatewayPort, ServerProtocol } from '../server-transport';
import { controlMeta, pushMeta } from '../wire-meta';
import { decodeMqtt, encodeMqtt } from './codec';
import { encodeMqttShared, PINGRESP_FRAME } from './constant-packets';
import type { MqttPacket } from './messages';
import { inboxTopic, MQTT_ACK_TOPIC } from './topics';

const send = (
  c: GatewayConnection,
  port: GatewayPort,
  p: MqttPacket,
  kind: TraceKind,
  msg?: number,
  close?: string,
): void => {
  const bytes = encodeMqttShared(p);
  const chunks = [bytes];
  port.transmit(c, chunks, controlMeta(chunks, kind, p.type, msg), close);
};

function nextPid(c: GatewayConnection): number {
  const id = c.nextPid;
  c.nextPid = id >= 0xffff ? 1 : id + 1;
  return id;
}

function onConnect(c: GatewayConnection, p: MqttPacket, port: GatewayPort): void {
  if (p.type !== 'CONNECT') {
    // MQTT-3.1.0-1: the first packet from the client must be CONNECT.
    port.malformed(c, `mqtt: first packet was ${p.type}, not CONNECT`);
    port.close(c, 'protocol violation', true);
    return;
  }
  c.keepAliveMs = p.keepAlive * 1000;
  const refusal = port.admit(c);
  if (refusal !== undefined) {
    // Return code 3, "Server unavailable" (Table 3.1), then close the network connection.
    send(
      c,
      port,
      { type: 'CONNACK', sessionPresent: false, returnCode: 3 },
      'refused',
      undefined,
      refusal,
    );
    port.forget(c);
    return;
  }
  const sessionPresent = port.opened(c) && !p.cleanSession;
  send(c, port, { type: 'CONNACK', sessionPresent, returnCode: 0 }, 'connect');
}

function onPacket(c: GatewayConnection, p: MqttPacket, port: GatewayPort): void {
  switch (p.type) {
    case 'PUBLISH': {
      const r = decodeEnvelope(p.payload);
      if (!r.ok) return port.malformed(c, `mqtt PUBLISH payload: ${formatDecodeError(r.error)}`);
      const env = r.value;
      if (env.kind === 'ack') return port.deviceAck(c, ackKey(env.msg, env.what));
      const taken = port.envelope(c, env, p.payload);
      if (!taken) return;
      const isChat = env.kind === 'chat';
      if (p.qos > 0 && p.packetId !== undefined) {
        send(
          c,
          port,
          { type: 'PUBACK', packetId: p.packetId },
          isChat ? 'accepted' : 'frame',
          env.msg,
        );
      } else if (isChat) {
        // QoS 0 has no PUBACK: ✓ goes back as an application notice.
        const payload = encodeEnvelope({ kind: 'accepted', msg: env.msg });
        send(
          c,
          port,
          { type: 'PUBLISH', dup: false, qos: 0, retain: false, topic: MQTT_ACK_TOPIC, payload },
          'accepted',
          env.msg,
        );
      }
      return;
    }
    case 'PUBACK':
      return onPuback(c, p.packetId, port);
    case 'SUBSCRIBE':
      send(
        c,
        port,
        {
          type: 'SUBACK',
          packetId: p.packetId,
          returnCodes: p.subscriptions.map((s) => Math.min(s.qos, 1)),
        },
        'frame',
      );
      return;
    case 'PINGREQ':
      port.transmit(c, PINGRESP_FRAME.chunks, PINGRESP_FRAME.meta);
      return;
    case 'DISCONNECT':
      port.close(c, 'client sent DISCONNECT', false);
      return;
    default:
      // MQTT-3.1.0-2: a second CONNECT (or any server-only packet) is a protocol violation.
      port.malformed(c, `mqtt: unexpected ${p.type} from a client`);
      port.close(c, 'protocol violation', true);
  }
}

// Apart from `onPacket`: a closure over its packet would allocate a context on every packet, pings too.
function onPuback(c: GatewayConnection, packetId: number, port: GatewayPort): void {
  const d = c.inflight?.find((x) => x.pid === packetId);
  if (d) port.deviceAck(c, d.key);
}

/** The gateway's MQTT 3.1.1 server: CONNACK, PUBACK as ✓, QoS 1 pushes, keep-alive enforcement. */
export const mqttServer: ServerProtocol = {
  onUp(c, chunks, port) {
    for (const chunk of chunks) {
      const r = decodeMqtt(chunk);
      if (!r.ok) {
        // MQTT-4.8.0-1: on a protocol violation the server closes the network connection.
        port.malformed(c, `mqtt: ${formatDecodeError(r.error)}`);
        port.close(c, 'malformed packet', true);
        return;
      }
      if (c.state === CONN_HANDSHAKE) onConnect(c, r.value, port);
      else onPacket(c, r.value, port);
    }
  },

  push(c, port) {
    const qos = port.settings.mqttQos;
    for (const d of port.takeWaiting(c)) {
      d.pid = qos > 0 ? nextPid(c) : 0;
      const p: MqttPacket = {
        type: 'PUBLISH',
        dup: false,
        qos,
        retain: false,
        topic: inboxTopic(c.user),
        payload: d.envelope,
        ...(qos > 0 ? { packetId: d.pid } : {}),
      };
      const bytes = encodeMqtt(p);
      const env = decodeEnvelope(d.envelope);
      const chunks = [bytes];
      port.transmit(c, chunks, pushMeta(chunks, env.ok ? [env.value] : [], 'PUBLISH'));
    }
  },

  sweep(c, port) {
    if (c.keepAliveMs === 0) return Infinity;
    // MQTT-3.1.2-24: no packet within 1.5 × Keep Alive and the server must drop the connection.
    const deadline = c.lastHeardMs + 1.5 * c.keepAliveMs;
    if (port.now > deadline) {
      port.close(c, 'keep-alive timeout (1.5 × Keep Alive)', true);
      return Infinity;
    }
    return deadline + 1;
  },
};
