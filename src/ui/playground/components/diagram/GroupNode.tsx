import type { Node, NodeProps } from '@xyflow/react';
import type { PhoneStatus, ProtocolName } from '../../../../bridge/playground-api';
import { useView } from '../../hooks/usePlayground';
import { groupSignature, type Side } from '../../../../views/diagram-layout';
import { formatInt } from '../../../../views/format';
import { PROTOCOL_SHORT } from '../../model/settings';
import { Handles } from './Handles';

export type GroupNodeType = Node<{ proto: ProtocolName; side: Side }, 'phones'>;

const STATUSES: readonly PhoneStatus[] = [
  'online',
  'connecting',
  'backoff',
  'no-network',
  'offline',
  'gave-up',
];

/** All phones on one protocol, counted by status (a fleet too large to draw phone by phone). */
export function GroupNode({ data }: NodeProps<GroupNodeType>): React.JSX.Element {
  const group = useView(
    (s) => s.snapshot?.groups.find((g) => g.proto === data.proto),
    (a, b) => (a && b ? groupSignature(a) === groupSignature(b) : a === b),
  );
  const count = group?.count ?? 0;
  return (
    <section className="pg-node pg-group" aria-label={`${PROTOCOL_SHORT[data.proto]} phones`}>
      <Handles
        sides={[
          {
            id: data.side === 'left' ? 'right' : 'left',
            type: data.side === 'left' ? 'source' : 'target',
          },
        ]}
      />
      <header className="pg-node-head">
        <strong>{formatInt(count)} phones</strong>
        <span className={`pg-badge pg-proto-${data.proto}`}>{PROTOCOL_SHORT[data.proto]}</span>
      </header>
      <div className="pg-stack" aria-hidden="true">
        {STATUSES.map((st) => {
          const n = group?.byStatus[st] ?? 0;
          return n ? (
            <span key={st} className={`pg-stack-seg pg-status-${st}`} style={{ flexGrow: n }} />
          ) : null;
        })}
      </div>
      <ul className="pg-counts">
        {STATUSES.map((st) => {
          const n = group?.byStatus[st] ?? 0;
          return n ? (
            <li key={st}>
              <span className={`pg-dot pg-status-${st}`} aria-hidden="true" /> {st}{' '}
              <strong>{formatInt(n)}</strong>
            </li>
          ) : null;
        })}
      </ul>
    </section>
  );
}
