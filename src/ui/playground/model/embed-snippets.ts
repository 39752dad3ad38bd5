import { embedQuery, type EmbedParams } from '../../embed/embed-params';

/** Escapes text for an HTML attribute value in a snippet a writer pastes. */
const attr = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The embed's address for `params`, beside the playground at `base` (the page's own URL). */
export function embedUrl(params: EmbedParams, base: string): string {
  return new URL(`./embed.html?${embedQuery(params)}`, base).href;
}

/** The playground's address for the same run, paused at the embed's moment. */
export function playgroundUrl(params: EmbedParams, base: string): string {
  const q = new URLSearchParams();
  if (params.source.kind === 'scenario') q.set('scenario', params.source.name);
  if (params.source.kind === 'run') q.set('run', params.source.payload);
  if (params.atMs !== undefined) q.set('t', String(params.atMs / 1000));
  return new URL(`./index.html?${q.toString()}`, base).href;
}

/** The `<iframe>` a writer pastes into a page: 16:9, lazy, titled for screen readers. */
export function iframeSnippet(params: EmbedParams, base: string, title: string): string {
  return [
    `<iframe src="${attr(embedUrl(params, base))}"`,
    `  title="${attr(`DoubleTick: ${title}`)}"`,
    '  style="width: 100%; aspect-ratio: 16 / 9; border: 0"',
    '  loading="lazy"></iframe>',
  ].join('\n');
}

/** For docs that cannot take iframes: the topology as a Mermaid block, and a link to the live run. */
export function markdownSnippet(
  params: EmbedParams,
  base: string,
  title: string,
  flowchart: string,
): string {
  const label = title.replace(/[[\]\\]/g, '');
  return [
    '```mermaid',
    flowchart,
    '```',
    '',
    `[Open "${label}" live in DoubleTick](${playgroundUrl(params, base)})`,
    '',
  ].join('\n');
}
