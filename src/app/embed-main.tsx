/**
 * The embed's entry (embed.html): validates the link's parameters, then plays the run with its
 * engine in one Web Worker — or, where no worker can start, in the page's own thread (README
 * "Embedding and exports" says why) — or shows the error view and runs nothing.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createEmbedWorkerHost } from '../runtime/web/embed-worker-host';
import type { ScenarioFile } from '../bridge/playground-api';
import type { PlaygroundHost } from '../ui/playground/store/host';
import { EmbedApp } from '../ui/embed/EmbedApp';
import { EmbedError } from '../ui/embed/EmbedError';
import { parseEmbedParams, type EmbedParams } from '../ui/embed/embed-params';
import { PlaygroundStore } from '../ui/playground/store/playground-store';
import { exampleScenarios } from './example-scenarios';
import '@xyflow/react/dist/style.css';
import '../ui/playground/styles/playground.css';
import '../ui/embed/embed.css';

/** The scenario file the source names, or the reason it cannot be had. */
async function scenarioFor(p: EmbedParams): Promise<ScenarioFile | string> {
  const src = p.source;
  if (src.kind === 'scenario') {
    const ex = exampleScenarios().find((x) => x.name === src.name);
    return ex ? ex.load() : `no example scenario named ${src.name}`;
  }
  if (src.kind === 'lesson') return `no lesson "${src.id}" in this build`;
  return 'this build cannot open run links (run=)';
}

/**
 * The engine in the page's thread, for frames where no worker can start. Loaded only then: it
 * carries the whole engine, which the worker keeps off the page otherwise.
 */
async function inPageHost(): Promise<PlaygroundHost> {
  const { LocalPlayground } = await import('../runtime/local-playground');
  return new LocalPlayground(
    {
      nowMs: () => performance.now(),
      nextFrame: (fn) => {
        const id = requestAnimationFrame(() => fn());
        return () => cancelAnimationFrame(id);
      },
    },
    // A small frame budget keeps the host page responsive; a paused embed schedules no frames.
    { snapshotShare: 0.1, frameBudgetMs: 8, recordWire: false },
  );
}

/** The playground link for the same run at `nowMs`, paused there. */
function openUrl(p: EmbedParams, nowMs: number): string {
  const q = new URLSearchParams();
  if (p.source.kind === 'scenario') q.set('scenario', p.source.name);
  q.set('t', String(Math.round(nowMs) / 1000));
  return new URL(`./index.html?${q.toString()}`, location.href).href;
}

async function boot(): Promise<void> {
  const el = document.getElementById('root');
  if (!el) throw new Error('embed.html needs a #root element');
  const root = createRoot(el);
  const showError = (errors: readonly string[]): void =>
    root.render(
      <StrictMode>
        <EmbedError errors={errors} />
      </StrictMode>,
    );
  const parsed = parseEmbedParams(
    location.search,
    exampleScenarios().map((x) => x.name),
  );
  if (!parsed.ok) return showError(parsed.errors);
  const params = parsed.params;
  const file = await scenarioFor(params);
  if (typeof file === 'string') return showError([file]);
  const host = await createEmbedWorkerHost().catch(inPageHost);
  const store = new PlaygroundStore(host);
  await store.start(undefined, false);
  await store.loadScenario(file);
  const error = store.getState().error;
  if (error) return showError([error]);
  if (params.atMs !== undefined) await store.seek(params.atMs);
  root.render(
    <StrictMode>
      <EmbedApp store={store} params={params} openUrl={(now) => openUrl(params, now)} />
    </StrictMode>,
  );
}

void boot();
