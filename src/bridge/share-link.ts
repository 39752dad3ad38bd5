/**
 * A run record in a URL: JSON, deflated (fflate), base64url, behind a version prefix
 * (`#run=1.eJy…`). The fragment never reaches a server, so a shared run stays between the people
 * who share it. A link is a stranger's input: decoding checks its size, its characters, its
 * version and that it inflates to JSON, and says which of these failed; the record inside is then
 * checked like any scenario (the run session's record check, with the scenario validator).
 */
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import { SHARE_KEY, type RunRecord } from './run-record';
import { MAX_SCENARIO_TEXT_BYTES } from '../engine/model/scenario-text';

export { SHARE_KEY };

/** The version written now. A link from a later version is refused, never guessed at. */
export const SHARE_LINK_VERSION = 1;
/**
 * The longest link text accepted. DEFLATE expands at most ~1,032×, so this bounds what a link
 * can make the page inflate (~8 MB) before anything else is checked; 8,192 characters is also
 * under every browser's and chat app's URL limit. A run with hundreds of inputs fits.
 */
export const MAX_SHARE_CHARS = 8_192;
/**
 * The most JSON a link may inflate to: four scenarios' worth (the scenario validator's text limit,
 * MAX_SCENARIO_TEXT_BYTES), so a scenario at its limit still has room for thousands of inputs.
 */
export const MAX_SHARE_JSON_BYTES = 4 * MAX_SCENARIO_TEXT_BYTES;

export type ShareProblem = 'empty' | 'oversized' | 'not-a-link' | 'future-version' | 'truncated';

export type ShareDecode =
  | { readonly ok: true; readonly record: unknown }
  | { readonly ok: false; readonly problem: ShareProblem; readonly message: string };

const BASE64URL = /^[A-Za-z0-9_-]*$/;

function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** The link text for a record: `1.<base64url of deflated JSON>`. */
export function encodeShare(record: RunRecord): string {
  const packed = deflateSync(strToU8(JSON.stringify(record)), { level: 9 });
  return `${SHARE_LINK_VERSION}.${toBase64Url(packed)}`;
}

const fail = (problem: ShareProblem, message: string): ShareDecode => ({
  ok: false,
  problem,
  message,
});

/** Reads link text back to the record it holds (unchecked: the run session checks it). */
export function decodeShare(text: string): ShareDecode {
  if (text.length === 0) return fail('empty', 'The link holds no run.');
  if (text.length > MAX_SHARE_CHARS)
    return fail(
      'oversized',
      `The link is ${text.length.toLocaleString('en-US')} characters long; a shared run is at most ${MAX_SHARE_CHARS.toLocaleString('en-US')}.`,
    );
  const dot = text.indexOf('.');
  const version = dot > 0 ? text.slice(0, dot) : '';
  const body = text.slice(dot + 1);
  if (!/^\d{1,6}$/.test(version) || !BASE64URL.test(body))
    return fail(
      'not-a-link',
      'This is not a DoubleTick share link (it holds characters a link never has).',
    );
  if (Number(version) > SHARE_LINK_VERSION)
    return fail(
      'future-version',
      `The link was made by a newer DoubleTick (link version ${Number(version)}; this page reads version ${SHARE_LINK_VERSION}). Reload to get the newest page.`,
    );
  if (Number(version) !== SHARE_LINK_VERSION)
    return fail('not-a-link', `Link version ${Number(version)} is not one this page reads.`);
  let json: string;
  try {
    const bytes = inflateSync(fromBase64Url(body));
    if (bytes.length > MAX_SHARE_JSON_BYTES)
      return fail('oversized', 'The run in the link is larger than a shared run may be.');
    json = strFromU8(bytes);
  } catch {
    return fail(
      'truncated',
      'The link is cut short or damaged: copy the whole link and try again.',
    );
  }
  try {
    return { ok: true, record: JSON.parse(json) as unknown };
  } catch {
    return fail(
      'truncated',
      'The link is cut short or damaged: copy the whole link and try again.',
    );
  }
}

/** The link text in a page address's fragment (`#run=…`), if it has one. */
export function shareTextIn(hash: string): string | undefined {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  return params.get(SHARE_KEY) ?? undefined;
}
