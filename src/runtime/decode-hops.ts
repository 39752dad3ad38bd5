/**
 * Decodes each hop's real wire bytes for the inspector, with the engine's own codecs, so the page
 * shows exactly what the simulation put on the wire. Shared by every host (one thread, workers).
 */
import type { DecodedField, DecodedPacket, HopBytes } from '../bridge/playground-api';
import { CHAT_ENVELOPE_HEADER_BYTES, decodeEnvelope, type Envelope } from '../engine/chat/envelope';
import type { ProtocolName } from '../engine/model/protocols';
import type { TraceEvent } from '../engine/kernel/trace';
import { toHex, utf8Decode } from '../engine/model/bytes';
import { TAG_BYTES } from '../engine/crypto/aead';
import {
  BASE_HEADER_BYTES,
  decodeSealedHeader,
  headerBytes as sealedHeaderBytes,
  INITIATOR_KEYS_BYTES,
} from '../engine/crypto/sealed-header';
import { formatDecodeError } from '../engine/model/decode-result';
import { decodeHttpMessage, describeFraming } from '../engine/protocols/http/body';
import { decodeMqtt } from '../engine/protocols/mqtt/codec';
import type { MqttPacket } from '../engine/protocols/mqtt/messages';
import { decodeEnvelopeBody } from '../engine/protocols/polling/envelope-body';
import { decodeWsFrame } from '../engine/protocols/ws/codec';

/** Hex shown for a body before it is cut (the full bytes are in the hop's hex). */
const BODY_HEX_PREVIEW_BYTES = 48;

const field = (name: string, value: string | number | boolean): DecodedField => ({
  name,
  value: String(value),
});
const user = (n: number): string => `u${n}`;

function bodyField(name: string, b: Uint8Array): DecodedField {
  const hex = toHex(b.subarray(0, BODY_HEX_PREVIEW_BYTES), ' ');
  return field(name, `${b.length} B: ${hex}${b.length > BODY_HEX_PREVIEW_BYTES ? ' …' : ''}`);
}

/** Encoded sizes of the fixed-size envelopes (envelope.ts layout). */
const ENVELOPE_BYTES = { accepted: 5, ack: 6, receipt: 14, read: 9 } as const;

/** Our application envelope (the same layout inside every protocol). */
export function decodeEnvelopePacket(env: Envelope, encrypted: boolean): DecodedPacket {
  const bytes =
    env.kind === 'chat' ? CHAT_ENVELOPE_HEADER_BYTES + env.body.length : ENVELOPE_BYTES[env.kind];
  switch (env.kind) {
    case 'chat':
      return {
        layer: 'envelope',
        title: 'Envelope CHAT',
        bytes,
        headerBytes: CHAT_ENVELOPE_HEADER_BYTES,
        fields: [
          field('msg', env.msg),
          field('from', user(env.from)),
          field('to', user(env.to)),
          field('chatSeq', env.chatSeq),
          bodyField(
            encrypted
              ? 'body (ciphertext: all the server sees)'
              : 'body (plaintext: encryption is off)',
            env.body,
          ),
        ],
        ...(encrypted ? { inner: [sealedBodyPacket(env.body)] } : {}),
      };
    case 'accepted':
      return {
        layer: 'envelope',
        title: 'Envelope ACCEPTED (✓)',
        bytes,
        headerBytes: bytes,
        fields: [field('msg', env.msg)],
      };
    case 'ack':
      return {
        layer: 'envelope',
        title: 'Envelope ACK',
        bytes,
        headerBytes: bytes,
        fields: [field('msg', env.msg), field('what', env.what)],
      };
    case 'receipt':
      return {
        layer: 'envelope',
        title: `Envelope RECEIPT (${env.status === 'delivered' ? '✓✓' : 'read'})`,
        bytes,
        headerBytes: bytes,
        fields: [
          field('msg', env.msg),
          field('status', env.status),
          field('by', user(env.by)),
          field('to', user(env.to)),
        ],
      };
    case 'read':
      return {
        layer: 'envelope',
        title: 'Envelope READ',
        bytes,
        headerBytes: bytes,
        fields: [field('msg', env.msg), field('from', user(env.from))],
      };
  }
}

/**
 * The end-to-end sealed body: the routing header the server can read, then ciphertext and the
 * 16-byte authentication tag it cannot. Its sizes are the cost of encryption on the wire.
 */
function sealedBodyPacket(body: Uint8Array): DecodedPacket {
  const r = decodeSealedHeader(body);
  if (!r.ok)
    return {
      layer: 'envelope',
      title: 'E2E sealed body',
      bytes: body.length,
      headerBytes: 0,
      fields: [bodyField('bytes', body)],
      error: formatDecodeError(r.error),
    };
  const h = r.value;
  const header = sealedHeaderBytes(h);
  const cipher = body.length - header - TAG_BYTES;
  return {
    layer: 'envelope',
    title: 'E2E sealed body (X25519 + XChaCha20-Poly1305)',
    bytes: body.length,
    headerBytes: header + TAG_BYTES,
    fields: [
      field(
        'routing header (readable by the server)',
        `${BASE_HEADER_BYTES} B: from ${user(h.from)}, to ${user(h.to)}, message ${h.messageId}, chain counter ${h.counter}`,
      ),
      ...(h.initiator
        ? [
            field(
              'initiator keys (first messages of a session)',
              `${INITIATOR_KEYS_BYTES} B: identity + ephemeral X25519 public keys`,
            ),
          ]
        : []),
      field('ciphertext (unreadable without the message key)', `${cipher} B`),
      field('authentication tag', `${TAG_BYTES} B (Poly1305)`),
      field('encryption overhead', `${header + TAG_BYTES} B on a ${cipher} B message`),
    ],
  };
}

function envelopeOf(b: Uint8Array, encrypted: boolean): DecodedPacket[] {
  if (b.length === 0) return [];
  const r = decodeEnvelope(b);
  if (!r.ok)
    return [
      {
        layer: 'raw',
        title: 'Payload',
        bytes: b.length,
        headerBytes: 0,
        fields: [bodyField('bytes', b)],
      },
    ];
  return [decodeEnvelopePacket(r.value, encrypted)];
}

function mqttFields(p: MqttPacket): DecodedField[] {
  switch (p.type) {
    case 'CONNECT':
      return [
        field('protocol', `${p.protocolName} level ${p.protocolLevel}`),
        field('clientId', p.clientId),
        field('keepAlive', `${p.keepAlive} s`),
        field('cleanSession', p.cleanSession),
        ...(p.username !== undefined ? [field('username', p.username)] : []),
        ...(p.will ? [field('will', p.will.topic)] : []),
      ];
    case 'CONNACK':
      return [field('sessionPresent', p.sessionPresent), field('returnCode', p.returnCode)];
    case 'PUBLISH':
      return [
        field('dup', p.dup),
        field('qos', p.qos),
        field('retain', p.retain),
        field('topic', p.topic),
        ...(p.packetId !== undefined ? [field('packetId', p.packetId)] : []),
        field('payload', `${p.payload.length} B`),
      ];
    case 'PUBACK':
    case 'PUBREC':
    case 'PUBREL':
    case 'PUBCOMP':
    case 'UNSUBACK':
      return [field('packetId', p.packetId)];
    case 'SUBSCRIBE':
      return [
        field('packetId', p.packetId),
        ...p.subscriptions.map((s, i) => field(`filter ${i + 1}`, `${s.topic} (QoS ${s.qos})`)),
      ];
    case 'SUBACK':
      return [field('packetId', p.packetId), field('returnCodes', p.returnCodes.join(', '))];
    case 'UNSUBSCRIBE':
      return [field('packetId', p.packetId), ...p.topics.map((t, i) => field(`topic ${i + 1}`, t))];
    case 'PINGREQ':
    case 'PINGRESP':
    case 'DISCONNECT':
      return [];
  }
}

function decodeMqttChunk(chunk: Uint8Array, encrypted: boolean): DecodedPacket[] {
  const out: DecodedPacket[] = [];
  for (let at = 0; at < chunk.length;) {
    const r = decodeMqtt(chunk, at);
    if (!r.ok) {
      out.push({
        layer: 'mqtt',
        title: 'MQTT (undecodable)',
        bytes: chunk.length - at,
        headerBytes: 0,
        fields: [],
        error: formatDecodeError(r.error),
      });
      break;
    }
    const p = r.value;
    const payload = p.type === 'PUBLISH' ? p.payload : undefined;
    out.push({
      layer: 'mqtt',
      title: `MQTT ${p.type}`,
      bytes: r.length,
      headerBytes: r.length - (payload?.length ?? 0),
      fields: [
        field('fixed header', `0x${chunk[at]!.toString(16).padStart(2, '0')}`),
        ...mqttFields(p),
      ],
      ...(payload ? { inner: envelopeOf(payload, encrypted) } : {}),
    });
    at += r.length;
  }
  return out;
}

function decodeHttpChunk(chunk: Uint8Array, encrypted: boolean): DecodedPacket[] {
  const r = decodeHttpMessage(chunk);
  if (!r.ok)
    return [
      {
        layer: 'http',
        title: 'HTTP (undecodable)',
        bytes: chunk.length,
        headerBytes: 0,
        fields: [],
        error: formatDecodeError(r.error),
      },
    ];
  const { head, body } = r.value;
  let inner: DecodedPacket[] = [];
  if (body.length > 0) {
    const envs = decodeEnvelopeBody(body);
    inner = envs.ok
      ? envs.value.map((e) => decodeEnvelopePacket(e, encrypted))
      : [
          {
            layer: 'raw',
            title: 'Body',
            bytes: body.length,
            headerBytes: 0,
            fields: [bodyField('bytes', body)],
            error: formatDecodeError(envs.error),
          },
        ];
  }
  return [
    {
      layer: 'http',
      title: `HTTP ${head.kind === 'request' ? `${head.method} ${head.target}` : `${head.status} ${head.reason}`}`,
      bytes: r.length,
      headerBytes: head.headBytes,
      fields: [
        field('start line', head.startLine),
        ...head.headers.map(([n, v]) => field(n, v)),
        field('body framing', describeFraming(r.value)),
        field('body', `${body.length} B`),
      ],
      ...(inner.length ? { inner } : {}),
    },
  ];
}

function decodeWsChunk(chunk: Uint8Array, encrypted: boolean): DecodedPacket[] {
  const out: DecodedPacket[] = [];
  for (let at = 0; at < chunk.length;) {
    const r = decodeWsFrame(chunk, at);
    if (!r.ok) {
      out.push({
        layer: 'websocket',
        title: 'WebSocket (undecodable)',
        bytes: chunk.length - at,
        headerBytes: 0,
        fields: [],
        error: formatDecodeError(r.error),
      });
      break;
    }
    const f = r.value;
    const fields = [
      field('fin', f.fin),
      field('opcode', f.opcode),
      field('masked', f.masked),
      ...(f.maskKey ? [field('mask key', toHex(f.maskKey, ' '))] : []),
      field('payload length', `${f.payloadLength} B`),
      ...(f.closeCode !== undefined ? [field('close code', f.closeCode)] : []),
      ...(f.closeReason ? [field('close reason', f.closeReason)] : []),
    ];
    out.push({
      layer: 'websocket',
      title: `WebSocket ${f.opcode} frame`,
      bytes: r.length,
      headerBytes: r.length - f.payloadLength,
      fields,
      ...(f.opcode === 'binary' ? { inner: envelopeOf(f.payload, encrypted) } : {}),
    });
    at += r.length;
  }
  return out;
}

const looksLikeHttp = (chunk: Uint8Array): boolean => {
  const start = utf8Decode(chunk.subarray(0, 5));
  return start.ok && /^(GET |POST |PUT |HTTP\/)/.test(start.value + ' ');
};

/** Decodes one chunk of a hop; `proto` undefined means a datacenter hop carrying an envelope. */
export function decodeChunk(
  proto: ProtocolName | undefined,
  chunk: Uint8Array,
  encrypted = true,
): DecodedPacket[] {
  switch (proto) {
    case 'mqtt':
      return decodeMqttChunk(chunk, encrypted);
    case 'websocket':
      // The opening handshake is HTTP; everything after it is frames (RFC 6455 §1.3).
      return looksLikeHttp(chunk)
        ? decodeHttpChunk(chunk, encrypted)
        : decodeWsChunk(chunk, encrypted);
    case 'short-poll':
    case 'long-poll':
      return decodeHttpChunk(chunk, encrypted);
    case undefined:
      return envelopeOf(chunk, encrypted);
  }
}

/** Every hop of a message's events that carries wire bytes, as hex and decoded fields. */
export function decodeHops(events: readonly TraceEvent[], encrypted = true): HopBytes[] {
  const out: HopBytes[] = [];
  events.forEach((e, i) => {
    if (!e.wire || e.wire.length === 0) return;
    out.push({
      event: i,
      chunks: e.wire.map((w) => ({ hex: toHex(w), decoded: decodeChunk(e.proto, w, encrypted) })),
    });
  });
  return out;
}
