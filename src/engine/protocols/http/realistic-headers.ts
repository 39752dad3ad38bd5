import type { HttpHeaders, HttpRequestHead, HttpResponseHead } from './messages';
import { httpDate } from './http-date';

/**
 * The headers a mobile client and a typical web gateway exchange on every polling request.
 * FACTS.md §3.1: request heads of 700–800 bytes are typical (SPDY whitepaper) and response heads
 * run 300–1,500 bytes; this set lands at about 750 B up and about 360 B down, every poll,
 * even when the answer is "nothing new".
 */
const CLIENT_HEADERS: HttpHeaders = [
  ['Host', 'chat.doubletick.example'],
  [
    'User-Agent',
    'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36',
  ],
  ['Accept', 'application/octet-stream, application/json;q=0.9, */*;q=0.8'],
  ['Accept-Encoding', 'gzip, deflate, br'],
  ['Accept-Language', 'en-GB,en-US;q=0.9,en;q=0.8'],
  ['Connection', 'keep-alive'],
  ['Cache-Control', 'no-cache'],
  ['Origin', 'https://web.doubletick.example'],
  ['Referer', 'https://web.doubletick.example/'],
];

/** A session cookie and bearer token of realistic length (the bulk of a real request head). */
function authHeaders(user: number): HttpHeaders {
  const id = String(user).padStart(8, '0');
  return [
    [
      'Cookie',
      `dt_session=s.${id}.QkFTRTY0LXNlc3Npb24tdG9rZW4tZm9yLWRlbW8; dt_device=d.${id}.android; dt_consent=analytics:0,functional:1`,
    ],
    [
      'Authorization',
      `Bearer eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ1${id}IiwiZGV2IjoiYW5kcm9pZCJ9.c2lnbmF0dXJlLW9mLXRoZS10b2tlbi1ieS10aGUtc2VydmVy`,
    ],
    ['X-Client-Version', 'doubletick-android/2.26.11'],
  ];
}

/** A polling client's request head: method, path, the standard headers and a body length. */
export function clientRequestHead(
  method: 'GET' | 'POST',
  target: string,
  user: number,
  bodyBytes: number,
): HttpRequestHead {
  const headers: HttpHeaders = [...CLIENT_HEADERS, ...authHeaders(user)];
  if (method === 'POST') {
    headers.push(
      ['Content-Type', 'application/octet-stream'],
      ['Content-Length', String(bodyBytes)],
    );
  }
  return { method, target, version: 'HTTP/1.1', headers };
}

/** The gateway's response head; the epoch header lets a client notice the gateway restarted. */
export function gatewayResponseHead(
  status: number,
  reason: string,
  nowMs: number,
  epoch: number,
  bodyBytes: number,
  extra: HttpHeaders = [],
): HttpResponseHead {
  return {
    version: 'HTTP/1.1',
    status,
    reason,
    headers: [
      ['Date', httpDate(nowMs)],
      ['Server', 'doubletick-gateway'],
      ['Content-Type', 'application/octet-stream'],
      ['Content-Length', String(bodyBytes)],
      ['Connection', 'keep-alive'],
      ['Keep-Alive', 'timeout=60'],
      ['Cache-Control', 'no-store'],
      ['Strict-Transport-Security', 'max-age=31536000; includeSubDomains'],
      ['Vary', 'Accept-Encoding'],
      ['X-Gateway-Epoch', String(epoch)],
      ...extra,
    ],
  };
}
