import type { Node, NodeProps } from '@xyflow/react';
import { LAB_LIMITS, type LabPhoneView, type LabSpikeView } from '../../bridge/lab-api';
import type { Side } from '../../views/diagram-layout';
import { formatInt, formatMs } from '../../views/format';
import { isConnected } from '../../views/lab-diagram-layout';
import { Handles, HUB_SIDES } from '../playground/components/diagram/Handles';
import { displayName } from '../playground/model/names';
import { stateText } from './LabControls';

export type BrokerNodeType = Node<{ online: number; phones: number; packets: number }, 'broker'>;
export type LabPhoneNodeType = Node<{ phone: LabPhoneView; side: Side }, 'labPhone'>;
export type SpikeNodeType = Node<{ spike: LabSpikeView }, 'spike'>;

/** The real broker (Mosquitto), in the middle: who holds a connection, and the packets so far. */
export function BrokerNode({ data }: NodeProps<BrokerNodeType>): React.JSX.Element {
  return (
    <section className="pg-node pg-server pg-gateway pg-lab-broker" aria-label="Mosquitto broker">
      <Handles sides={HUB_SIDES} />
      <header className="pg-node-head">
        <strong>Mosquitto</strong>
        <span className="pg-badge pg-lab-badge">broker</span>
      </header>
      <p className="pg-node-sub">
        {data.online} of {data.phones} online
      </p>
      <p className="pg-node-sub">{formatInt(data.packets)} packets</p>
    </section>
  );
}

/** One real phone, an MQTT.js client: its connection and the session the broker kept for it. */
export function LabPhoneNode({ data }: NodeProps<LabPhoneNodeType>): React.JSX.Element {
  const { phone, side } = data;
  const name = displayName(phone.name);
  const away = !isConnected(phone.state) && phone.state !== 'connecting';
  return (
    <section
      className={`pg-node pg-phone pg-lab-node-phone${away ? ' pg-away' : ''}`}
      aria-label={`${name}'s MQTT client`}
    >
      <Handles
        sides={[
          { id: side === 'left' ? 'right' : 'left', type: side === 'left' ? 'source' : 'target' },
        ]}
      />
      <header className="pg-node-head">
        <span className={`pg-dot pg-lab-${phone.state}`} aria-hidden="true" />
        <strong>{name}</strong>
      </header>
      <p className="pg-node-sub">{stateText(phone)}</p>
      {phone.sessionPresent !== undefined && (
        <p className="pg-node-sub">
          sessionPresent <strong>{String(phone.sessionPresent)}</strong>
        </p>
      )}
    </section>
  );
}

/** A spike's real connections as one group: too many to draw one by one. */
export function SpikeNode({ data }: NodeProps<SpikeNodeType>): React.JSX.Element {
  const { spike } = data;
  return (
    <section
      className="pg-node pg-group pg-lab-spike"
      aria-label={`Spike: ${formatInt(spike.asked)} connections`}
    >
      <Handles sides={[{ id: 'top', type: 'target' }]} />
      <header className="pg-node-head">
        <strong>Spike: {formatInt(spike.asked)} connections</strong>
      </header>
      <p className="pg-node-sub">
        <span className="pg-dot pg-lab-online" aria-hidden="true" />{' '}
        <strong>{formatInt(spike.connected)}</strong> connected
        {spike.failed > 0 ? ` · ${formatInt(spike.failed)} failed` : ''}
        {spike.done ? ` · ${formatMs(spike.elapsedMs)}` : '…'}
      </p>
      <p className="pg-node-hint">1 in {LAB_LIMITS.spikeLogEvery} packets drawn</p>
    </section>
  );
}
