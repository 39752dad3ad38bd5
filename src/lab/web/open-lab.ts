/**
 * The page's side of lab mode, loaded on demand: starts the lab worker for a checked address and
 * holds its newest snapshot for React (`useSyncExternalStore`).
 */
import type {
  LabCommand,
  LabFromWorker,
  LabHost,
  LabSnapshot,
  LabStart,
  LabToWorker,
} from '../../bridge/lab-api';

export function openLab(start: LabStart): LabHost {
  const worker = new Worker(new URL('../../../workers/lab.worker.ts', import.meta.url), {
    type: 'module',
    name: 'lab',
  });
  let snapshot: LabSnapshot = {
    status: 'checking',
    url: start.url,
    phones: [],
    packets: [],
    packetTotal: 0,
    comparing: false,
  };
  const listeners = new Set<() => void>();
  const post = (m: LabToWorker): void => worker.postMessage(m);
  worker.addEventListener('message', (e: MessageEvent<LabFromWorker>) => {
    snapshot = e.data.snapshot;
    for (const l of listeners) l();
  });
  worker.addEventListener('error', (e) => {
    snapshot = { ...snapshot, status: 'failed', problem: `The lab worker failed: ${e.message}` };
    for (const l of listeners) l();
  });
  post({ kind: 'start', start });
  return {
    subscribe(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    getSnapshot: () => snapshot,
    command: (command: LabCommand) => post({ kind: 'command', command }),
    close() {
      post({ kind: 'stop' });
      listeners.clear();
    },
  };
}
