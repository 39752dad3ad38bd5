/** WebSocket frame types (RFC 6455 §5.2). */

/** The six opcodes RFC 6455 defines; 0x3–0x7 and 0xB–0xF are reserved (§5.2). */
export type WsOpcode = 'continuation' | 'text' | 'binary' | 'close' | 'ping' | 'pong';

/** One decoded frame; `payload` is already unmasked. */
export interface WsFrame {
  fin: boolean;
  /** RSV1–3 as a 3-bit number; always 0 here, since no extension is negotiated (§5.2). */
  rsv: number;
  opcode: WsOpcode;
  masked: boolean;
  maskKey?: Uint8Array;
  payloadLength: number;
  payload: Uint8Array;
  /** Close frames with a body: the status code (§5.5.1, §7.4). */
  closeCode?: number;
  /** Close frames with a body: the UTF-8 reason after the code. */
  closeReason?: string;
}

/** Opcode numbers of §5.2 / §11.8. */
export const WS_OPCODES = {
  continuation: 0x0,
  text: 0x1,
  binary: 0x2,
  close: 0x8,
  ping: 0x9,
  pong: 0xa,
} as const satisfies Record<WsOpcode, number>;

/** Largest payload a control frame (close, ping, pong) may carry (§5.5). */
export const WS_MAX_CONTROL_PAYLOAD_BYTES = 125;
