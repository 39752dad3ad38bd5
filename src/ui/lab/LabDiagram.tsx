/**
 * Lab mode's diagram: the real broker in the middle, the real phones around it and a spike as one
 * group, drawn with the simulated diagram's nodes and styles; every captured packet flies along its
 * link, and each link's label keeps its newest packet and totals.
 */
import {
  Background,
  Controls,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  type Edge,
  type Node,
} from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { LabHost, LabSnapshot } from '../../bridge/lab-api';
import { FIT_PADDING } from '../../views/diagram-layout';
import {
  isConnected,
  labDiagramSummary,
  labLayoutKey,
  layoutLabDiagram,
} from '../../views/lab-diagram-layout';
import { useReducedMotion } from '../playground/hooks/useMediaQuery';
import { useRefitOnResize } from '../playground/hooks/useRefitOnResize';
import { displayName } from '../playground/model/names';
import { READ_ONLY_FLOW } from '../playground/components/diagram/read-only-flow';
import { LabFlightBoard } from './lab-flight-board';
import { LabDiagramLegend } from './LabDiagramLegend';
import { BrokerNode, LabPhoneNode, SpikeNode } from './LabDiagramNodes';
import { LabEdge, type LabLinkLook } from './LabEdge';

const nodeTypes = { broker: BrokerNode, labPhone: LabPhoneNode, spike: SpikeNode };
const edgeTypes = { lab: LabEdge };
/** How long a fit waits for new nodes to be measured (frames) before fitting what it has. */
const FIT_WAIT_FRAMES = 30;

const lookOf = (state: string | undefined): LabLinkLook =>
  state === undefined || state === 'online'
    ? 'held'
    : state === 'connecting' || state === 'reconnecting'
      ? 'connecting'
      : 'away';

interface FlowProps {
  host: LabHost;
  snapshot: LabSnapshot;
  theme: 'light' | 'dark';
  selected: number | undefined;
  onSelect: (seq: number) => void;
}

function Flow({ host, snapshot: s, theme, selected, onSelect }: FlowProps): React.JSX.Element {
  const still = useReducedMotion();
  const [board] = useState(() => new LabFlightBoard(host));
  useEffect(() => board.start(), [board]);
  useEffect(() => board.setStill(still), [board, still]);
  const { tally, flying } = useSyncExternalStore(board.subscribe, board.getState);
  const { fitView, getInternalNode } = useReactFlow();

  const key = labLayoutKey(s.phones, s.spike !== undefined);
  // The layout depends only on which nodes exist; their contents come with each snapshot.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const layout = useMemo(() => layoutLabDiagram(s.phones, s.spike !== undefined), [key]);
  const phoneOf = new Map(s.phones.map((p) => [p.name, p]));

  const nodes: Node[] = layout.nodes.map((n) => ({
    id: n.id,
    type: n.kind === 'phone' ? 'labPhone' : n.kind,
    position: { x: n.x, y: n.y },
    data:
      n.kind === 'broker'
        ? {
            online: s.phones.filter((p) => isConnected(p.state)).length,
            phones: s.phones.length,
            packets: s.packetTotal,
          }
        : n.kind === 'spike'
          ? { spike: s.spike }
          : { phone: phoneOf.get(n.name!), side: n.side },
    draggable: false,
    selectable: false,
    focusable: false,
  }));
  const edges: Edge[] = layout.edges.map((e) => {
    const look = lookOf(phoneOf.get(e.client)?.state);
    return {
      id: e.id,
      source: e.source,
      target: e.target,
      sourceHandle: e.sourceHandle,
      targetHandle: e.targetHandle,
      type: 'lab',
      ariaLabel: `${e.client === 'spike' ? 'The spike' : displayName(e.client)} to the broker: ${look === 'held' ? 'connected' : look === 'connecting' ? 'connecting' : 'no connection'}`,
      data: {
        client: e.client,
        clientIsSource: e.clientIsSource,
        look,
        totals: tally.edges.get(e.client),
        flying: flying.filter((f) => f.client === e.client),
        selected,
        onSelect,
      },
      focusable: false,
      selectable: false,
    };
  });

  // Fit once React Flow has measured every node of the layout (a new spike node is not, at first).
  useEffect(() => {
    let frame = 0;
    let frames = 0;
    const fit = (): void => {
      const measured = layout.nodes.every((n) => getInternalNode(n.id)?.measured.width);
      if (!measured && ++frames < FIT_WAIT_FRAMES) frame = requestAnimationFrame(fit);
      else void fitView({ padding: FIT_PADDING, duration: still ? 0 : 250 });
    };
    frame = requestAnimationFrame(fit);
    return () => cancelAnimationFrame(frame);
  }, [layout, fitView, getInternalNode, still]);

  // Refit when the pane changes size (a window resized, a panel wrapped), once it settles.
  const area = useRef<HTMLDivElement>(null);
  useRefitOnResize(
    area,
    useCallback(() => void fitView({ padding: FIT_PADDING, duration: 0 }), [fitView]),
  );

  const newest = s.packets.at(-1);
  return (
    <div
      className="pg-flow-wrap pg-lab-flow-wrap"
      role="group"
      aria-label={labDiagramSummary(s.phones, s.spike, newest, displayName)}
    >
      <div className="pg-flow-area" ref={area}>
        <ReactFlow
          className="pg-flow"
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          colorMode={theme}
          {...READ_ONLY_FLOW}
          fitView
        >
          <Background gap={24} size={1} />
          <Controls showInteractive={false} position="bottom-right" orientation="horizontal" />
        </ReactFlow>
      </div>
      <LabDiagramLegend still={still} />
    </div>
  );
}

/** The real broker's diagram; `onSelect` shows a packet in the inspector. */
export function LabDiagram(props: FlowProps): React.JSX.Element {
  return (
    <ReactFlowProvider>
      <Flow {...props} />
    </ReactFlowProvider>
  );
}
