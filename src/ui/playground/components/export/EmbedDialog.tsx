import { useEffect, useId, useRef, useState } from 'react';
import { toFlowchart } from '../../../../views/mermaid-flowchart';
import type { EmbedParams, EmbedSource, EmbedTheme } from '../../../embed/embed-params';
import { copyText } from '../../../export/save';
import { usePlaygroundStore } from '../../hooks/usePlayground';
import { embedUrl, iframeSnippet, markdownSnippet } from '../../model/embed-snippets';

/** What the page can embed now: a source, or a sentence saying why not. */
export type EmbedSourceOf = () => Promise<EmbedSource | string>;

function Snippet({ label, text }: { label: string; text: string }): React.JSX.Element {
  const id = useId();
  const [status, setStatus] = useState('');
  return (
    <div className="pg-embed-snippet">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} className="pg-mono" readOnly value={text} rows={5} />
      <div className="pg-row">
        <button
          type="button"
          className="pg-btn"
          onClick={() =>
            void copyText(text).then((ok) =>
              setStatus(ok ? 'Copied.' : 'The browser refused: select the text and copy it.'),
            )
          }
        >
          Copy<span className="pg-sr-only"> {label}</span>
        </button>
        <span role="status" className="pg-muted">
          {status}
        </span>
      </div>
    </div>
  );
}

/**
 * The Embed dialog: the iframe snippet for the current run at the current moment, a live preview
 * of it, and a Markdown snippet (a Mermaid block and a link) for docs that cannot take iframes.
 */
export function EmbedDialog({ sourceOf }: { sourceOf: EmbedSourceOf }): React.JSX.Element {
  const store = usePlaygroundStore();
  const dialog = useRef<HTMLDialogElement>(null);
  const [source, setSource] = useState<EmbedSource | string | undefined>(undefined);
  const [atMs, setAtMs] = useState(0);
  const [pinned, setPinned] = useState(true);
  const [autoplay, setAutoplay] = useState(false);
  const [controls, setControls] = useState(true);
  const [ticker, setTicker] = useState(false);
  const [theme, setTheme] = useState<EmbedTheme>('auto');
  const themeId = useId();
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    const closed = (): void => setSource(undefined);
    d.addEventListener('close', closed);
    return () => d.removeEventListener('close', closed);
  }, []);

  const open = async (): Promise<void> => {
    await store.pause();
    setAtMs(Math.round(store.getState().snapshot?.nowMs ?? 0));
    setSource(await sourceOf());
    dialog.current?.showModal();
  };
  const snap = store.getState().snapshot;
  const title = snap ? `${snap.scenarioName} at ${(atMs / 1000).toFixed(1)} s` : '';
  const params: EmbedParams | undefined =
    typeof source === 'object'
      ? { source, atMs: pinned ? atMs : undefined, autoplay, theme, controls, ticker }
      : undefined;
  const base = location.href;
  const check = (label: string, value: boolean, set: (v: boolean) => void): React.JSX.Element => (
    <label className="pg-inline-label">
      <input type="checkbox" checked={value} onChange={(e) => set(e.target.checked)} /> {label}
    </label>
  );

  return (
    <>
      <button type="button" className="pg-btn" onClick={() => void open()}>
        Embed
      </button>
      <dialog ref={dialog} className="pg-embed-dialog" aria-labelledby={`${themeId}-h`}>
        <header className="pg-row">
          <h2 id={`${themeId}-h`}>Embed this run</h2>
          <button type="button" className="pg-btn" onClick={() => dialog.current?.close()}>
            Close
          </button>
        </header>
        {typeof source === 'string' ? <p className="pg-bad">{source}</p> : null}
        {params ? (
          <div className="pg-embed-body">
            <fieldset className="pg-row">
              <legend>Options</legend>
              {check(`Pin to ${(atMs / 1000).toFixed(1)} s`, pinned, setPinned)}
              {check('Autoplay', autoplay, setAutoplay)}
              {check('Controls', controls, setControls)}
              {check('Event ticker', ticker, setTicker)}
              <label htmlFor={themeId} className="pg-inline-label">
                Theme
              </label>
              <select
                id={themeId}
                value={theme}
                onChange={(e) => setTheme(e.target.value as EmbedTheme)}
              >
                <option value="auto">auto</option>
                <option value="light">light</option>
                <option value="dark">dark</option>
              </select>
            </fieldset>
            <iframe
              className="pg-embed-preview"
              title="Preview of the embed"
              src={embedUrl(params, base)}
            />
            <Snippet label="HTML (iframe)" text={iframeSnippet(params, base, title)} />
            <Snippet
              label="Markdown (Mermaid and a link)"
              text={markdownSnippet(params, base, title, snap ? toFlowchart(snap) : '')}
            />
          </div>
        ) : null}
      </dialog>
    </>
  );
}
