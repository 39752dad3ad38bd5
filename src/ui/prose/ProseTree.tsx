/**
 * Prose trees (lesson text parsed at build time) as React elements: text is text, never HTML.
 * It draws no Mermaid itself, so a page that never shows a diagram (the classroom) does not carry
 * its chunks: a caller says how a citation, a code block and an in-page link are shown.
 */
import type { ReactNode } from 'react';
import type { ProseNode } from '../../bridge/lesson-api';

type Node<T extends ProseNode['t']> = Extract<ProseNode, { t: T }>;

/** How the parts that differ between pages are drawn (each gets the element's React key). */
export interface ProseParts {
  readonly cite: (n: Node<'cite'>, key: number) => ReactNode;
  readonly blockCode: (n: Node<'block-code'>, key: number) => ReactNode;
  /** A link that stays on the page (http and https links always open in a new tab). */
  readonly inPageLink: (n: Node<'link'>, children: ReactNode[], key: number) => ReactNode;
  /** Class names for tables and sub-headings, if the page styles them. */
  readonly tableClass?: string;
  readonly subheadClass?: string;
}

const external = (url: string): boolean => /^https?:/i.test(url);

export function ProseTree({
  nodes,
  parts,
}: {
  nodes: readonly ProseNode[];
  parts: ProseParts;
}): React.JSX.Element {
  const render = (list: readonly ProseNode[]): ReactNode[] => list.map((n, i) => node(n, i));
  function node(n: ProseNode, key: number): ReactNode {
    switch (n.t) {
      case 'text':
        return n.v;
      case 'cite':
        return parts.cite(n, key);
      case 'code':
        return <code key={key}>{n.v}</code>;
      case 'block-code':
        return parts.blockCode(n, key);
      case 'br':
        return <br key={key} />;
      case 'hr':
        return <hr key={key} />;
      case 'link':
        return external(n.url) ? (
          <a key={key} href={n.url} target="_blank" rel="noreferrer noopener">
            {render(n.c)}
          </a>
        ) : (
          parts.inPageLink(n, render(n.c), key)
        );
      case 'p':
        return <p key={key}>{render(n.c)}</p>;
      case 'strong':
        return <strong key={key}>{render(n.c)}</strong>;
      case 'em':
        return <em key={key}>{render(n.c)}</em>;
      case 'del':
        return <del key={key}>{render(n.c)}</del>;
      case 'li':
        return <li key={key}>{render(n.c)}</li>;
      case 'quote':
        return <blockquote key={key}>{render(n.c)}</blockquote>;
      case 'table':
        return (
          <table key={key} className={parts.tableClass}>
            <tbody>{render(n.c)}</tbody>
          </table>
        );
      case 'tr':
        return <tr key={key}>{render(n.c)}</tr>;
      case 'td':
        return <td key={key}>{render(n.c)}</td>;
      case 'list':
        return n.ordered ? <ol key={key}>{render(n.c)}</ol> : <ul key={key}>{render(n.c)}</ul>;
      case 'h':
        return (
          <p key={key} className={parts.subheadClass}>
            <strong>{render(n.c)}</strong>
          </p>
        );
    }
  }
  return <>{render(nodes)}</>;
}
