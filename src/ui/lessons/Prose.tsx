/**
 * Lesson prose in the lesson player: citations link to the Sources list, Mermaid diagrams are
 * drawn lazily, in-page links stay on the page.
 */
import { lazy, Suspense } from 'react';
import type { ProseNode } from '../../bridge/lesson-api';
import { ProseTree, type ProseParts } from '../prose/ProseTree';

const MermaidBlock = lazy(() => import('./MermaidBlock'));

const blockCode: ProseParts['blockCode'] = (n, key) =>
  n.lang === 'mermaid' ? (
    <Suspense key={key} fallback={<pre className="ls-pre">{n.v}</pre>}>
      <MermaidBlock text={n.v} />
    </Suspense>
  ) : (
    <pre key={key} className="ls-pre">
      {n.v}
    </pre>
  );

export function Prose({
  nodes,
  cite,
}: {
  nodes: readonly ProseNode[];
  /** The number shown for a source id, and what clicking it does. */
  cite: (id: string) => { n: number; open: () => void } | undefined;
}): React.JSX.Element {
  const parts: ProseParts = {
    cite: (n, key) => {
      const c = cite(n.id);
      if (!c) return null;
      return (
        <sup key={key}>
          <button type="button" className="ls-cite" onClick={c.open} aria-label={`Source ${c.n}`}>
            [{c.n}]
          </button>
        </sup>
      );
    },
    blockCode,
    inPageLink: (n, children, key) => (
      <a key={key} href={n.url}>
        {children}
      </a>
    ),
    tableClass: 'ls-table',
    subheadClass: 'ls-subhead',
  };
  return <ProseTree nodes={nodes} parts={parts} />;
}
