import type { LabPacketView } from '../../bridge/lab-api';
import { displayName } from '../playground/model/names';

const arrow = (p: LabPacketView): string =>
  p.dir === 'up' ? `${displayName(p.client)} → broker` : `broker → ${displayName(p.client)}`;

const flags = (p: LabPacketView): string =>
  p.fields
    .filter(([k]) => k === 'sessionPresent' || k === 'dup' || k === 'qos' || k === 'topic')
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');

/** The real packets, newest last: what MQTT.js sent and received, with their sizes. */
export function PacketLog({
  packets,
  total,
  selected,
  onSelect,
}: {
  packets: readonly LabPacketView[];
  total: number;
  selected: number | undefined;
  onSelect: (seq: number) => void;
}): React.JSX.Element {
  return (
    <div className="pg-lab-log">
      <p className="pg-muted">
        {total.toLocaleString('en-US')} packets
        {total > packets.length ? ` (the newest ${packets.length} listed)` : ''}. Choose one to
        inspect its bytes.
      </p>
      <table>
        <caption className="pg-sr-only">Real MQTT packets</caption>
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">Between</th>
            <th scope="col">Packet</th>
            <th scope="col">Bytes</th>
            <th scope="col">Flags</th>
          </tr>
        </thead>
        <tbody>
          {[...packets].reverse().map((p) => (
            <tr key={p.seq} className={p.seq === selected ? 'pg-selected' : undefined}>
              <td>{(p.atMs / 1000).toFixed(2)} s</td>
              <td>{arrow(p)}</td>
              <td>
                <button
                  type="button"
                  className="pg-linklike"
                  aria-pressed={p.seq === selected}
                  onClick={() => onSelect(p.seq)}
                >
                  {p.type}
                </button>
              </td>
              <td>{p.byteLength}</td>
              <td>{flags(p)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
