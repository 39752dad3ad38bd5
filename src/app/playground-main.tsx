/** The playground page's entry (index.html): picks a host, starts the store and mounts the app. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '../ui/playground/App';
import { createWorkerPlayground } from '../runtime/web/worker-playground';
import type { PlaygroundHost } from '../ui/playground/store/host';
import { deferHost } from '../ui/playground/store/deferred-host';
import { PlaygroundStore } from '../ui/playground/store/playground-store';
import { exampleScenarios } from './example-scenarios';
import type { EmbedSourceOf } from '../ui/playground/components/export/EmbedDialog';
import '@xyflow/react/dist/style.css';
import '../ui/playground/styles/playground.css';

/**
 * The host: the engine across Web Workers (`src/runtime/web/worker-playground.ts`), or the
 * one-thread `LocalPlayground` with `?host=local` (loaded only then: it carries the whole engine).
 */
export async function createPlayground(): Promise<PlaygroundHost> {
  if (new URLSearchParams(location.search).get('host') !== 'local') return createWorkerPlayground();
  const { LocalPlayground } = await import('../runtime/local-playground');
  return new LocalPlayground(
    {
      nowMs: () => performance.now(),
      nextFrame: (fn) => {
        const id = requestAnimationFrame(() => fn());
        return () => cancelAnimationFrame(id);
      },
    },
    // On the main thread a big fleet must not freeze the page: snapshots take at most a tenth of
    // it, and a frame runs the simulation for at most 12 ms (the run slows down instead).
    { snapshotShare: 0.1, frameBudgetMs: 12 },
  );
}

async function boot(): Promise<void> {
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html needs a #root element');
  // The page renders while the host starts (its workers boot in parallel with React's first render).
  const store = new PlaygroundStore(deferHost(createPlayground()));
  const params = new URLSearchParams(location.search);
  const example = exampleScenarios().find((x) => x.name === params.get('scenario'));
  const embedSource: EmbedSourceOf = async () => {
    if (!example)
      return 'Embeds play an example scenario as it runs by itself: open one (index.html?scenario=four-protocols) and embed any moment of it.';
    if ((await store.host.inputLog()).length > 0)
      return 'This run has inputs of yours; an embed plays the example as it runs by itself. Reload the example to embed a moment of it.';
    return { kind: 'scenario', name: example.name };
  };
  createRoot(root).render(
    <StrictMode>
      <App store={store} embedSource={embedSource} />
    </StrictMode>,
  );
  const t = Number(params.get('t') ?? 'NaN');
  const pinned = Number.isFinite(t) && t >= 0;
  await store.start(undefined, params.get('autoplay') !== '0' && !example && !pinned);
  // `?scenario=<example>&t=<s>`: the link an embed's "Open in DoubleTick" gives, paused there.
  if (example) await store.loadScenario(await example.load());
  if (pinned) await store.seek(Math.round(t * 1000));
}

void boot();
