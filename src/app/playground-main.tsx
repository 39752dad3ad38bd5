/** The playground page's entry (index.html): picks a host, starts the store and mounts the app. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '../ui/playground/App';
import { createWorkerPlayground } from '../runtime/web/worker-playground';
import type { PlaygroundHost } from '../ui/playground/store/host';
import { deferHost } from '../ui/playground/store/deferred-host';
import { PlaygroundStore } from '../ui/playground/store/playground-store';
import { lessons, sources } from 'virtual:lessons';
import { workerGrader } from '../runtime/web/lesson-grader-worker';
import type { LessonsConfig } from '../ui/lessons/LessonsLayer';
import '@xyflow/react/dist/style.css';
import '../ui/playground/styles/playground.css';
import '../ui/lessons/lessons.css';

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
  const lessonId = params.get('lesson');
  const step = Number(params.get('step'));
  const config: LessonsConfig = {
    catalog: lessons,
    sources,
    grade: workerGrader(),
    ...(lessonId && lessons.some((l) => l.id === lessonId)
      ? { initial: { id: lessonId, ...(Number.isInteger(step) && step >= 1 ? { step } : {}) } }
      : {}),
  };
  createRoot(root).render(
    <StrictMode>
      <App store={store} lessons={config} />
    </StrictMode>,
  );
  // A lesson loads its own run; the playground's default run is for everyone else.
  if (!config.initial) await store.start(undefined, params.get('autoplay') !== '0');
}

void boot();
