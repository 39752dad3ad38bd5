import {
  decodeEnvelope,
  encodeEnvelope,
  type DeliveryWhat,
  type Envelope,
} from '../../chat/envelope';
import type { TraceKind } from '../../kernel/trace';
import { formatDecodeError } from '../../model/decode-result';
import type { ClientPort, ClientTransport } from '../transport';
import { controlMeta, envelopeMeta } from '../wire-meta';
import { decodeMqtt, encodeMqtt } from './codec';
import {
  DISCONNECT_FRAME,
  encodeMqttShared,
  PINGREQ_FRAME,
  type ConstantFrame,
} from './constant-packets';
import type { MqttPacket } from './messages';
import { CONNACK_REASONS, inboxTopic, MQTT_ACK_TOPIC, outboundTopic } from './topics';

/**
 * The phone's MQTT 3.1.1 client: CONNECT with a keep-alive and a persistent session
 * (CleanSession 0, so the server keeps our subscription and queued QoS 1 messages, FACTS §1.3),
 * PUBLISH at the scenario's QoS, PUBACK for what arrives, PINGREQ when idle.
 */
export class MqttClient implements ClientTransport {
  readonly proto = 'mqtt' as const;
  private open = false;
  private lastSentMs = 0;
  private pingSentMs = -1;
  private nextPid = 1;
  /** QoS 1 publishes awaiting PUBACK: packet id → the chat it carried (0 for reads). */
  private awaiting: Map<number, number> | undefined;

  constructor(private readonly port: ClientPort) {}

  private get keepAliveMs(): number {
    return this.port.settings.mqttKeepAliveSec * 1000;
  }

  /** Sends a packet that carries no chat body: all of its bytes are protocol overhead. */
  private put(p: MqttPacket, kind: TraceKind = 'frame', msg?: number, note: string = p.type): void {
    const bytes = encodeMqttShared(p);
    this.lastSentMs = this.port.now;
    const chunks = [bytes];
    this.port.transmit(chunks, controlMeta(chunks, kind, note, msg));
  }

  /** Sends a prebuilt constant packet (a keep-alive ping, a goodbye). */
  private putFrame(f: ConstantFrame): void {
    this.lastSentMs = this.port.now;
    this.port.transmit(f.chunks, f.meta);
  }

  start(): void {
    const connect: MqttPacket = {
      type: 'CONNECT',
      protocolName: 'MQTT',
      protocolLevel: 4,
      clientId: `u${this.port.user}`,
      keepAlive: this.port.settings.mqttKeepAliveSec,
      cleanSession: false,
    };
    this.put(connect, 'connect');
  }

  private pid(): number {
    const id = this.nextPid;
    this.nextPid = id >= 0xffff ? 1 : id + 1;
    return id;
  }

  send(envs: readonly Envelope[]): void {
    const qos = this.port.settings.mqttQos;
    for (const env of envs) {
      const topic = outboundTopic(env);
      const packetId = qos > 0 ? this.pid() : undefined;
      const payload = encodeEnvelope(env);
      const p: MqttPacket = {
        type: 'PUBLISH',
        dup: false,
        qos,
        retain: false,
        topic,
        payload,
        ...(packetId ? { packetId } : {}),
      };
      const bytes = encodeMqtt(p);
      if (packetId !== undefined)
        (this.awaiting ??= new Map()).set(packetId, env.kind === 'chat' ? env.msg : 0);
      this.lastSentMs = this.port.now;
      const chunks = [bytes];
      this.port.transmit(chunks, envelopeMeta(chunks, [env], 'frame', 'PUBLISH'));
    }
  }

  ack(msg: number, what: DeliveryWhat, token: number): void {
    if (token > 0) {
      this.put({ type: 'PUBACK', packetId: token }, 'frame', msg);
      return;
    }
    // QoS 0 has no PUBACK; the device ack travels as an application envelope instead.
    const payload = encodeEnvelope({ kind: 'ack', msg, what });
    this.put(
      { type: 'PUBLISH', dup: false, qos: 0, retain: false, topic: MQTT_ACK_TOPIC, payload },
      'frame',
      msg,
      'PUBLISH ack',
    );
  }

  onDown(chunks: readonly Uint8Array[]): void {
    for (const chunk of chunks) {
      const r = decodeMqtt(chunk);
      if (!r.ok) {
        this.port.malformed(`mqtt: ${formatDecodeError(r.error)}`);
        continue;
      }
      this.handle(r.value);
    }
  }

  private handle(p: MqttPacket): void {
    switch (p.type) {
      case 'CONNACK':
        if (p.returnCode !== 0) {
          this.port.refused(CONNACK_REASONS[p.returnCode] ?? `CONNACK return code ${p.returnCode}`);
          return;
        }
        this.open = true;
        // Without a session the server has no subscription for us: subscribe before anything else.
        if (!p.sessionPresent)
          this.put({
            type: 'SUBSCRIBE',
            packetId: this.pid(),
            subscriptions: [{ topic: inboxTopic(this.port.user), qos: 1 }],
          });
        this.port.timer('keepalive', this.port.now + this.keepAliveMs);
        this.port.connected(p.sessionPresent, 0);
        return;
      case 'PUBLISH': {
        const r = decodeEnvelope(p.payload);
        if (!r.ok) {
          this.port.malformed(`mqtt PUBLISH payload: ${formatDecodeError(r.error)}`);
          return;
        }
        if (r.value.kind === 'accepted') this.port.acceptedByServer(r.value.msg);
        else this.port.received(r.value, p.qos > 0 ? (p.packetId ?? 0) : 0);
        return;
      }
      case 'PUBACK': {
        const msg = this.awaiting?.get(p.packetId);
        if (msg === undefined) return;
        this.awaiting!.delete(p.packetId);
        if (msg > 0) this.port.acceptedByServer(msg);
        return;
      }
      case 'PINGRESP':
        this.pingSentMs = -1;
        return;
      case 'SUBACK':
        return;
      default:
        this.port.malformed(`mqtt: unexpected ${p.type} from the server`);
    }
  }

  onTimer(name: string): void {
    if (!this.open) return;
    if (name === 'keepalive') {
      // MQTT-3.1.2-23: with nothing else to send within Keep Alive, the client sends PINGREQ.
      // A PINGREQ still unanswered a whole keep-alive later: the connection is dead (§3.1.2.10
      // says the client should close if no PINGRESP comes in a reasonable time).
      if (this.pingSentMs >= 0 && this.port.now - this.pingSentMs >= this.keepAliveMs) {
        this.open = false;
        this.port.closed('no PINGRESP within the keep-alive');
        return;
      }
      const due = this.lastSentMs + this.keepAliveMs;
      if (this.port.now >= due) {
        this.putFrame(PINGREQ_FRAME);
        if (this.pingSentMs < 0) this.pingSentMs = this.port.now;
        this.port.timer('keepalive', this.port.now + this.keepAliveMs);
      } else {
        this.port.timer('keepalive', due);
      }
    }
  }

  stop(graceful: boolean): void {
    if (graceful && this.open) this.putFrame(DISCONNECT_FRAME);
    this.open = false;
  }
}
