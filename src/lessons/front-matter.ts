/** The lesson's YAML front matter: id, title, summary, minutes and the scenario it starts from. */
import type { Scenario, ScenarioFile } from '../engine/scenario/scenario';
import { parseScenario, validateScenario } from '../engine/scenario/validate-scenario';
import { quote, type ErrorList } from './errors';
import { Fields, isRecord } from './fields';
import type { YamlBlock } from './yaml-block';

export interface FrontMatter {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly minutes: number;
  readonly scenarioJson: ScenarioFile;
  readonly scenarioFile: string | undefined;
  readonly scenario: Scenario;
}

/** Where scenario files come from: the caller reads `scenarios/<name>` (pure code reads no files). */
export type ScenarioReader = (name: string) => string | undefined;

const ID = /^[a-z][a-z0-9-]{1,47}$/;
const SCENARIO_FILE = /^[a-z0-9][a-z0-9-]*\.json$/;

export function readFrontMatter(
  block: YamlBlock,
  errors: ErrorList,
  readScenario: ScenarioReader,
): FrontMatter | undefined {
  if (!isRecord(block.value)) {
    errors.add(
      block.lineAt([]),
      'the front matter must be a YAML map (id, title, summary, minutes, scenario)',
    );
    return undefined;
  }
  const f = new Fields(block.value, block, [], errors, 'front matter');
  const before = errors.count;
  f.only('id', 'title', 'summary', 'minutes', 'scenario');
  const id = f.str('id', true);
  if (id !== undefined && !ID.test(id))
    f.fail('id', `id must be lower-case letters, digits and dashes, 2–48 long (got ${quote(id)})`);
  const title = f.str('title', true);
  const summary = f.str('summary', true);
  const minutes = f.num('minutes', { required: true, min: 1, max: 120 });
  const scenario = readScenarioField(f, readScenario);
  if (errors.count > before || !id || !title || !summary || minutes === undefined || !scenario)
    return undefined;
  return { id, title, summary, minutes, ...scenario };
}

function readScenarioField(
  f: Fields,
  readScenario: ScenarioReader,
): Pick<FrontMatter, 'scenarioJson' | 'scenarioFile' | 'scenario'> | undefined {
  const v = f.obj.scenario;
  if (v === undefined) {
    f.fail(
      'scenario',
      'scenario is required: a file in scenarios/ ("lesson-start.json") or a scenario written inline',
    );
    return undefined;
  }
  if (typeof v === 'string') {
    if (!SCENARIO_FILE.test(v)) {
      f.fail(
        'scenario',
        `scenario must be a file name in scenarios/, like "lesson-start.json" (got ${quote(v)})`,
      );
      return undefined;
    }
    const text = readScenario(v);
    if (text === undefined) {
      f.fail('scenario', `scenarios/${v} does not exist`);
      return undefined;
    }
    const parsed = parseScenario(text);
    if (!parsed.ok) {
      for (const e of parsed.errors.slice(0, 5)) f.fail('scenario', `scenarios/${v}: ${e}`);
      return undefined;
    }
    return {
      scenarioJson: JSON.parse(text) as ScenarioFile,
      scenarioFile: v,
      scenario: parsed.scenario,
    };
  }
  const parsed = validateScenario(v);
  if (!parsed.ok) {
    for (const e of parsed.errors.slice(0, 5)) f.fail('scenario', `the inline scenario: ${e}`);
    return undefined;
  }
  return { scenarioJson: v as ScenarioFile, scenarioFile: undefined, scenario: parsed.scenario };
}
