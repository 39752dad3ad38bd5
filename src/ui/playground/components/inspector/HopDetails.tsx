import type { DecodedPacket, HopBytes } from '../../../../bridge/playground-api';
import { hexLines } from '../../model/hex';

function Packet({ p }: { p: DecodedPacket }): React.JSX.Element {
  return (
    <div className={`pg-packet pg-layer-${p.layer}`}>
      <p className="pg-packet-title">
        <strong>{p.title}</strong>{' '}
        <span className="pg-muted">
          {p.bytes} B{p.headerBytes ? `, header ${p.headerBytes} B` : ''}
        </span>
      </p>
      {p.error ? <p className="pg-bad">Did not decode: {p.error}</p> : null}
      {p.fields.length ? (
        <dl className="pg-fields">
          {p.fields.map((f, i) => (
            <div key={i}>
              <dt>{f.name}</dt>
              <dd className="pg-mono">{f.value}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {p.inner?.map((q, i) => (
        <Packet key={i} p={q} />
      ))}
    </div>
  );
}

const carriesChat = (p: DecodedPacket): boolean =>
  p.title === 'Envelope CHAT' || (p.inner ?? []).some(carriesChat);

/** A hop's real bytes: decoded fields first (what a learner reads), hex underneath. */
export function HopDetails({ hop }: { hop: HopBytes }): React.JSX.Element {
  return (
    <details className="pg-hop" open={hop.chunks.some((c) => c.decoded.some(carriesChat))}>
      <summary>Bytes on the wire</summary>
      {hop.chunks.map((c, i) => (
        <div key={i} className="pg-chunk">
          {c.decoded.map((p, j) => (
            <Packet key={j} p={p} />
          ))}
          <pre className="pg-hex" aria-label="hex">
            {hexLines(c.hex)}
          </pre>
        </div>
      ))}
    </details>
  );
}
