import type { HttpHeaders } from '../http/messages';

export const WS_HOST = 'chat.doubletick.example';
export const WS_PATH = '/v1/ws';
export const WS_SUBPROTOCOL = 'doubletick.v1';

/**
 * What a mobile app adds to its upgrade request: identity and a session cookie. FACTS.md §2.1:
 * the RFC example is 230 B; real clients add a few hundred bytes more (estimate, not measured).
 */
export const WS_CLIENT_HEADERS = (user: number): HttpHeaders => [
  ['User-Agent', 'doubletick-android/2.26.11 (Android 14; Pixel 8)'],
  [
    'Cookie',
    `dt_session=s.${String(user).padStart(8, '0')}.QkFTRTY0LXNlc3Npb24tdG9rZW4tZm9yLWRlbW8`,
  ],
];
