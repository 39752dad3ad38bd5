/**
 * The broker address a learner types or passes as `?lab=`: checked before anything connects, so
 * a bad one gets a sentence naming what is wrong and nothing is opened.
 */

/** Longest address accepted, in characters (a host, a port and a short path fit well inside). */
export const LAB_URL_MAX_CHARS = 200;

/** The command that starts a broker the page can use. */
export const LAB_START_COMMAND = 'npm run lab';

export type LabUrlCheck =
  | { readonly ok: true; readonly url: string; readonly host: string; readonly secure: boolean }
  | { readonly ok: false; readonly error: string };

const fail = (error: string): LabUrlCheck => ({ ok: false, error });
const quoted = (s: string): string =>
  s.length > 60 ? `"${s.slice(0, 60)}…" (${s.length} characters)` : `"${s}"`;

// A path of at most one plain segment: brokers serve MQTT over WebSocket at `/` or e.g. `/mqtt`.
const PLAIN_PATH = /^\/(?:[A-Za-z0-9_-]{1,32})?$/;

/**
 * Checks a broker address: `ws:` or `wss:` only, a host, no user name or password, no query or
 * fragment, at most one plain path segment, and at most {@link LAB_URL_MAX_CHARS} characters.
 * `pageProtocol` (`location.protocol`) refuses `ws:` from an `https:` page, which browsers block.
 */
export function checkLabUrl(raw: string, pageProtocol?: string): LabUrlCheck {
  if (raw.length > LAB_URL_MAX_CHARS)
    return fail(
      `The broker address is ${raw.length} characters long; at most ${LAB_URL_MAX_CHARS} are accepted.`,
    );
  const text = raw.trim();
  if (text === '') return fail('Give the broker’s WebSocket address, e.g. ws://127.0.0.1:9001.');
  // eslint-disable-next-line no-control-regex
  if (/[\s\u0000-\u001f\u007f\\]/.test(text))
    return fail(
      `The broker address ${quoted(text)} contains spaces, control characters or backslashes.`,
    );
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(text)?.[1]?.toLowerCase();
  if (scheme !== 'ws' && scheme !== 'wss')
    return fail(
      `The broker address must start with ws:// or wss:// (got ${quoted(text)}): the page speaks MQTT over WebSocket only.`,
    );
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return fail(`The broker address ${quoted(text)} is not a URL.`);
  }
  // The raw text is checked too: URL() drops an empty "user:@" and normalises paths.
  const authority = /^[a-z]+:\/\/([^/]*)/i.exec(text)?.[1] ?? '';
  if (url.username !== '' || url.password !== '' || authority.includes('@'))
    return fail(
      'The broker address must not carry a user name or password: the lab broker takes anonymous clients, and a password in a link leaks.',
    );
  if (url.hostname === '') return fail(`The broker address ${quoted(text)} names no host.`);
  if (url.search !== '' || url.hash !== '' || /[?#]/.test(text))
    return fail(`The broker address ${quoted(text)} must not have a query (?) or a fragment (#).`);
  const rawPath = /^[a-z]+:\/\/[^/]*(\/.*)?$/i.exec(text)?.[1] ?? '/';
  if (!PLAIN_PATH.test(rawPath) || rawPath !== url.pathname)
    return fail(
      `The broker address's path ${quoted(rawPath)} is not allowed: use no path, or one plain segment such as /mqtt.`,
    );
  if (scheme === 'ws' && pageProtocol === 'https:')
    return fail(
      'This page was loaded over https, so the browser refuses a ws:// broker; use its wss:// address.',
    );
  return { ok: true, url: url.href.replace(/\/$/, ''), host: url.host, secure: scheme === 'wss' };
}
