import { useEffect, useId, useState } from 'react';
import { usePlaygroundStore, useView } from '../../hooks/usePlayground';
import { copyImage, copyText, download } from '../../../export/save';
import { diagramElement, diagramPng, diagramSvg } from '../../../export/diagram-image';
import { fileStem, textExports } from '../../model/exports';

/** One row: what it is, then Download and Copy. */
function Row({
  label,
  missing,
  onDownload,
  onCopy,
}: {
  label: string;
  missing?: string | undefined;
  onDownload: () => void;
  onCopy: () => void;
}): React.JSX.Element {
  return (
    <li className="pg-export-row">
      <span>
        {label}
        {missing ? <span className="pg-muted"> — {missing}</span> : null}
      </span>
      <button type="button" className="pg-btn" disabled={!!missing} onClick={onDownload}>
        Download<span className="pg-sr-only"> {label}</span>
      </button>
      <button type="button" className="pg-btn" disabled={!!missing} onClick={onCopy}>
        Copy<span className="pg-sr-only"> {label}</span>
      </button>
    </li>
  );
}

/**
 * The Export menu: the topology as a Mermaid flowchart, the selected message as a sequence
 * diagram, the diagram as SVG or PNG (flights included), the event log as CSV or JSON Lines.
 */
export function ExportMenu(): React.JSX.Element {
  const store = usePlaygroundStore();
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState('');
  const panelId = useId();
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open]);

  // Subscribed so the sequence row follows the selected message while the menu is open.
  useView((s) => s.inspection?.msg);
  const log = (): readonly import('../../../../bridge/playground-api').TraceEvent[] =>
    store.log.items;
  const items = open ? textExports(store.getState(), log) : [];
  /** The export's text now (the run moves on while the menu is open). */
  const textOf = (id: string): string | undefined =>
    textExports(store.getState(), log)
      .find((x) => x.id === id)
      ?.make();
  const report = (ok: boolean, what: string): void =>
    setStatus(ok ? `${what}.` : `The browser refused: ${what.toLowerCase()} failed.`);
  const image = async (kind: 'svg' | 'png', copy: boolean): Promise<void> => {
    const el = diagramElement();
    if (!el) return setStatus('There is no diagram to picture yet.');
    setStatus('Drawing the picture…');
    try {
      const name = `${fileStem(store.getState())}.${kind}`;
      if (kind === 'svg') {
        const svg = await diagramSvg(el);
        if (copy) report(await copyText(svg), 'Copied the SVG');
        else download(name, new Blob([svg], { type: 'image/svg+xml' }));
      } else {
        const png = await diagramPng(el);
        if (copy) report(await copyImage(png), 'Copied the PNG');
        else download(name, png);
      }
      if (!copy) setStatus(`Saved ${name}.`);
    } catch (e) {
      setStatus(`Could not draw the picture: ${(e as Error).message}`);
    }
  };

  return (
    <div className="pg-export">
      <button
        type="button"
        className="pg-btn"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((v) => !v)}
      >
        Export
      </button>
      {open ? (
        <div id={panelId} className="pg-export-panel" role="group" aria-label="Export">
          <ul>
            {items.map((it) => (
              <Row
                key={it.id}
                label={it.label}
                missing={it.missing}
                onDownload={() => {
                  const text = textOf(it.id);
                  if (text === undefined) return;
                  download(it.file, new Blob([text], { type: it.mime }));
                  setStatus(`Saved ${it.file}.`);
                }}
                onCopy={() => {
                  const text = textOf(it.id);
                  if (text !== undefined) void copyText(text).then((ok) => report(ok, 'Copied'));
                }}
              />
            ))}
            <Row
              label="Diagram picture (SVG)"
              onDownload={() => void image('svg', false)}
              onCopy={() => void image('svg', true)}
            />
            <Row
              label="Diagram picture (PNG)"
              onDownload={() => void image('png', false)}
              onCopy={() => void image('png', true)}
            />
          </ul>
          <p role="status" className="pg-muted">
            {status}
          </p>
        </div>
      ) : null}
    </div>
  );
}
