/** The playground page's entry (index.html): picks a host, starts the store and mounts the app. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { isPlaygroundHost, type PlaygroundHost } from './store/host';
import { deferHost } from './store/deferred-host';
import { PlaygroundStore } from './store/playground-store';
import '@xyflow/react/dist/style.css';
import './styles/playground.css';

type HostModule = { createWorkerPlayground?: () => unknown };

/**
 * The host: the worker host (`src/runtime/web/worker-playground.ts`, engine across Web Workers)
 * when it is there, else the one-thread `LocalPlayground`. `?host=local` forces the latter. The
 * glob is empty when the file does not exist, so this builds either way.
 */
export async function createPlayground(): Promise<PlaygroundHost> {
  const forceLocal = new URLSearchParams(location.search).get('host') === 'local';
  if (!forceLocal) {
    const candidates = import.meta.glob<HostModule>('../../runtime/web/worker-playground.ts');
    for (const load of Object.values(candidates)) {
      const mod = await load();
      if (typeof mod.createWorkerPlayground !== 'function') continue;
      const host = await mod.createWorkerPlayground();
      if (isPlaygroundHost(host)) return host;
    }
  }
  const { LocalPlayground } = await import('../../runtime/local-playground');
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
  createRoot(root).render(
    <StrictMode>
      <App store={store} />
    </StrictMode>,
  );
  const params = new URLSearchParams(location.search);
  await store.start(undefined, params.get('autoplay') !== '0');
}

void boot();
