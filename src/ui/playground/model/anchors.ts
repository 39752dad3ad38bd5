import type { EdgeSpec } from '../../../views/diagram-layout';

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}
export type HandleSide = 'left' | 'right' | 'top' | 'bottom';
export interface Point {
  readonly x: number;
  readonly y: number;
}

/** The centre of one side of a node: where its handle, its edge and its flying dots meet. */
export function anchorPoint(r: Rect, side: string): Point {
  switch (side as HandleSide) {
    case 'left':
      return { x: r.x, y: r.y + r.h / 2 };
    case 'right':
      return { x: r.x + r.w, y: r.y + r.h / 2 };
    case 'top':
      return { x: r.x + r.w / 2, y: r.y };
    case 'bottom':
      return { x: r.x + r.w / 2, y: r.y + r.h };
    default:
      return { x: r.x + r.w / 2, y: r.y + r.h / 2 };
  }
}

/** Where a hop from node `from` to node `to` starts and ends, along the edge that joins them. */
export function hopEndpoints(
  from: string,
  to: string,
  edge: EdgeSpec | undefined,
  rect: (id: string) => Rect | undefined,
): { a: Point; b: Point } | undefined {
  if (!edge) return undefined;
  const rs = rect(edge.source);
  const rt = rect(edge.target);
  if (!rs || !rt) return undefined;
  const s = anchorPoint(rs, edge.sourceHandle);
  const t = anchorPoint(rt, edge.targetHandle);
  if (from === edge.source && to === edge.target) return { a: s, b: t };
  if (from === edge.target && to === edge.source) return { a: t, b: s };
  return undefined;
}
