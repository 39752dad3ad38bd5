// mqtt-packet's encoder alone (its entry also pulls in the parser and its stream library); the
// file ships without types of its own.
declare module 'mqtt-packet/generate.js' {
  import type { Packet } from 'mqtt-packet';
  export default function generate(
    packet: Packet,
    opts?: { protocolVersion?: number },
  ): Uint8Array & { readonly length: number };
}
