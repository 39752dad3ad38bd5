import type { LabPacketView } from '../../bridge/lab-api';
import { displayName } from '../playground/model/names';

/** One real packet: its fields as the engine's codec reads them, and its bytes as sent. */
export function PacketInspector({ packet }: { packet: LabPacketView | undefined }) {
  if (!packet)
    return <p className="pg-muted">Choose a packet in the log to see its fields and bytes.</p>;
  const who = displayName(packet.client);
  return (
    <div className="pg-lab-inspector">
      <h3>
        {packet.type}{' '}
        {packet.dir === 'up' ? `from ${who} to the broker` : `from the broker to ${who}`}
      </h3>
      <p className="pg-muted">
        {packet.byteLength} bytes at {(packet.atMs / 1000).toFixed(2)} s, as MQTT.js encodes them
        (mqtt-packet).
      </p>
      <dl>
        {packet.fields.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      <h4>Bytes</h4>
      <pre className="pg-hex" aria-label="Packet bytes in hexadecimal">
        {packet.hex
          .replace(/(..)/g, '$1 ')
          .replace(/((?:.. ){16})/g, '$1\n')
          .trim()}
        {packet.byteLength * 2 > packet.hex.length ? ' …' : ''}
      </pre>
    </div>
  );
}
