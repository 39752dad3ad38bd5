/** The playground page's entry (index.html): picks a host, starts the store and mounts the app. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '../ui/playground/App';
import { IdbRunRecord } from '../adapters/idb-runs';
import { runDatabases } from '../runtime/web/worker-api';
import { createWorkerPlayground } from '../runtime/web/worker-playground';
import { indexedDbWorks } from './indexeddb-probe';
import { newestOtherRun, tabRun, touchRun, type TabRun } from './tab-run';
import type { PlaygroundHost } from '../bridge/playground-api';
import { SHARE_KEY } from '../bridge/run-record';
import { deferHost } from '../ui/playground/store/deferred-host';
import { PlaygroundStore } from '../ui/playground/store/playground-store';
import { exampleScenarios } from './example-scenarios';
import type { EmbedSourceOf } from '../ui/playground/components/export/EmbedDialog';
import { lessons, sources } from 'virtual:lessons';
import { workerGrader } from '../runtime/web/lesson-grader-worker';
import type { LessonsConfig } from '../ui/lessons/LessonsLayer';
import { LabMode } from '../ui/lab/lab-mode';
import { labUsers } from './lab-users';
import '@xyflow/react/dist/style.css';
import '../ui/playground/styles/playground.css';
import '../ui/lessons/lessons.css';

/** The host this page runs on, and why. */
interface HostChoice {
  readonly host: PlaygroundHost;
  /** `no-storage`: IndexedDB is unavailable, so the run is in this thread and not kept. */
  readonly kind: 'workers' | 'local' | 'no-storage';
  readonly tab?: TabRun;
}

/**
 * The host: the engine across Web Workers (`src/runtime/web/worker-playground.ts`), with this
 * tab's run in IndexedDB; or the one-thread `LocalPlayground` with `?host=local`, or when
 * IndexedDB is unavailable (loaded only then: it carries the whole engine).
 */
export async function choosePlayground(): Promise<HostChoice> {
  const asked = new URLSearchParams(location.search).get('host') === 'local';
  if (!asked && (await indexedDbWorks())) {
    const tab = tabRun();
    return { host: createWorkerPlayground({ runId: tab.runId }), kind: 'workers', tab };
  }
  const { LocalPlayground } = await import('../runtime/local-playground');
  const host = new LocalPlayground(
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
  return { host, kind: asked ? 'local' : 'no-storage' };
}

const NO_STORAGE =
  'This browser does not let the page store data (a private window, or storage blocked), so the run runs in this tab only and is not kept after a reload.';
/** How often a tab marks its run as seen (so a new tab offers a copy of the newest run). */
const TOUCH_EVERY_MS = 5_000;

async function boot(): Promise<void> {
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html needs a #root element');
  // A shared run (`#run=…`): its codec loads while the host starts, not after.
  const shared = new URLSearchParams(location.hash.slice(1)).get(SHARE_KEY);
  if (shared !== null) void import('../bridge/share-link');
  // The page renders while the host starts (its workers boot in parallel with React's first render).
  const choice = choosePlayground();
  const examples = exampleScenarios();
  const store = new PlaygroundStore(
    deferHost(choice.then((c) => c.host)),
    () => performance.now(),
    examples,
  );
  const params = new URLSearchParams(location.search);
  // `?scenario=<example>&t=<s>`: the link an embed's "Open in DoubleTick" gives, paused there.
  const example = examples.find((x) => x.name === params.get('scenario'));
  const t = Number(params.get('t') ?? 'NaN');
  const pinned = Number.isFinite(t) && t >= 0;
  // An example as it runs by itself embeds by name; any other run (a lesson's, one with the
  // learner's inputs, a file) embeds as its share link.
  const embedSource: EmbedSourceOf = async () => {
    const shown = store.getState().snapshot?.scenarioName;
    if (
      example &&
      shown === (await example.load()).name &&
      (await store.host.inputLog()).length === 0
    )
      return { kind: 'scenario', name: example.name };
    const { encodeShare, MAX_SHARE_CHARS } = await import('../bridge/share-link');
    const payload = encodeShare(await store.record());
    if (payload.length > MAX_SHARE_CHARS)
      return `This run is too long to embed by link (${payload.length.toLocaleString('en-US')} characters; at most ${MAX_SHARE_CHARS.toLocaleString('en-US')}). Export it as a scenario from the Run panel instead.`;
    return { kind: 'run', payload };
  };
  const lessonId = params.get('lesson');
  const step = Number(params.get('step'));
  // A lesson link: its chunk starts loading now, beside React's first render and the host.
  void lessons.find((l) => l.id === lessonId)?.load();
  const config: LessonsConfig = {
    catalog: lessons,
    sources,
    grade: workerGrader(),
    ...(lessonId && lessons.some((l) => l.id === lessonId)
      ? { initial: { id: lessonId, ...(Number.isInteger(step) && step >= 1 ? { step } : {}) } }
      : {}),
  };
  // Lab mode ("Real broker", `?lab=ws://…`): its code loads only when a checked address is used.
  const labParam = params.get('lab');
  // The tab's run id once the host is chosen (a fresh one until then, or without storage).
  let labRunId = crypto.randomUUID().slice(0, 8);
  const lab = new LabMode(
    {
      ...(labParam !== null ? { initialUrl: labParam } : {}),
      runId: () => labRunId,
      open: async (start) => (await import('../lab/web/open-lab')).openLab(start),
    },
    () => labUsers(store.getState().snapshot?.phones ?? []),
    location.protocol,
  );
  createRoot(root).render(
    <StrictMode>
      <App store={store} lessons={config} embedSource={embedSource} lab={lab} />
    </StrictMode>,
  );
  const { kind, tab } = await choice;
  if (tab) labRunId = tab.runId;
  if (kind === 'no-storage') store.setNotice(NO_STORAGE);
  // A shared run (`#run=…`) opens paused where it was shared; a lesson loads its own run; a
  // reloaded tab reopens its run; otherwise a fresh run starts, and a new tab offers a copy of
  // another tab's newest run.
  if (shared !== null) {
    await store.openShared(shared);
    // Opened, the link's run is this tab's own (saved as it plays on): a reload reopens that, where
    // the learner got, not the link again. A link that did not open stays, with its error.
    if (!store.getState().shareError)
      history.replaceState(null, '', location.pathname + location.search);
  } else if (config.initial) {
    // The lesson player starts the lesson's run.
  } else if (example) {
    await store.loadScenario(await example.load(), { paused: pinned });
    if (pinned) await store.seek(Math.round(t * 1000));
  } else if (!(tab?.reloaded && (await store.reopen()))) {
    await store.start(undefined, params.get('autoplay') !== '0');
    const other = tab && newestOtherRun(tab.runId);
    if (other) store.offerCopy({ load: () => new IdbRunRecord(runDatabases(other).store).load() });
  }
  if (labParam !== null) void lab.connect(labParam);
  if (tab) {
    touchRun(tab.runId);
    setInterval(() => touchRun(tab.runId), TOUCH_EVERY_MS);
  }
}

void boot();
