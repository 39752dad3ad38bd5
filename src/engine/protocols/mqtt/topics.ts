import type { Envelope } from '../../chat/envelope';

/** The topic a phone subscribes to: the gateway publishes its chats and receipts here. */
export const inboxTopic = (user: number): string => `u/${user}`;
/** QoS 0 device acks and ✓ notices travel on this topic (QoS 1 uses PUBACK instead). */
export const MQTT_ACK_TOPIC = 'ack';

/** The topic a phone publishes an envelope to. */
export function outboundTopic(env: Envelope): string {
  switch (env.kind) {
    case 'chat':
      return `msg/${env.to}`;
    case 'read':
      return `read/${env.from}`;
    default:
      return MQTT_ACK_TOPIC;
  }
}

/** CONNACK return codes, MQTT 3.1.1 Table 3.1. */
export const CONNACK_REASONS: Readonly<Record<number, string>> = {
  1: 'connection refused: unacceptable protocol version',
  2: 'connection refused: identifier rejected',
  3: 'connection refused: server unavailable',
  4: 'connection refused: bad user name or password',
  5: 'connection refused: not authorized',
};
