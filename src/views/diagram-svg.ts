import type { Snapshot } from '../bridge/playground-api';
import { layoutDiagram, NODE_W, type NodeSpec } from './diagram-layout';
import { formatClock } from './format';
import { nodeLabel } from './node-labels';

/**
 * The diagram at one moment as a plain, self-contained SVG: the same layout as the live diagram
 * (`layoutDiagram`), each node a box with its title and state, each link a line. No scripts, no
 * fonts to fetch, no foreign objects: it opens anywhere an image does. (The playground's "SVG"
 * export is instead a picture of the live diagram, flights included.)
 */

/** Box heights the plain SVG uses (the live nodes grow with their content; these are fixed). */
const NODE_H = { phone: 64, group: 64, gateway: 72, sessions: 64, store: 64 } as const;
const MARGIN = 24;
const HEADER_H = 32;

/** Escapes text for SVG character data and attribute values. */
export function xmlText(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.codePointAt(0)};`);
}

type Box = { x: number; y: number; w: number; h: number };
const boxOf = (n: NodeSpec): Box => ({ x: n.x, y: n.y, w: NODE_W[n.kind], h: NODE_H[n.kind] });

function handle(b: Box, side: string): [number, number] {
  switch (side) {
    case 'left':
      return [b.x, b.y + b.h / 2];
    case 'right':
      return [b.x + b.w, b.y + b.h / 2];
    case 'top':
      return [b.x + b.w / 2, b.y];
    default:
      return [b.x + b.w / 2, b.y + b.h];
  }
}

/** The SVG document (UTF-8 text) of the snapshot's diagram. */
export function toDiagramSvg(s: Snapshot): string {
  const { nodes, edges } = layoutDiagram(s);
  const boxes = new Map(nodes.map((n) => [n.id, boxOf(n)]));
  const all = [...boxes.values()];
  const minX = Math.min(...all.map((b) => b.x)) - MARGIN;
  const minY = Math.min(...all.map((b) => b.y)) - MARGIN - HEADER_H;
  const width = Math.max(...all.map((b) => b.x + b.w)) + MARGIN - minX;
  const height = Math.max(...all.map((b) => b.y + b.h)) + MARGIN - minY;
  const title = `${s.scenarioName} at ${formatClock(s.nowMs)}`;
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${minX} ${minY} ${width} ${height}" width="${width}" height="${height}" font-family="Liberation Sans, Arial, sans-serif" role="img" aria-label="${xmlText(title)}">`,
    `<title>${xmlText(title)}</title>`,
    `<rect x="${minX}" y="${minY}" width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${minX + MARGIN}" y="${minY + MARGIN}" font-size="14" font-weight="bold" fill="#1f2933">${xmlText(title)}</text>`,
  ];
  for (const e of edges) {
    const a = boxes.get(e.source);
    const b = boxes.get(e.target);
    if (!a || !b) continue;
    const [x1, y1] = handle(a, e.sourceHandle);
    const [x2, y2] = handle(b, e.targetHandle);
    out.push(
      `<line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" stroke="#7b8794" stroke-width="1.5"/>`,
    );
  }
  for (const n of nodes) {
    const b = boxes.get(n.id)!;
    const { title: t, detail } = nodeLabel(n, s);
    const server = n.kind === 'gateway' || n.kind === 'sessions' || n.kind === 'store';
    out.push(
      `<g data-node="${xmlText(n.id)}">`,
      `<rect x="${b.x}" y="${b.y}" width="${b.w}" height="${b.h}" rx="8" fill="${server ? '#e6f0ff' : '#f5f7fa'}" stroke="#3e4c59"/>`,
      `<text x="${b.x + 10}" y="${b.y + 24}" font-size="14" font-weight="bold" fill="#1f2933">${xmlText(t)}</text>`,
      `<text x="${b.x + 10}" y="${b.y + 46}" font-size="12" fill="#323f4b">${xmlText(detail)}</text>`,
      '</g>',
    );
  }
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
