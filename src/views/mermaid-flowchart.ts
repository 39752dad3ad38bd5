import type { Snapshot } from '../bridge/playground-api';
import { layoutDiagram } from './diagram-layout';
import { mermaidText } from './mermaid-sequence';
import { nodeLabel } from './node-labels';

/** A node id Mermaid accepts as a bare word (`phone-3` → `phone_3`). */
const idOf = (id: string): string => id.replace(/[^A-Za-z0-9_]/g, '_');

/**
 * The topology at the snapshot's moment as a Mermaid `flowchart`: the diagram's nodes (phones or
 * phone groups, the gateway, the session manager, the store) with their state, and its links.
 * Labels go through `mermaidText`, so names a learner typed cannot break out of them.
 */
export function toFlowchart(s: Snapshot): string {
  const { nodes, edges } = layoutDiagram(s);
  const title = mermaidText(`${s.scenarioName} at ${(s.nowMs / 1000).toFixed(3)} s`);
  const lines = ['---', `title: ${title}`, '---', 'flowchart LR'];
  for (const n of nodes) {
    const { title: t, detail } = nodeLabel(n, s);
    const text = `"${mermaidText(t)}${detail ? `<br/>${mermaidText(detail)}` : ''}"`;
    // The two holders of state are cylinders, as in the seed note's diagram.
    const shape = n.kind === 'store' || n.kind === 'sessions' ? `[(${text})]` : `[${text}]`;
    lines.push(`    ${idOf(n.id)}${shape}`);
  }
  for (const e of edges) lines.push(`    ${idOf(e.source)} --- ${idOf(e.target)}`);
  return lines.join('\n');
}
