import { createRoot } from 'react-dom/client';
import { createWorkerPlayground } from '../runtime/web/worker-playground';
import { STORE_AND_FORWARD } from '../ui/run-status/default-scenario';
import { RunStatus } from '../ui/run-status/RunStatus';
import '../ui/run-status/run-status.css';

// One run, reopened after each reload (this page has no tabs of its own to tell apart).
const playground = createWorkerPlayground({ runId: 'workers-page' });
// A handle for the console (and for browser tests): the same API the page uses.
(window as unknown as { doubletick: typeof playground }).doubletick = playground;
createRoot(document.getElementById('root')!).render(
  <RunStatus playground={playground} scenario={STORE_AND_FORWARD} />,
);
