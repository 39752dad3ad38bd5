/**
 * The embed's URL parameters, validated. Every parameter is checked before anything runs: a bad one
 * gives the error view with a message naming it, and the page starts no simulation. Values are
 * only ever compared, parsed as numbers or shown as text, never put into markup.
 */

export type EmbedTheme = 'light' | 'dark' | 'auto';

/** What the embed plays: an example scenario, a lesson step, or a shared run record. */
export type EmbedSource =
  | { readonly kind: 'scenario'; readonly name: string }
  | { readonly kind: 'lesson'; readonly id: string; readonly step: number }
  | { readonly kind: 'run'; readonly payload: string };

export interface EmbedParams {
  readonly source: EmbedSource;
  /** Start paused at this virtual time (ms); undefined starts at 0. */
  readonly atMs: number | undefined;
  readonly autoplay: boolean;
  readonly theme: EmbedTheme;
  readonly controls: boolean;
  readonly ticker: boolean;
}

export type ParamsResult =
  | { readonly ok: true; readonly params: EmbedParams }
  | { readonly ok: false; readonly errors: readonly string[] };

/** The longest URL the embed reads; a share payload well past any real run is refused unread. */
export const MAX_QUERY_CHARS = 16_384;
/** The longest virtual time a link may pin (a day, the playground's longest run). */
const MAX_T_SEC = 24 * 3600;
const KNOWN = ['run', 'lesson', 'step', 'scenario', 't', 'autoplay', 'theme', 'controls', 'ticker'];
const NAME = /^[a-z0-9][a-z0-9-]{0,63}$/;
const PAYLOAD = /^[A-Za-z0-9_.-]+$/;

/** Shows a bad value in a message: short, and only printable characters. */
export function quoted(v: string): string {
  const shown = v.length > 40 ? `${v.slice(0, 40)}…` : v;
  return JSON.stringify(shown.replace(/[^\x20-\x7e]/g, '?'));
}

/** A boolean flag: present and empty, `1` or `true` is on; `0` or `false` off. */
function flag(q: URLSearchParams, name: string, dflt: boolean, errors: string[]): boolean {
  const v = q.get(name);
  if (v === null) return dflt;
  if (v === '' || v === '1' || v === 'true') return true;
  if (v === '0' || v === 'false') return false;
  errors.push(`${name} must be 1 or 0 (got ${quoted(v)})`);
  return dflt;
}

function sourceOf(
  q: URLSearchParams,
  examples: readonly string[],
  errors: string[],
): EmbedSource | undefined {
  const given = ['run', 'lesson', 'scenario'].filter((k) => q.has(k));
  if (given.length === 0) {
    errors.push('say what to play: scenario=<example name>, lesson=<id>&step=<n> or run=<link>');
    return undefined;
  }
  if (given.length > 1) {
    errors.push(`give one of run, lesson or scenario (got ${given.join(' and ')})`);
    return undefined;
  }
  if (q.has('scenario')) {
    const name = q.get('scenario')!;
    if (!NAME.test(name) || !examples.includes(name)) {
      errors.push(`scenario must be one of ${examples.join(', ')} (got ${quoted(name)})`);
      return undefined;
    }
    return { kind: 'scenario', name };
  }
  if (q.has('lesson')) {
    const id = q.get('lesson')!;
    const stepText = q.get('step') ?? '1';
    const step = Number(stepText);
    if (!NAME.test(id))
      errors.push(`lesson must be a lesson id like start-here (got ${quoted(id)})`);
    if (!/^\d{1,3}$/.test(stepText) || step < 1)
      errors.push(`step must be a whole number from 1 (got ${quoted(stepText)})`);
    return errors.length ? undefined : { kind: 'lesson', id, step };
  }
  const payload = q.get('run')!;
  if (!PAYLOAD.test(payload)) {
    errors.push('run must be a share link payload (letters, digits, ., - and _ only)');
    return undefined;
  }
  return { kind: 'run', payload };
}

/**
 * Reads `search` (location.search). `examples` are the example scenario names the build has.
 * Unknown parameters are errors too: a typo (`autoply`) should not be silently ignored.
 */
export function parseEmbedParams(search: string, examples: readonly string[]): ParamsResult {
  if (search.length > MAX_QUERY_CHARS)
    return {
      ok: false,
      errors: [
        `the link is ${search.length} characters; an embed link is at most ${MAX_QUERY_CHARS}`,
      ],
    };
  const q = new URLSearchParams(search);
  const errors: string[] = [];
  for (const k of new Set(q.keys()))
    if (!KNOWN.includes(k))
      errors.push(`unknown parameter ${quoted(k)} (known: ${KNOWN.join(', ')})`);
  for (const k of KNOWN) if (q.getAll(k).length > 1) errors.push(`${k} is given more than once`);
  const source = sourceOf(q, examples, errors);
  let atMs: number | undefined;
  const t = q.get('t');
  if (t !== null) {
    const sec = Number(t);
    if (t.trim() === '' || !Number.isFinite(sec) || sec < 0 || sec > MAX_T_SEC)
      errors.push(`t must be virtual seconds from 0 to ${MAX_T_SEC} (got ${quoted(t)})`);
    else atMs = Math.round(sec * 1000);
  }
  const theme = q.get('theme') ?? 'auto';
  if (theme !== 'light' && theme !== 'dark' && theme !== 'auto')
    errors.push(`theme must be light, dark or auto (got ${quoted(theme)})`);
  const autoplay = flag(q, 'autoplay', false, errors);
  const controls = flag(q, 'controls', true, errors);
  const ticker = flag(q, 'ticker', false, errors);
  if (errors.length || !source) return { ok: false, errors };
  return {
    ok: true,
    params: { source, atMs, autoplay, theme: theme as EmbedTheme, controls, ticker },
  };
}

/** The query string for `params` (the Embed dialog writes it; the parser reads it back). */
export function embedQuery(p: EmbedParams): string {
  const q = new URLSearchParams();
  if (p.source.kind === 'scenario') q.set('scenario', p.source.name);
  else if (p.source.kind === 'lesson') {
    q.set('lesson', p.source.id);
    q.set('step', String(p.source.step));
  } else q.set('run', p.source.payload);
  if (p.atMs !== undefined) q.set('t', String(p.atMs / 1000));
  if (p.autoplay) q.set('autoplay', '1');
  if (p.theme !== 'auto') q.set('theme', p.theme);
  if (!p.controls) q.set('controls', '0');
  if (p.ticker) q.set('ticker', '1');
  return q.toString();
}
