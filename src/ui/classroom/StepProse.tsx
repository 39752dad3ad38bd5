/**
 * A lesson step's prose for the classroom pane, from its prose tree: text is text, never HTML.
 * Unlike the lesson player's `Prose` it draws no Mermaid (the classroom page is built in a pass of
 * its own, and Mermaid's hundred chunks would be copied into it): a diagram is named, with its
 * source one click away, and the playground link beside the pane draws it.
 */
import type { ReactNode } from 'react';
import type { ProseNode } from '../../bridge/lesson-api';

export function StepProse({ nodes }: { nodes: readonly ProseNode[] }): React.JSX.Element {
  const render = (list: readonly ProseNode[]): ReactNode[] => list.map((n, i) => node(n, i));
  function node(n: ProseNode, key: number): ReactNode {
    switch (n.t) {
      case 'text':
        return n.v;
      case 'cite':
        return null;
      case 'code':
        return <code key={key}>{n.v}</code>;
      case 'block-code':
        return n.lang === 'mermaid' ? (
          <details key={key} className="cr-diagram-src">
            <summary>A diagram (drawn in the playground): its source</summary>
            <pre>{n.v}</pre>
          </details>
        ) : (
          <pre key={key}>{n.v}</pre>
        );
      case 'br':
        return <br key={key} />;
      case 'hr':
        return <hr key={key} />;
      case 'link':
        return /^https?:/i.test(n.url) ? (
          <a key={key} href={n.url} target="_blank" rel="noreferrer noopener">
            {render(n.c)}
          </a>
        ) : (
          <span key={key}>{render(n.c)}</span>
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
          <table key={key}>
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
          <p key={key}>
            <strong>{render(n.c)}</strong>
          </p>
        );
    }
  }
  return <>{render(nodes)}</>;
}
