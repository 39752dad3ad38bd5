/** Markdown of lesson files, parsed with remark (GFM + front matter): never rendered as HTML here. */
import type { Nodes, Root, RootContent } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { ErrorList } from './errors';
import { quote } from './errors';

const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm);

export const parseMarkdown = (text: string): Root => parser.parse(text);

export const lineOf = (n: { position?: { start: { line: number } } }): number =>
  n.position?.start.line ?? 1;

/** The source text of top-level nodes, as the author wrote it. */
export function sourceOf(text: string, nodes: readonly RootContent[]): string {
  return nodes
    .map((n) => text.slice(n.position?.start.offset ?? 0, n.position?.end.offset ?? 0))
    .join('\n\n');
}

/** `[^erlang-process]`: a citation of a source in content/sources.yaml. */
const CITATION = /\[\^([^\]\s]+)\]/g;

/** Links a learner may follow: the web, and places in the page. */
const SAFE_URL = /^(https?:\/\/|#|\/(?!\/))/i;

/**
 * Walks prose for what a lesson may not hold — raw HTML, unsafe links, images, footnote
 * definitions — and collects the source ids it cites.
 */
export function checkProse(nodes: readonly Nodes[], errors: ErrorList, cited: string[]): void {
  const walk = (n: Nodes): void => {
    switch (n.type) {
      case 'html':
        errors.add(
          lineOf(n),
          `raw HTML is not allowed in a lesson (found ${quote(n.value)}): write Markdown; the player renders text, never HTML`,
        );
        return;
      case 'image':
      case 'imageReference':
        errors.add(
          lineOf(n),
          'images are not part of the lesson format: draw it as a ```mermaid diagram',
        );
        return;
      case 'link':
        if (!SAFE_URL.test(n.url))
          errors.add(lineOf(n), `links must be http(s) or in-page (got ${quote(n.url)})`);
        break;
      case 'definition':
        if (!SAFE_URL.test(n.url))
          errors.add(lineOf(n), `links must be http(s) or in-page (got ${quote(n.url)})`);
        return;
      case 'footnoteDefinition':
        errors.add(
          lineOf(n),
          `sources are defined once, in content/sources.yaml; cite them as [^${n.identifier}]`,
        );
        return;
      case 'text':
        for (const m of n.value.matchAll(CITATION)) cited.push(m[1]!);
        return;
      default:
        break;
    }
    if ('children' in n) for (const c of n.children) walk(c as Nodes);
  };
  for (const n of nodes) walk(n);
}

/** True when the nodes carry some words (a step made only of blocks has no text to read). */
export function hasText(nodes: readonly Nodes[]): boolean {
  const some = (n: Nodes): boolean =>
    (n.type === 'text' && n.value.trim() !== '') ||
    ('children' in n && (n.children as Nodes[]).some(some));
  return nodes.some(some);
}
