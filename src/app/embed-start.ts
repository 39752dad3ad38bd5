/**
 * What the embed starts first (`embed-main.ts` imports it before `embed-boot`): the link's
 * parameters, checked, and for a valid link the engine worker and the example it names, which then
 * load while the page's own code runs instead of after it (the iframe's first frame is a bench
 * figure). A bad link starts nothing.
 */
import { createEmbedWorkerHost, type EmbedHost } from '../runtime/web/embed-worker-host';
import type { ScenarioFile } from '../bridge/playground-api';
import { parseEmbedParams } from '../ui/embed/embed-params';
import { exampleScenarios } from './example-scenarios';

export const parsed = parseEmbedParams(
  location.search,
  exampleScenarios().map((x) => x.name),
);

/** Quiet until someone awaits it: an early rejection is handled where it is awaited. */
function quiet<T>(p: Promise<T>): Promise<T> {
  p.catch(() => undefined);
  return p;
}

/** The engine worker, starting (undefined for a bad link). */
export const worker: Promise<EmbedHost> | undefined = parsed.ok
  ? quiet(createEmbedWorkerHost())
  : undefined;

const source = parsed.ok ? parsed.params.source : undefined;
const example =
  source?.kind === 'scenario' ? exampleScenarios().find((x) => x.name === source.name) : undefined;

/** The example scenario the link names, loading (undefined when it names none). */
export const exampleFile: Promise<ScenarioFile> | undefined = example
  ? quiet(example.load())
  : undefined;
