/** The four ways a phone can reach the gateway, in the order the page and the reports list them. */
export const PROTOCOLS = ['short-poll', 'long-poll', 'websocket', 'mqtt'] as const;
export type ProtocolName = (typeof PROTOCOLS)[number];
