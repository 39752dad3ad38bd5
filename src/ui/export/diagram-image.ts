/**
 * Pictures of the live diagram, flights overlay included, with `html-to-image` (as React Flow's
 * "download image" example does). The library loads on first use, so it costs the page nothing
 * until a learner exports.
 */

/** What the picture leaves out: the zoom buttons are controls, not the diagram. */
const keep = (node: HTMLElement): boolean => !node.classList?.contains('react-flow__controls');

function options(el: HTMLElement) {
  const bg = getComputedStyle(el).getPropertyValue('--pg-bg').trim() || '#ffffff';
  // Fonts are the system's: skipping web-font embedding avoids reading style sheets at all.
  return { backgroundColor: bg, filter: keep, skipFonts: true, pixelRatio: 2 } as const;
}

const PAINT = ['stroke', 'stroke-width', 'stroke-dasharray', 'stroke-opacity', 'fill', 'opacity'];

/**
 * Runs `capture` with the computed paint of every SVG shape inside `el` written inline, then puts
 * the old `style` attributes back. html-to-image inlines the computed style of HTML elements but
 * not of SVG shapes, whose stroke comes from style sheets the picture does not carry: without this
 * React Flow's links come out invisible.
 */
async function withInlinePaint<T>(el: HTMLElement, capture: () => Promise<T>): Promise<T> {
  const shapes = [...el.querySelectorAll<SVGElement>('svg path, svg line, svg circle, svg rect')];
  const saved = shapes.map((s) => s.getAttribute('style'));
  for (const s of shapes) {
    const cs = getComputedStyle(s);
    for (const p of PAINT) s.style.setProperty(p, cs.getPropertyValue(p));
  }
  try {
    return await capture();
  } finally {
    shapes.forEach((s, i) => {
      const old = saved[i];
      if (old === null || old === undefined) s.removeAttribute('style');
      else s.setAttribute('style', old);
    });
  }
}

/** The diagram element the exports picture (the React Flow pane and its flights canvas). */
export function diagramElement(): HTMLElement | null {
  return document.querySelector<HTMLElement>('[data-export="diagram"]');
}

/** The diagram as SVG text (HTML inside a `foreignObject`, the canvas as an embedded image). */
export async function diagramSvg(el: HTMLElement): Promise<string> {
  const { toSvg } = await import('html-to-image');
  const url = await withInlinePaint(el, () => toSvg(el, options(el)));
  return decodeURIComponent(url.slice(url.indexOf(',') + 1));
}

/** The diagram as a PNG at twice the screen's pixels. */
export async function diagramPng(el: HTMLElement): Promise<Blob> {
  const { toBlob } = await import('html-to-image');
  const blob = await withInlinePaint(el, () => toBlob(el, options(el)));
  if (!blob) throw new Error('the browser could not encode the PNG');
  return blob;
}
