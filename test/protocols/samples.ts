// Shared fixtures for the protocol tests: valid packets, frames and heads of every kind.
import { utf8Encode } from '../../src/engine/model/bytes';
import type { MqttPacket } from '../../src/engine/protocols/mqtt/messages';
import type { WsOpcode } from '../../src/engine/protocols/ws/messages';

/** Deterministic filler bytes. */
export const body = (n: number): Uint8Array => Uint8Array.from({ length: n }, (_, i) => i % 251);

/** One or more samples of each of the fourteen packet types. */
export const MQTT_SAMPLES: MqttPacket[] = [
  {
    type: 'CONNECT',
    protocolName: 'MQTT',
    protocolLevel: 4,
    clientId: 'abc',
    keepAlive: 60,
    cleanSession: true,
  },
  {
    type: 'CONNECT',
    protocolName: 'MQTT',
    protocolLevel: 4,
    clientId: 'phone-u1',
    keepAlive: 0,
    cleanSession: false,
    will: { topic: 'presence/u1', payload: utf8Encode('offline'), qos: 1, retain: true },
    username: 'ü-user',
    password: Uint8Array.of(0, 1, 2, 255),
  },
  {
    type: 'CONNECT',
    protocolName: 'MQTT',
    protocolLevel: 4,
    clientId: '',
    keepAlive: 65535,
    cleanSession: true,
    username: '',
  },
  { type: 'CONNACK', sessionPresent: true, returnCode: 0 },
  { type: 'CONNACK', sessionPresent: false, returnCode: 5 },
  { type: 'PUBLISH', dup: false, qos: 0, retain: false, topic: 'chat/u123', payload: body(0) },
  {
    type: 'PUBLISH',
    dup: true,
    qos: 1,
    retain: true,
    topic: 'chat/u1',
    packetId: 1,
    payload: utf8Encode('hi 👋'),
  },
  {
    type: 'PUBLISH',
    dup: false,
    qos: 2,
    retain: false,
    topic: 'a',
    packetId: 65535,
    payload: body(300),
  },
  { type: 'PUBACK', packetId: 7 },
  { type: 'PUBREC', packetId: 8 },
  { type: 'PUBREL', packetId: 9 },
  { type: 'PUBCOMP', packetId: 10 },
  { type: 'SUBSCRIBE', packetId: 11, subscriptions: [{ topic: 'chat/u123', qos: 1 }] },
  {
    type: 'SUBSCRIBE',
    packetId: 12,
    subscriptions: [
      { topic: 'chat/+/inbox', qos: 0 },
      { topic: '#', qos: 2 },
      { topic: 'a/b/#', qos: 1 },
    ],
  },
  { type: 'SUBACK', packetId: 11, returnCodes: [1] },
  { type: 'SUBACK', packetId: 12, returnCodes: [0, 0x80, 2] },
  { type: 'UNSUBSCRIBE', packetId: 13, topics: ['chat/u123', 'a/+'] },
  { type: 'UNSUBACK', packetId: 13 },
  { type: 'PINGREQ' },
  { type: 'PINGRESP' },
  { type: 'DISCONNECT' },
];

/** The RFC 6455 §5.7 example mask key. */
export const RFC_MASK = Uint8Array.of(0x37, 0xfa, 0x21, 0x3d);

export interface WsFrameInput {
  fin?: boolean;
  opcode: WsOpcode;
  payload: Uint8Array;
  maskKey?: Uint8Array;
}

/** Frames to encode, covering each opcode, each length form, masked and unmasked. */
export const WS_SAMPLES: WsFrameInput[] = [
  { opcode: 'text', payload: utf8Encode('Hello') },
  { opcode: 'text', payload: utf8Encode('Hello'), maskKey: RFC_MASK },
  { opcode: 'binary', payload: body(256) },
  { opcode: 'binary', payload: body(65536), maskKey: Uint8Array.of(1, 2, 3, 4) },
  { opcode: 'text', fin: false, payload: utf8Encode('Hel') },
  { opcode: 'continuation', payload: utf8Encode('lo') },
  { opcode: 'ping', payload: new Uint8Array(0) },
  { opcode: 'pong', payload: body(125), maskKey: Uint8Array.of(9, 9, 9, 9) },
  { opcode: 'close', payload: new Uint8Array(0) },
  { opcode: 'close', payload: Uint8Array.of(0x03, 0xe8, 0x62, 0x79, 0x65) },
];

/** Complete HTTP/1.1 messages: the RFC 6455 §1.2 handshake pair and a small poll. */
export const HTTP_SAMPLES: string[] = [
  'GET /chat HTTP/1.1\r\nHost: server.example.com\r\n' +
    'Upgrade: websocket\r\nConnection: Upgrade\r\n' +
    'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nOrigin: http://example.com\r\n' +
    'Sec-WebSocket-Protocol: chat, superchat\r\nSec-WebSocket-Version: 13\r\n\r\n',
  'HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
    'Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\nSec-WebSocket-Protocol: chat\r\n\r\n',
  'POST /poll?since=41 HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\n' +
    'Content-Length: 15\r\n\r\n{"messages":[]}',
  'HTTP/1.1 200 OK\r\nContent-Length: 2\r\nX-Empty:\r\n\r\nok',
];
