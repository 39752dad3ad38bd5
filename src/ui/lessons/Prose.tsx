/**
 * Lesson prose, rendered from prose trees (parsed at build time) as React elements: text is text,
 * never HTML. Citations link to the Sources list; Mermaid diagrams are drawn lazily.
 */
import { lazy, Suspense, type ReactNode } from 'react';
import type { ProseNode } from '../../bridge/lesson-api';

const MermaidBlock = lazy(() => import('./MermaidBlock'));

/** Links a learner may follow leave the page in a new tab; in-page links stay. */
const external = (url: string) => /^https?:/i.test(url);

export function Prose({
  nodes,
  cite,
}: {
  nodes: readonly ProseNode[];
  /** The number shown for a source id, and what clicking it does. */
  cite: (id: string) => { n: number; open: () => void } | undefined;
}): React.JSX.Element {
  const render = (list: readonly ProseNode[]): ReactNode[] => list.map((n, i) => node(n, i));
  function node(n: ProseNode, key: number): ReactNode {
    switch (n.t) {
      case 'text':
        return n.v;
      case 'cite': {
        const c = cite(n.id);
        if (!c) return null;
        return (
          <sup key={key}>
            <button type="button" className="ls-cite" onClick={c.open} aria-label={`Source ${c.n}`}>
              [{c.n}]
            </button>
          </sup>
        );
      }
      case 'code':
        return <code key={key}>{n.v}</code>;
      case 'block-code':
        return n.lang === 'mermaid' ? (
          <Suspense key={key} fallback={<pre className="ls-pre">{n.v}</pre>}>
            <MermaidBlock text={n.v} />
          </Suspense>
        ) : (
          <pre key={key} className="ls-pre">
            {n.v}
          </pre>
        );
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
          <a key={key} href={n.url}>
            {render(n.c)}
          </a>
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
          <table key={key} className="ls-table">
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
          <p key={key} className="ls-subhead">
            <strong>{render(n.c)}</strong>
          </p>
        );
    }
  }
  return <>{render(nodes)}</>;
}
