import type { ScenarioFile } from '../bridge/playground-api';

/** One example scenario of `scenarios/`, by file name, loaded only when chosen. */
export interface ExampleScenario {
  readonly name: string;
  load(): Promise<ScenarioFile>;
}

/** Every example in `scenarios/` (each its own small chunk). */
export function exampleScenarios(): ExampleScenario[] {
  const files = import.meta.glob<ScenarioFile>('../../scenarios/*.json', { import: 'default' });
  return Object.entries(files).map(([path, load]) => ({
    name: path.replace(/^.*\//, '').replace(/\.json$/, ''),
    load,
  }));
}
