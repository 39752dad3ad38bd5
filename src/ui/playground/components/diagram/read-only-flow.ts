/**
 * React Flow settings both diagrams share (the simulation's and the real broker's): nodes and
 * edges are drawn, not edited, and no key pans or zooms; the wheel, the buttons and fit do.
 */
export const READ_ONLY_FLOW = {
  nodesDraggable: false,
  nodesConnectable: false,
  nodesFocusable: false,
  edgesFocusable: false,
  elementsSelectable: false,
  panActivationKeyCode: null,
  zoomActivationKeyCode: null,
  minZoom: 0.2,
  maxZoom: 2,
} as const;
