/**
 * A lesson step's prose for the classroom pane. It draws no Mermaid (the classroom page is built
 * in a pass of its own, and Mermaid's hundred chunks would be copied into it): a diagram is named,
 * with its source one click away, and the playground link beside the pane draws it. Citations are
 * left out (the pane has no Sources list); in-page links of the lesson player are plain text here.
 */
import type { ProseNode } from '../../bridge/lesson-api';
import { ProseTree, type ProseParts } from '../prose/ProseTree';

const PARTS: ProseParts = {
  cite: () => null,
  blockCode: (n, key) =>
    n.lang === 'mermaid' ? (
      <details key={key} className="cr-diagram-src">
        <summary>A diagram (drawn in the playground): its source</summary>
        <pre>{n.v}</pre>
      </details>
    ) : (
      <pre key={key}>{n.v}</pre>
    ),
  inPageLink: (_n, children, key) => <span key={key}>{children}</span>,
};

export function StepProse({ nodes }: { nodes: readonly ProseNode[] }): React.JSX.Element {
  return <ProseTree nodes={nodes} parts={PARTS} />;
}
