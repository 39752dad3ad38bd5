/**
 * The broker URL a classroom page connects to: by default the page's own server (the lab serves
 * the page and the WebSocket on one port), or `?broker=` when a teacher runs the room elsewhere.
 * Only ws: and wss:, and never credentials in the URL (they would sit in history and in logs).
 */
import { CLASSROOM_WS_PATH } from './room-protocol';

export type BrokerUrlCheck =
  { readonly ok: true; readonly url: string } | { readonly ok: false; readonly message: string };

/** The WebSocket URL on the server that served `page`. */
export function sameServerBroker(page: { protocol: string; host: string }): string {
  return `${page.protocol === 'https:' ? 'wss' : 'ws'}://${page.host}${CLASSROOM_WS_PATH}`;
}

export function checkBrokerUrl(text: string): BrokerUrlCheck {
  let u: URL;
  try {
    u = new URL(text);
  } catch {
    return { ok: false, message: `"${text}" is not a URL: use ws://host:port/mqtt` };
  }
  if (u.protocol !== 'ws:' && u.protocol !== 'wss:')
    return {
      ok: false,
      message: `The broker URL must start with ws:// or wss://, not ${u.protocol}//`,
    };
  if (u.username || u.password)
    return { ok: false, message: 'The broker URL must not carry a user name or password.' };
  if (u.hash) return { ok: false, message: 'The broker URL must not have a #fragment.' };
  return { ok: true, url: u.href };
}

/** What to tell a student when nothing answers: where it looked, and how a teacher starts one. */
export const unreachableMessage = (url: string): string =>
  `No classroom answers at ${url}. The teacher starts one with: npm run build && npm run lab -- --classroom`;
