/** The fourteen MQTT 3.1.1 control packets (OASIS, 29 Oct 2014, §3) as a discriminated union. */

/** Quality of service: 0 at most once, 1 at least once, 2 exactly once (§4.3). */
export type MqttQos = 0 | 1 | 2;

/** The Will message a server publishes if the client vanishes (§3.1.2.5). */
export interface MqttWill {
  topic: string;
  payload: Uint8Array;
  qos: MqttQos;
  retain: boolean;
}

/** Client → server, first packet on a connection (§3.1). */
export interface MqttConnect {
  type: 'CONNECT';
  protocolName: 'MQTT';
  protocolLevel: 4;
  clientId: string;
  keepAlive: number;
  cleanSession: boolean;
  will?: MqttWill;
  username?: string;
  password?: Uint8Array;
}

/** Server → client answer to CONNECT (§3.2); returnCode 0 accepted, 1–5 refused (Table 3.1). */
export interface MqttConnack {
  type: 'CONNACK';
  sessionPresent: boolean;
  returnCode: number;
}

/** An application message, either direction (§3.3); packetId is present iff qos > 0. */
export interface MqttPublish {
  type: 'PUBLISH';
  dup: boolean;
  qos: MqttQos;
  retain: boolean;
  topic: string;
  packetId?: number;
  payload: Uint8Array;
}

/** QoS 1 acknowledgement (§3.4). */
export interface MqttPuback {
  type: 'PUBACK';
  packetId: number;
}

/** QoS 2, step 1 of 3 (§3.5). */
export interface MqttPubrec {
  type: 'PUBREC';
  packetId: number;
}

/** QoS 2, step 2 of 3 (§3.6). */
export interface MqttPubrel {
  type: 'PUBREL';
  packetId: number;
}

/** QoS 2, step 3 of 3 (§3.7). */
export interface MqttPubcomp {
  type: 'PUBCOMP';
  packetId: number;
}

/** Client → server subscription request with one or more topic filters (§3.8). */
export interface MqttSubscribe {
  type: 'SUBSCRIBE';
  packetId: number;
  subscriptions: { topic: string; qos: MqttQos }[];
}

/** Granted QoS per filter: 0, 1, 2, or 0x80 for failure (§3.9). */
export interface MqttSuback {
  type: 'SUBACK';
  packetId: number;
  returnCodes: number[];
}

/** Client → server removal of one or more topic filters (§3.10). */
export interface MqttUnsubscribe {
  type: 'UNSUBSCRIBE';
  packetId: number;
  topics: string[];
}

/** Acknowledges an UNSUBSCRIBE (§3.11). */
export interface MqttUnsuback {
  type: 'UNSUBACK';
  packetId: number;
}

/** Keep-alive probe from the client (§3.12). */
export interface MqttPingreq {
  type: 'PINGREQ';
}

/** The server's answer to PINGREQ (§3.13). */
export interface MqttPingresp {
  type: 'PINGRESP';
}

/** Clean client-side close; 3.1.1 gives it no reason code (§3.14). */
export interface MqttDisconnect {
  type: 'DISCONNECT';
}

/** Any MQTT 3.1.1 control packet. */
export type MqttPacket =
  | MqttConnect
  | MqttConnack
  | MqttPublish
  | MqttPuback
  | MqttPubrec
  | MqttPubrel
  | MqttPubcomp
  | MqttSubscribe
  | MqttSuback
  | MqttUnsubscribe
  | MqttUnsuback
  | MqttPingreq
  | MqttPingresp
  | MqttDisconnect;

/** The spec's name of a control packet type. */
export type MqttPacketType = MqttPacket['type'];

/** Control packet type codes, bits 7–4 of the first byte (§2.2.1, Table 2.1). */
export const MQTT_TYPE_CODES = {
  CONNECT: 1,
  CONNACK: 2,
  PUBLISH: 3,
  PUBACK: 4,
  PUBREC: 5,
  PUBREL: 6,
  PUBCOMP: 7,
  SUBSCRIBE: 8,
  SUBACK: 9,
  UNSUBSCRIBE: 10,
  UNSUBACK: 11,
  PINGREQ: 12,
  PINGRESP: 13,
  DISCONNECT: 14,
} as const satisfies Record<MqttPacketType, number>;

/** Largest Remaining Length, four varint bytes (§2.2.3, Table 2.4). */
export const MQTT_MAX_REMAINING_LENGTH = 268_435_455;
