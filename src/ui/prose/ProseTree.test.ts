// Proves the shared prose renderer: text and code stay text (markup in a lesson is never HTML),
// web links open in a new tab, and the parts a page chooses (citations, code blocks, in-page
// links, class names) are drawn its way — the lesson player's and the classroom's.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ProseNode } from '../../bridge/lesson-api';
import { StepProse } from '../classroom/StepProse';
import { Prose } from '../lessons/Prose';

const NODES: readonly ProseNode[] = [
  {
    t: 'p',
    c: [
      { t: 'text', v: 'A <script>alert(1)</script> stays text' },
      { t: 'cite', id: 'rfc' },
      { t: 'link', url: 'https://example.org/', c: [{ t: 'text', v: 'out' }] },
      { t: 'link', url: '#step-2', c: [{ t: 'text', v: 'in' }] },
    ],
  },
  { t: 'list', ordered: true, c: [{ t: 'li', c: [{ t: 'code', v: '<b>' }] }] },
  { t: 'block-code', lang: 'mermaid', v: 'flowchart LR; A-->B' },
  { t: 'h', depth: 3, c: [{ t: 'text', v: 'Sub' }] },
  { t: 'table', c: [{ t: 'tr', c: [{ t: 'td', c: [{ t: 'text', v: 'cell' }] }] }] },
];

const lesson = (): string =>
  renderToStaticMarkup(
    createElement(Prose, {
      nodes: NODES,
      cite: (id) => (id === 'rfc' ? { n: 3, open: () => {} } : undefined),
    }),
  );
const classroom = (): string => renderToStaticMarkup(createElement(StepProse, { nodes: NODES }));

describe('prose trees', () => {
  it('keeps markup in text and code as text on both pages', () => {
    for (const html of [lesson(), classroom()]) {
      expect(html).toContain('A &lt;script&gt;alert(1)&lt;/script&gt; stays text');
      expect(html).toContain('<code>&lt;b&gt;</code>');
      expect(html).not.toContain('<script>');
      expect(html).toContain(
        '<a href="https://example.org/" target="_blank" rel="noreferrer noopener">out</a>',
      );
      expect(html).toContain('<ol><li>');
    }
  });

  it('the lesson player: numbered citations, in-page links, its classes', () => {
    const html = lesson();
    expect(html).toContain('aria-label="Source 3"');
    expect(html).toContain('<a href="#step-2">in</a>');
    expect(html).toContain('<table class="ls-table">');
    expect(html).toContain('<p class="ls-subhead"><strong>Sub</strong></p>');
  });

  it('the classroom: no citations, in-page links as text, a diagram as its source', () => {
    const html = classroom();
    expect(html).not.toContain('Source 3');
    expect(html).toContain('<span>in</span>');
    expect(html).toContain('A diagram (drawn in the playground): its source');
    expect(html).toContain('flowchart LR; A--&gt;B');
    expect(html).toContain('<table><tbody>');
  });
});
