import type { ScenarioFile } from '../bridge/playground-api';
import type { ExampleScenario } from '../ui/playground/store/view-state';

/** Every example in `scenarios/` (each its own small chunk). */
export function exampleScenarios(): ExampleScenario[] {
  const files = import.meta.glob<ScenarioFile>('../../scenarios/*.json', { import: 'default' });
  return Object.entries(files).map(([path, load]) => ({
    name: path.replace(/^.*\//, '').replace(/\.json$/, ''),
    load,
  }));
}
