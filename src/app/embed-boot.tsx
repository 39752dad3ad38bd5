/**
 * The embed once its link is checked (`embed-start.ts`): plays the run with its engine in one Web
 * Worker — or, where no worker can start, in the page's own thread (README
 * "Embedding and exports" says why) — or shows the error view and runs nothing.
 */
import { exampleFile, parsed, worker } from './embed-start';
import { deferHost } from '../ui/playground/store/deferred-host';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { EmbedHost } from '../runtime/web/embed-worker-host';
import type { Lesson } from '../bridge/lesson-api';
import type { RunRecord } from '../bridge/run-record';
import { lessons } from 'virtual:lessons';
import type { PlaygroundHost, ScenarioFile } from '../bridge/playground-api';
import { EmbedApp } from '../ui/embed/EmbedApp';
import { EmbedError } from '../ui/embed/EmbedError';
import type { EmbedParams } from '../ui/embed/embed-params';
import { PlaygroundStore } from '../ui/playground/store/playground-store';
import '@xyflow/react/dist/style.css';
import '../ui/playground/styles/playground.css';
import '../ui/embed/embed.css';

/** What the embed opens, resolved before any engine starts: a scenario, a run record or a lesson step. */
type Opening =
  | { readonly kind: 'file'; readonly file: ScenarioFile }
  | { readonly kind: 'record'; readonly record: RunRecord }
  | { readonly kind: 'lesson'; readonly lesson: Lesson; readonly step: number };

/** What the source names, or the reason it cannot be had. */
async function openingFor(p: EmbedParams): Promise<Opening | string> {
  const src = p.source;
  if (src.kind === 'scenario') {
    return exampleFile
      ? { kind: 'file', file: await exampleFile }
      : `no example scenario named ${src.name}`;
  }
  if (src.kind === 'run') {
    const { decodeShare } = await import('../bridge/share-link');
    const d = decodeShare(src.payload);
    return d.ok ? { kind: 'record', record: d.record as RunRecord } : `run: ${d.message}`;
  }
  const entry = lessons.find((l) => l.id === src.id);
  if (!entry) return `no lesson "${src.id}" (known: ${lessons.map((l) => l.id).join(', ')})`;
  const lesson = (await entry.load()).default.lesson;
  if (src.step > lesson.steps.length)
    return `lesson ${lesson.id} has steps 1 to ${lesson.steps.length} (got step ${src.step})`;
  return { kind: 'lesson', lesson, step: src.step };
}

/** Opens what the embed plays in the store, paused at its first moment (`started`: the host, up). */
async function open(store: PlaygroundStore, started: PlaygroundHost, o: Opening): Promise<void> {
  if (o.kind === 'file') return store.loadScenario(o.file, { paused: true });
  if (o.kind === 'record') return store.openRun(o.record);
  const host = started as Partial<EmbedHost>;
  // The worker works the lesson's earlier steps out off this thread; in the page's thread only
  // when no worker could start.
  const record = host.lessonStepRecord
    ? await host.lessonStepRecord(o.lesson, o.step)
    : (await import('../runtime/lesson-step-record')).lessonStepRecord(o.lesson, o.step);
  return store.openRun(record);
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

/** The playground link for the same run: an example at `nowMs` paused there, a lesson at its step, a shared run as shared. */
function openUrl(p: EmbedParams, nowMs: number): string {
  const q = new URLSearchParams();
  const src = p.source;
  if (src.kind === 'run') return new URL(`./index.html#run=${src.payload}`, location.href).href;
  if (src.kind === 'lesson') {
    q.set('lesson', src.id);
    q.set('step', String(src.step));
  } else {
    q.set('scenario', src.name);
    q.set('t', String(Math.round(nowMs) / 1000));
  }
  return new URL(`./index.html?${q.toString()}`, location.href).href;
}

/** Shows the error view, or opens what the link names and renders the embed. */
export async function boot(): Promise<void> {
  const el = document.getElementById('root');
  if (!el) throw new Error('embed.html needs a #root element');
  const root = createRoot(el);
  const showError = (errors: readonly string[]): void =>
    root.render(
      <StrictMode>
        <EmbedError errors={errors} />
      </StrictMode>,
    );
  if (!parsed.ok || !worker) return showError(parsed.ok ? [] : parsed.errors);
  const params = parsed.params;
  const opening = await openingFor(params);
  if (typeof opening === 'string') {
    void worker.then(
      (h) => h.dispose(),
      () => undefined,
    );
    return showError([opening]);
  }
  const ready: Promise<PlaygroundHost> = worker.catch(inPageHost);
  const store = new PlaygroundStore(deferHost(ready));
  const render = (startMs: number, opened: boolean): void =>
    root.render(
      <StrictMode>
        <EmbedApp
          store={store}
          // Autoplay waits for the run: a Play sent before it opens would reach an empty engine.
          params={opened ? params : { ...params, autoplay: false }}
          startMs={startMs}
          openUrl={(now) => openUrl(params, now)}
          opening={!opened}
        />
      </StrictMode>,
    );
  // The frame (controls disabled, diagram empty) draws while the engine starts.
  render(0, false);
  await open(store, await ready, opening);
  const error = store.getState().error;
  if (error) return showError([error]);
  if (params.atMs !== undefined) await store.seek(params.atMs);
  render(store.getState().snapshot?.nowMs ?? 0, true);
}
