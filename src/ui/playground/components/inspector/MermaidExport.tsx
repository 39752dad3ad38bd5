import { useEffect, useId, useRef, useState } from 'react';
import type { TraceEvent } from '../../../../bridge/playground-api';
import type { NameBook } from '../../../../views/actors';
import { toSequenceDiagram } from '../../../../views/mermaid-sequence';

type MermaidApi = typeof import('mermaid').default;
let mermaidLoad: Promise<MermaidApi> | undefined;

/** Mermaid is big: it loads on first use only, configured strict (no HTML labels, no scripts). */
function loadMermaid(dark: boolean): Promise<MermaidApi> {
  mermaidLoad ??= import('mermaid').then((m) => m.default);
  return mermaidLoad.then((mermaid) => {
    mermaid.initialize({
      startOnLoad: false,
      securityLevel: 'strict',
      htmlLabels: false,
      layout: 'dagre',
      theme: dark ? 'dark' : 'default',
    });
    return mermaid;
  });
}

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** "Copy as Mermaid" and an on-demand rendering of the same sequence diagram. */
export function MermaidExport({
  msg,
  events,
  names,
}: {
  msg: number;
  events: readonly TraceEvent[];
  names: NameBook;
}): React.JSX.Element {
  const text = toSequenceDiagram(msg, events, names);
  const [status, setStatus] = useState('');
  const [shown, setShown] = useState(false);
  const [error, setError] = useState('');
  const box = useRef<HTMLDivElement>(null);
  const textId = useId();
  const renderId = useId().replace(/[^a-zA-Z0-9]/g, '');

  useEffect(() => {
    if (!shown) return;
    let cancelled = false;
    const dark = document.documentElement.dataset['theme'] === 'dark';
    loadMermaid(dark)
      .then((mermaid) => mermaid.render(`pg-mmd-${renderId}-${msg}`, text))
      .then(({ svg }) => {
        if (!cancelled && box.current) box.current.innerHTML = svg;
        setError('');
      })
      .catch((e: unknown) => !cancelled && setError((e as Error).message));
    return () => {
      cancelled = true;
    };
  }, [shown, text, msg, renderId]);

  return (
    <div className="pg-mermaid">
      <div className="pg-row">
        <button
          type="button"
          className="pg-btn"
          onClick={async () => {
            const ok = await copyText(text);
            setStatus(
              ok
                ? 'Copied.'
                : 'Copying was refused by the browser: select the text below and copy it.',
            );
            if (!ok) setShown(true);
          }}
        >
          Copy as Mermaid
        </button>
        <button
          type="button"
          className="pg-btn"
          aria-expanded={shown}
          onClick={() => setShown((v) => !v)}
        >
          {shown ? 'Hide sequence diagram' : 'Show sequence diagram'}
        </button>
        <span role="status" className="pg-muted">
          {status}
        </span>
      </div>
      {shown ? (
        <>
          <div
            ref={box}
            className="pg-mermaid-svg"
            aria-label={`Sequence diagram of message ${msg}`}
            role="img"
          />
          {error ? <p className="pg-bad">Mermaid could not draw it: {error}</p> : null}
          <label htmlFor={textId} className="pg-muted">
            Mermaid source
          </label>
          <textarea
            id={textId}
            className="pg-mono pg-mermaid-text"
            readOnly
            value={text}
            rows={6}
          />
        </>
      ) : null}
    </div>
  );
}
