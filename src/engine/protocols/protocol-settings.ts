import type { ProtocolSettings } from './transport';

/**
 * Defaults, each from FACTS.md: short poll every 2 s (the design note's "every 2s"); a 30 s
 * long-poll hold (Firestore's default, §3.2); WebSocket ping every 25 s with a 20 s timeout
 * (Engine.IO 6 defaults, §3.2); MQTT keep-alive 60 s (§4.3 scenario B) at QoS 1.
 */
export const DEFAULT_PROTOCOL_SETTINGS: ProtocolSettings = {
  shortPollIntervalMs: 2_000,
  longPollHoldMs: 30_000,
  wsPingIntervalMs: 25_000,
  wsPingTimeoutMs: 20_000,
  mqttKeepAliveSec: 60,
  mqttQos: 1,
};
