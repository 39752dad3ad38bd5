import { deepestBeyond, depthError } from './json-depth';
import { LIMITS } from '../kernel/limits';
import { MAX_SCENARIO_TEXT_BYTES, utf8Bytes } from '../model/scenario-text';
import { DEFAULT_RETRY, validateRetryPolicy } from '../retry/retry-policy';
import { type RetryPolicy } from '../model/retry-policy';
import { parseAction } from './parse-action';
import type { Scenario, TimedAction } from './scenario';
import { readGateway, readPhones, readProtocolSettings, readTraffic } from './scenario-sections';
import { isRecord, num, show, str, unknownKeys, bool, type Errors } from './validate-fields';
import { phoneCountError, workBudgetError } from './work-budget';

export type ScenarioResult = { ok: true; scenario: Scenario } | { ok: false; errors: string[] };

export interface ValidateOptions {
  /**
   * The most UTF-8 bytes the scenario may take as JSON (default MAX_SCENARIO_TEXT_BYTES). A run
   * record checks its scenario with the learner's inputs folded in under a larger bound, and the
   * scenario as written under this one.
   */
  readonly maxTextBytes?: number;
}

/** The longest `name`: a title, shown in a heading and a list of examples. */
export const MAX_NAME_CHARS = 80;
/** The longest `description`: a paragraph or two (the longest example's is ~560). */
export const MAX_DESCRIPTION_CHARS = 2_000;

const TOP_KEYS = [
  'name',
  'description',
  'seed',
  'durationSec',
  'encryption',
  'gateway',
  'retry',
  'protocolSettings',
  'phones',
  'traffic',
  'actions',
];

const bytes = (n: number): string => `${n.toLocaleString('en-US')} bytes`;

function textTooLong(
  errors: Errors,
  key: string,
  value: string | undefined,
  max: number,
): string | undefined {
  if (value === undefined || value.length <= max) return value;
  errors.push(
    `${key} is ${value.length.toLocaleString('en-US')} characters; at most ${max} (got ${show(value)})`,
  );
  return undefined;
}

/** Checks a parsed JSON scenario; every error names the field (`phones[1].protocol must be …`). */
export function validateScenario(x: unknown, o: ValidateOptions = {}): ScenarioResult {
  const errors: Errors = [];
  if (!isRecord(x)) return { ok: false, errors: ['the scenario must be a JSON object'] };
  // Before any field check: those recurse, and a hostile file could nest past the stack.
  const deep = deepestBeyond(x);
  if (deep !== undefined) return { ok: false, errors: [depthError(deep)] };
  // The same bound as the text of a file (parseScenario), for scenarios that arrive as objects.
  const max = o.maxTextBytes ?? MAX_SCENARIO_TEXT_BYTES;
  let json: string | undefined;
  try {
    json = JSON.stringify(x);
  } catch {
    return { ok: false, errors: ['the scenario cannot be written as JSON'] };
  }
  const size = json === undefined ? 0 : utf8Bytes(json);
  if (size > max)
    return {
      ok: false,
      errors: [
        `the scenario is ${bytes(size)} as JSON (UTF-8); a scenario is at most ${bytes(max)}`,
      ],
    };
  unknownKeys(errors, x, '', TOP_KEYS);
  const name = textTooLong(errors, 'name', str(errors, x, 'name', '', true), MAX_NAME_CHARS) ?? '';
  const description =
    textTooLong(errors, 'description', str(errors, x, 'description', ''), MAX_DESCRIPTION_CHARS) ??
    '';
  const seed =
    num(errors, x, 'seed', '', { required: true, integer: true, min: 0, max: 0xffffffff }) ?? 0;
  // Undefined when it failed: then nothing else is checked against it.
  const durationSec = num(errors, x, 'durationSec', '', {
    required: true,
    min: 0.001,
    max: LIMITS.maxDurationMs / 1000,
  });
  const encryption = bool(errors, x, 'encryption', '') ?? true;
  const gateway = readGateway(errors, x.gateway);

  let retry: RetryPolicy = DEFAULT_RETRY;
  if (x.retry !== undefined) {
    const e = validateRetryPolicy(x.retry, 'retry');
    if (e.length) errors.push(...e);
    else retry = x.retry as RetryPolicy;
  }

  const settings = readProtocolSettings(errors, x.protocolSettings);
  const groups = readPhones(errors, x.phones);
  const traffic = readTraffic(errors, x.traffic, durationSec, groups);

  const actions: TimedAction[] = [];
  /** Each parsed action's index as written (the errors of the budget name it). */
  const writtenAt: number[] = [];
  if (x.actions !== undefined) {
    if (!Array.isArray(x.actions)) errors.push('actions must be a list');
    else if (x.actions.length > LIMITS.maxScenarioActions)
      errors.push(
        `actions has ${x.actions.length} entries, over the limit of ${LIMITS.maxScenarioActions}`,
      );
    else
      x.actions.forEach((a, i) => {
        const parsed = parseAction(a, `actions[${i}].`, { ...groups, durationSec }, errors);
        if (parsed) {
          actions.push(parsed);
          writtenAt.push(i);
        }
      });
  }

  if (errors.length) return { ok: false, errors };
  const scenario: Scenario = {
    name,
    description,
    seed,
    durationMs: Math.round(durationSec! * 1000),
    encryption,
    gateway,
    retry,
    settings,
    phones: groups.phones,
    traffic,
    actions,
    names: groups.names,
  };
  // Bounds on the whole run, checked once every field is known to be right.
  const whole = phoneCountError(scenario, writtenAt) ?? workBudgetError(scenario, writtenAt);
  if (whole) return { ok: false, errors: [whole] };
  actions.sort((a, b) => a.atMs - b.atMs); // stable: same-time actions keep their written order
  return { ok: true, scenario };
}

/** Parses scenario text (JSON) and validates it. */
export function parseScenario(text: string): ScenarioResult {
  const size = utf8Bytes(text);
  if (size > MAX_SCENARIO_TEXT_BYTES)
    return {
      ok: false,
      errors: [
        `the scenario is ${bytes(size)} of text (UTF-8); a scenario is at most ${bytes(MAX_SCENARIO_TEXT_BYTES)}`,
      ],
    };
  let x: unknown;
  try {
    x = JSON.parse(text);
  } catch (e) {
    // The parser quotes the text around the fault; keep the error to a readable length.
    const why = (e as Error).message;
    return {
      ok: false,
      errors: [
        `the scenario is not valid JSON: ${why.length > 200 ? `${why.slice(0, 200)}…` : why}`,
      ],
    };
  }
  return validateScenario(x);
}
