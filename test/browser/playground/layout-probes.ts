/**
 * Layout measurements taken in the page: controls overlapping one another, and the diagram's
 * node text as drawn (computed font size × React Flow's zoom). The scripts are strings: tsx
 * (esbuild, keepNames) would wrap a serialized function's inner closures in a `__name` helper
 * the page does not have.
 */
import type { Page } from 'playwright-core';

/**
 * Pairs of visible controls (and diagram nodes) whose boxes overlap by more than a pixel each way,
 * each box clipped to the scroll containers it is seen through. Nested elements do not count.
 */
export async function overlappingControls(page: Page): Promise<string[]> {
  return (await page.evaluate(`(() => {
    const sel = 'button, select, input, textarea, a[href], summary, [role="slider"], .react-flow__node';
    const clip = (el) => {
      let r = el.getBoundingClientRect();
      let box = { l: r.left, t: r.top, r: r.right, b: r.bottom };
      const cut = (o) => {
        box = { l: Math.max(box.l, o.left), t: Math.max(box.t, o.top), r: Math.min(box.r, o.right), b: Math.min(box.b, o.bottom) };
      };
      for (let a = el.parentElement; a; a = a.parentElement) {
        const o = getComputedStyle(a).overflow;
        if (o !== 'visible') cut(a.getBoundingClientRect());
      }
      cut({ left: 0, top: 0, right: innerWidth, bottom: innerHeight });
      return box;
    };
    const name = (e) => (e.getAttribute('aria-label') || e.textContent || e.tagName).trim().replace(/\\s+/g, ' ').slice(0, 40);
    const els = [...document.querySelectorAll(sel)]
      .filter((e) => e.checkVisibility({ opacityProperty: true, visibilityProperty: true }))
      .map((e) => ({ e, b: clip(e) }))
      .filter((x) => x.b.r - x.b.l > 1 && x.b.b - x.b.t > 1);
    const out = [];
    for (let i = 0; i < els.length; i++)
      for (let j = i + 1; j < els.length; j++) {
        const x = els[i], y = els[j];
        if (x.e.contains(y.e) || y.e.contains(x.e)) continue;
        const w = Math.min(x.b.r, y.b.r) - Math.max(x.b.l, y.b.l);
        const h = Math.min(x.b.b, y.b.b) - Math.max(x.b.t, y.b.t);
        if (w > 1 && h > 1) out.push(name(x.e) + ' × ' + name(y.e) + ' (' + Math.round(w) + '×' + Math.round(h) + ' px)');
      }
    return out;
  })()`)) as string[];
}

/** The smallest text in the diagram's nodes as drawn, in CSS pixels, and which text it is. */
export async function smallestNodeText(
  page: Page,
): Promise<{ px: number; text: string; zoom: number }> {
  return (await page.evaluate(`(() => {
    const vp = document.querySelector('.react-flow__viewport');
    const zoom = vp ? new DOMMatrix(getComputedStyle(vp).transform).a : NaN;
    let best = { px: Infinity, text: '', zoom };
    for (const el of document.querySelectorAll('.react-flow__node *')) {
      const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
      if (!own || !el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
      const px = parseFloat(getComputedStyle(el).fontSize) * zoom;
      if (px < best.px) best = { px, text: el.textContent.trim().slice(0, 30), zoom };
    }
    return best;
  })()`)) as { px: number; text: string; zoom: number };
}

/** Where the keyboard focus is: the element's tag and name ("BODY" when it was dropped). */
export async function focusedElement(page: Page): Promise<string> {
  return (await page.evaluate(
    `(() => { const a = document.activeElement; return a ? a.tagName + ' ' + (a.getAttribute('aria-label') || a.textContent || '').trim().slice(0, 40) : 'none'; })()`,
  )) as string;
}
