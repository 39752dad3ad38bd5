/**
 * Lesson prose as a small tree of plain nodes the player renders with React: the Markdown is
 * parsed at build time, so the page carries no Markdown parser and never sees HTML. Only the
 * node kinds below exist; anything else becomes its text.
 */
import type { Nodes } from 'mdast';
import { parseMarkdown } from './markdown';

export type ProseNode =
  | { readonly t: 'text'; readonly v: string }
  | { readonly t: 'cite'; readonly id: string }
  | { readonly t: 'code'; readonly v: string }
  | { readonly t: 'block-code'; readonly lang: string; readonly v: string }
  | { readonly t: 'br' }
  | { readonly t: 'hr' }
  | { readonly t: 'link'; readonly url: string; readonly c: readonly ProseNode[] }
  | {
      readonly t: 'p' | 'strong' | 'em' | 'del' | 'li' | 'quote' | 'table' | 'tr' | 'td';
      readonly c: readonly ProseNode[];
    }
  | { readonly t: 'list'; readonly ordered: boolean; readonly c: readonly ProseNode[] }
  | { readonly t: 'h'; readonly depth: number; readonly c: readonly ProseNode[] };

const CITATION = /\[\^([a-z0-9][a-z0-9-]*)\]/g;

function textNodes(v: string): ProseNode[] {
  const out: ProseNode[] = [];
  let last = 0;
  for (const m of v.matchAll(CITATION)) {
    if (m.index > last) out.push({ t: 'text', v: v.slice(last, m.index) });
    out.push({ t: 'cite', id: m[1]! });
    last = m.index + m[0].length;
  }
  if (last < v.length) out.push({ t: 'text', v: v.slice(last) });
  return out;
}

function convert(n: Nodes): ProseNode[] {
  const kids = (): ProseNode[] => ('children' in n ? (n.children as Nodes[]).flatMap(convert) : []);
  switch (n.type) {
    case 'text':
      return textNodes(n.value);
    case 'inlineCode':
      return [{ t: 'code', v: n.value }];
    case 'code':
      return [{ t: 'block-code', lang: n.lang ?? '', v: n.value }];
    case 'break':
      return [{ t: 'br' }];
    case 'thematicBreak':
      return [{ t: 'hr' }];
    case 'link':
      return [{ t: 'link', url: n.url, c: kids() }];
    case 'paragraph':
      return [{ t: 'p', c: kids() }];
    case 'strong':
      return [{ t: 'strong', c: kids() }];
    case 'emphasis':
      return [{ t: 'em', c: kids() }];
    case 'delete':
      return [{ t: 'del', c: kids() }];
    case 'list':
      return [{ t: 'list', ordered: n.ordered ?? false, c: kids() }];
    case 'listItem':
      return [{ t: 'li', c: kids() }];
    case 'blockquote':
      return [{ t: 'quote', c: kids() }];
    case 'table':
      return [{ t: 'table', c: kids() }];
    case 'tableRow':
      return [{ t: 'tr', c: kids() }];
    case 'tableCell':
      return [{ t: 'td', c: kids() }];
    case 'heading':
      return [{ t: 'h', depth: n.depth, c: kids() }];
    case 'footnoteReference':
      return [{ t: 'cite', id: n.identifier }];
    // The parser rejected raw HTML; whatever else slips through is shown as nothing.
    case 'html':
      return [];
    default:
      return kids();
  }
}

/** The Markdown of a step (or a hint) as prose nodes. */
export const proseTree = (markdown: string): ProseNode[] =>
  parseMarkdown(markdown).children.flatMap((c) => convert(c as Nodes));
