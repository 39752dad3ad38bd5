import { toFlowchart } from '../../../views/mermaid-flowchart';
import { toSequenceDiagram } from '../../../views/mermaid-sequence';
import { toCsv, toJsonLines } from '../../../views/trace-export';
import type { ViewState } from '../store/view-state';
import type { TraceEvent } from '../../../bridge/playground-api';

/** One text export the Export menu offers, or why it is not available now. */
export interface TextExport {
  readonly id: 'flowchart' | 'sequence' | 'csv' | 'jsonl';
  readonly label: string;
  readonly file: string;
  readonly mime: string;
  /** The text, or undefined with `missing` saying what is needed. */
  readonly make: () => string | undefined;
  readonly missing?: string;
}

const slug = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'run';

/** A file name stem naming the run and the moment: `online-delivery-at-5.2s`. */
export function fileStem(s: ViewState): string {
  const snap = s.snapshot;
  return snap ? `${slug(snap.scenarioName)}-at-${(snap.nowMs / 1000).toFixed(1)}s` : 'doubletick';
}

/** The text exports for the view state and the event log the page holds. */
export function textExports(s: ViewState, log: () => readonly TraceEvent[]): TextExport[] {
  const stem = fileStem(s);
  const insp = s.inspection;
  return [
    {
      id: 'flowchart',
      label: 'Topology now (Mermaid flowchart)',
      file: `${stem}.mmd`,
      mime: 'text/plain',
      make: () => (s.snapshot ? toFlowchart(s.snapshot) : undefined),
    },
    {
      id: 'sequence',
      label: insp ? `Message ${insp.msg} (Mermaid sequence)` : 'Message (Mermaid sequence)',
      file: `${stem}-message-${insp?.msg ?? 0}.mmd`,
      mime: 'text/plain',
      make: () => (insp ? toSequenceDiagram(insp.msg, insp.events, s.names) : undefined),
      ...(insp ? {} : { missing: 'select a message first (click a dot or a log row)' }),
    },
    {
      id: 'csv',
      label: 'Event log (CSV)',
      file: `${stem}.csv`,
      mime: 'text/csv',
      make: () => toCsv(log()),
    },
    {
      id: 'jsonl',
      label: 'Event log (JSON Lines)',
      file: `${stem}.jsonl`,
      mime: 'application/jsonl',
      make: () => toJsonLines(log()),
    },
  ];
}
