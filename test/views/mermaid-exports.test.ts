// @vitest-environment happy-dom
// Proves the Mermaid exports are Mermaid: the topology flowchart and a message's sequence diagram
// parse with Mermaid's own parser (in a DOM, as in the page), hostile names included, and the
// flowchart names every node of the diagram at that moment.
import { describe, expect, it } from 'vitest';
import { layoutDiagram } from '../../src/views/diagram-layout';
import { toFlowchart } from '../../src/views/mermaid-flowchart';
import { toSequenceDiagram } from '../../src/views/mermaid-sequence';
import { nodeLabel } from '../../src/views/node-labels';
import { exampleAt, renamed } from './snapshots';

const mermaid = async () => {
  const m = (await import('mermaid')).default;
  m.initialize({ startOnLoad: false, securityLevel: 'strict', htmlLabels: false });
  return m;
};

describe('Mermaid exports', () => {
  it('the four-protocols flowchart parses and names every node', async () => {
    const { snapshot } = exampleAt('four-protocols', 30);
    const text = toFlowchart(snapshot);
    await expect((await mermaid()).parse(text)).resolves.toMatchObject({
      diagramType: 'flowchart-v2',
    });
    const { nodes, edges } = layoutDiagram(snapshot);
    for (const n of nodes) expect(text).toContain(nodeLabel(n, snapshot).title);
    expect(text.match(/ --- /g)).toHaveLength(edges.length);
  });

  it('a phone named to break out of its label still parses, and stays one label', async () => {
    // Scenario names are validated to a safe alphabet; the export must not rely on it.
    const text = toFlowchart(
      renamed(
        exampleAt('online-delivery', 5).snapshot,
        'a"]\nclick gateway call alert(1)\n%%<script>',
      ),
    );
    await (await mermaid()).parse(text);
    expect(text).not.toMatch(/\n\s*click|<script|%%/);
  });

  it('the parser this test uses rejects a broken flowchart (it can fail)', async () => {
    await expect((await mermaid()).parse('flowchart LR\n  a["A" --> b')).rejects.toThrow();
  });

  it('a message sequence diagram from a real trace parses', async () => {
    const { snapshot, events } = exampleAt('offline-store-and-forward', 40);
    const msg = events.find((e) => e.kind === 'stored')!.msg;
    const names = new Map(snapshot.phones.map((p) => [p.user, p.name]));
    const text = toSequenceDiagram(
      msg,
      events.filter((e) => e.msg === msg),
      names,
    );
    await expect((await mermaid()).parse(text)).resolves.toMatchObject({ diagramType: 'sequence' });
  });
});
