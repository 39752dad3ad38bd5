// Proves the plain SVG export: a well-formed SVG document holding every node's label as text,
// with names escaped so a typed `<script>` stays text.
import { describe, expect, it } from 'vitest';
import { toDiagramSvg } from '../../src/views/diagram-svg';
import { layoutDiagram } from '../../src/views/diagram-layout';
import { nodeLabel } from '../../src/views/node-labels';
import { exampleAt, renamed } from './snapshots';

const texts = (svg: string): string[] =>
  [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) =>
    m[1]!.replace(/&#(\d+);/g, (_, c: string) => String.fromCodePoint(Number(c))),
  );

describe('plain SVG of the diagram', () => {
  it('four protocols: every node label is a text element', () => {
    const { snapshot } = exampleAt('four-protocols', 30);
    const svg = toDiagramSvg(snapshot);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    const shown = texts(svg);
    for (const n of layoutDiagram(snapshot).nodes) {
      const { title, detail } = nodeLabel(n, snapshot);
      expect(shown).toContain(title);
      expect(shown).toContain(detail);
    }
  });

  it('a hostile name is escaped text, not markup', () => {
    const svg = toDiagramSvg(
      renamed(exampleAt('online-delivery', 5).snapshot, '<script>alert(1)</script>'),
    );
    expect(svg).not.toContain('<script');
    expect(texts(svg)).toContain('<script>alert(1)</script>');
  });
});
