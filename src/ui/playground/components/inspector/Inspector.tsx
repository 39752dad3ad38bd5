import type { HopBytes } from '../../../../bridge/playground-api';
import { usePlaygroundStore, useView } from '../../hooks/usePlayground';
import { actorLabel } from '../../../../views/actors';
import { KIND_MEANING, noteText, routeText } from '../../model/event-text';
import { formatBytes, formatClock } from '../../../../views/format';
import { partiesOf } from '../../../../views/mermaid-sequence';
import { displayName } from '../../model/names';
import { hexLines } from '../../model/hex';
import { HopDetails } from './HopDetails';
import { MermaidExport } from './MermaidExport';

/** One message's life: a timeline of its events, each hop's real bytes decoded, and its Mermaid. */
export function Inspector(): React.JSX.Element {
  const store = usePlaygroundStore();
  const selected = useView((s) => s.selectedMsg);
  const inspection = useView((s) => s.inspection);
  const names = useView((s) => s.names);
  if (selected === undefined) {
    return (
      <div className="pg-inspector pg-empty">
        <p>
          Choose a row of the event log (or click a moving message on the diagram) to see that
          message’s whole life: every hop, its bytes, decoded.
        </p>
        <button type="button" className="pg-btn" onClick={store.follow}>
          Inspect the latest message
        </button>
      </div>
    );
  }
  if (!inspection || inspection.msg !== selected)
    return <p className="pg-muted">Loading message #{selected}…</p>;
  const parties = partiesOf(inspection.events);
  const hopsByEvent = new Map<number, HopBytes>((inspection.hops ?? []).map((h) => [h.event, h]));
  const first = inspection.events[0]?.atMs ?? 0;
  return (
    <div className="pg-inspector">
      <header className="pg-inspector-head">
        <h2>
          Message #{inspection.msg}
          {parties
            ? ` · ${displayName(actorLabel(parties.sender, names))} → ${displayName(actorLabel(parties.recipient, names))}`
            : ''}
        </h2>
        <button type="button" className="pg-btn pg-small" onClick={() => store.select(undefined)}>
          Close
        </button>
      </header>
      <MermaidExport msg={inspection.msg} events={inspection.events} names={names} />
      <ol className="pg-timeline" aria-label="Lifecycle">
        {inspection.events.map((e, i) => {
          const hop = hopsByEvent.get(i);
          return (
            <li key={i} className={`pg-tl-item pg-kind-${e.kind}`}>
              <div className="pg-tl-line">
                <span className="pg-mono pg-tl-time">{formatClock(e.atMs)}</span>
                <span className={`pg-kind pg-kind-${e.kind}`}>{e.kind}</span>
                <span>{routeText(e, names)}</span>
                {e.bytes > 0 ? (
                  <span className="pg-mono pg-muted">{formatBytes(e.bytes)}</span>
                ) : null}
                {e.kind === 'paging' ? (
                  <span className="pg-tl-wait">
                    waiting for the paging occasion: {Math.round(e.arriveAtMs - e.atMs)} ms
                  </span>
                ) : e.arriveAtMs > e.atMs ? (
                  <span className="pg-muted">+{Math.round(e.arriveAtMs - e.atMs)} ms</span>
                ) : null}
                {e.note ? <span className="pg-muted">{noteText(e.note, names)}</span> : null}
              </div>
              <p className="pg-tl-meaning pg-muted">
                {KIND_MEANING[e.kind]} · {((e.atMs - first) / 1000).toFixed(3)} s after it was
                created
              </p>
              {hop ? <HopDetails hop={hop} /> : null}
            </li>
          );
        })}
      </ol>
      {inspection.serverView.length ? (
        <details className="pg-serverview">
          <summary>
            What the servers held of it ({inspection.serverView.length} records, hex)
          </summary>
          <p className="pg-note">
            With end-to-end encryption on, the body inside is ciphertext: the gateway and storage
            route it without being able to read it.
          </p>
          {inspection.serverView.map((hex, i) => (
            <pre key={i} className="pg-hex">
              {hexLines(hex)}
            </pre>
          ))}
        </details>
      ) : null}
    </div>
  );
}
