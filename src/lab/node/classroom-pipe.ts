/**
 * One browser's connection in a classroom: the WebSocket's MQTT packets pass through the gate on
 * their way to the broker's TCP port. A refused CONNECT gets its CONNACK code from the gate itself
 * (the broker never sees it), a SUBSCRIBE outside the room a SUBACK of failures (§3.9.3: 0x80),
 * and a PUBLISH outside the room closes the connection (3.1.1 has no way to refuse one).
 */
import { connect, type Socket } from 'node:net';
import type { RawData, WebSocket } from 'ws';
import { decodeMqtt, encodeMqtt } from '../../engine/protocols/mqtt/codec';
import type { MqttPacket } from '../../engine/protocols/mqtt/messages';
import type { ClassroomGate, Member } from './classroom-gate';
import { createMqttFramer } from './mqtt-framer';

/** WebSocket close codes (4000–4999 are the application's, RFC 6455 §7.4.2). */
export const CLOSE_REFUSED = 4001;
export const CLOSE_FORBIDDEN = 4003;
export const CLOSE_MALFORMED = 4002;

export interface PipeOptions {
  readonly brokerHost: string;
  readonly brokerPort: number;
  readonly maxPacketBytes: number;
  /** Told of every refusal, for the teacher's terminal. */
  readonly onRefuse?: (reason: string) => void;
}

export function pipeThroughGate(ws: WebSocket, gate: ClassroomGate, opts: PipeOptions): void {
  const framer = createMqttFramer(opts.maxPacketBytes);
  let member: Member | undefined;
  let tcp: Socket | undefined;
  let closed = false;

  const shut = (code: number, reason: string): void => {
    if (closed) return;
    closed = true;
    opts.onRefuse?.(reason);
    // No DISCONNECT goes to the broker: a student's will then tells the room they left.
    tcp?.destroy();
    ws.close(code, reason.slice(0, 120));
  };

  const toBroker = (bytes: Buffer): void => {
    if (tcp && !tcp.write(bytes)) ws.pause();
  };

  const openBroker = (): Socket => {
    const s = connect({ host: opts.brokerHost, port: opts.brokerPort });
    s.setNoDelay(true);
    s.on('data', (b) => ws.send(b, { binary: true }));
    s.on('close', () => {
      if (!closed) ws.close(1001, 'broker closed the connection');
      closed = true;
    });
    s.on('error', () => ws.terminate());
    s.on('drain', () => ws.resume());
    return s;
  };

  const handle = (p: MqttPacket, bytes: Buffer): void => {
    if (!member) {
      if (p.type !== 'CONNECT') return shut(CLOSE_MALFORMED, 'the first packet must be CONNECT');
      const admitted = gate.admit(p);
      if ('refuse' in admitted) {
        const connack = encodeMqtt({
          type: 'CONNACK',
          sessionPresent: false,
          returnCode: admitted.refuse,
        });
        ws.send(Buffer.from(connack), { binary: true }, () => shut(CLOSE_REFUSED, admitted.reason));
        return;
      }
      member = admitted.member;
      tcp = openBroker();
      return toBroker(bytes);
    }
    if (p.type === 'CONNECT') return shut(CLOSE_MALFORMED, 'a second CONNECT (MQTT-3.1.0-2)');
    if (p.type === 'SUBSCRIBE') {
      const v = gate.subscribe(member, p);
      if (!v.ok) {
        opts.onRefuse?.(v.reason);
        const suback = encodeMqtt({
          type: 'SUBACK',
          packetId: p.packetId,
          returnCodes: p.subscriptions.map(() => 0x80),
        });
        ws.send(Buffer.from(suback), { binary: true });
        return;
      }
    }
    if (p.type === 'PUBLISH') {
      const v = gate.publish(member, p);
      if (!v.ok) return shut(CLOSE_FORBIDDEN, v.reason);
    }
    toBroker(bytes);
  };

  ws.on('message', (data: RawData, isBinary: boolean) => {
    if (closed) return;
    // MQTT-6.0.0-1: packets travel in binary frames.
    if (!isBinary) return shut(1003, 'MQTT needs binary frames');
    const chunks = Array.isArray(data) ? data : [Buffer.from(data as ArrayBuffer)];
    for (const chunk of chunks) {
      const framed = framer.push(chunk);
      if (!framed.ok) return shut(CLOSE_MALFORMED, framed.reason);
      for (const bytes of framed.packets) {
        const d = decodeMqtt(bytes);
        if (!d.ok) return shut(CLOSE_MALFORMED, `malformed packet: ${d.error.message}`);
        handle(d.value, bytes);
        if (closed) return;
      }
    }
  });
  ws.on('close', () => {
    closed = true;
    tcp?.end();
  });
  ws.on('error', () => tcp?.destroy());
}
