/** The playground page's entry (index.html): picks a host, starts the store and mounts the app. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '../ui/playground/App';
import { createWorkerPlayground } from '../runtime/web/worker-playground';
import type { PlaygroundHost, ScenarioFile } from '../bridge/playground-api';
import { SHARE_KEY } from '../bridge/run-record';
import { deferHost } from '../ui/playground/store/deferred-host';
import { PlaygroundStore, type ExampleScenario } from '../ui/playground/store/playground-store';
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

/** Every example in `scenarios/`, by file name, loaded only when chosen. */
function exampleScenarios(): ExampleScenario[] {
  const files = import.meta.glob<ScenarioFile>('../../scenarios/*.json', { import: 'default' });
  return Object.entries(files).map(([path, load]) => ({
    name: path.replace(/^.*\//, '').replace(/\.json$/, ''),
    load,
  }));
}

async function boot(): Promise<void> {
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html needs a #root element');
  // The page renders while the host starts (its workers boot in parallel with React's first render).
  const store = new PlaygroundStore(
    deferHost(createPlayground()),
    () => performance.now(),
    exampleScenarios(),
  );
  createRoot(root).render(
    <StrictMode>
      <App store={store} />
    </StrictMode>,
  );
  const params = new URLSearchParams(location.search);
  // A shared run (`#run=…`) opens paused where it was shared; otherwise a fresh run starts.
  const shared = new URLSearchParams(location.hash.slice(1)).get(SHARE_KEY);
  if (shared !== null) await store.openShared(shared);
  else await store.start(undefined, params.get('autoplay') !== '0');
}

void boot();
