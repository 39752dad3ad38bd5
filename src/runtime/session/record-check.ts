/**
 * Checks a run record that came from outside (a share link, IndexedDB written by another version,
 * a lesson): its shape, its version, and its scenario and inputs with the scenario validator, so
 * the same bounds hold wherever a run comes from. Errors name the field.
 */
import { RUN_RECORD_VERSION, type RunRecord } from '../../bridge/run-record';
import type { Scenario, ScenarioFile } from '../../engine/scenario/scenario';
import { validateScenario } from '../../engine/scenario/validate-scenario';
import { show } from '../../engine/scenario/validate-fields';
import { MAX_SHARE_JSON_BYTES } from '../../bridge/share-link';
import { MAX_SPEED, MIN_SPEED } from './pacing';
import { inputErrors, scenarioWithInputs } from '../../bridge/record-scenario';

export type RecordCheck =
  | { readonly ok: true; readonly record: RunRecord; readonly scenario: Scenario }
  | { readonly ok: false; readonly errors: readonly string[] };

const KEYS = ['version', 'scenario', 'inputs', 'reached', 'settings', 'workerCrashes'];
const isObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/** A bad value, quoted as the scenario validator quotes one: at most 100 characters, and its size. */
export const quote = show;

const isMark = (x: unknown): x is RunRecord['reached'] =>
  isObject(x) &&
  typeof x['ms'] === 'number' &&
  Number.isFinite(x['ms']) &&
  x['ms'] >= 0 &&
  typeof x['inclusive'] === 'boolean';

function shapeErrors(x: Record<string, unknown>): string[] {
  const errors: string[] = [];
  for (const k of Object.keys(x)) if (!KEYS.includes(k)) errors.push(`unknown field ${quote(k)}`);
  if (!isObject(x['scenario'])) errors.push('scenario must be an object');
  const inputs = x['inputs'];
  if (!Array.isArray(inputs)) errors.push('inputs must be a list');
  else
    inputs.forEach((i: unknown, n) => {
      if (!isObject(i) || typeof i['atMs'] !== 'number' || !isObject(i['action']))
        errors.push(`inputs[${n}] must be { atMs, action } (got ${quote(i)})`);
    });
  if (!isMark(x['reached']))
    errors.push(`reached must be { ms, inclusive } (got ${quote(x['reached'])})`);
  const speed = isObject(x['settings']) ? x['settings']['speed'] : undefined;
  if (typeof speed !== 'number' || !(speed >= MIN_SPEED && speed <= MAX_SPEED))
    errors.push(
      `settings.speed must be between ${MIN_SPEED} and ${MAX_SPEED} (got ${quote(speed)})`,
    );
  const crashes = x['workerCrashes'];
  if (crashes !== undefined) {
    const n = Array.isArray(inputs) ? inputs.length : 0;
    if (
      !Array.isArray(crashes) ||
      crashes.some(
        (c: unknown) =>
          !isObject(c) ||
          !isMark(c['at']) ||
          !Number.isInteger(c['logIndex']) ||
          (c['logIndex'] as number) < 0 ||
          (c['logIndex'] as number) >= n ||
          (inputs as { action: { do?: unknown } }[])[c['logIndex'] as number]?.action.do !==
            'crash',
      )
    )
      errors.push('workerCrashes must list { at, logIndex } of crash inputs');
  }
  return errors;
}

/** Checks `x` as a run record; on success gives it back typed, with its validated scenario. */
export function checkRunRecord(x: unknown): RecordCheck {
  if (!isObject(x)) return { ok: false, errors: ['the run must be a JSON object'] };
  const version = x['version'];
  if (typeof version === 'number' && version > RUN_RECORD_VERSION)
    return {
      ok: false,
      errors: [
        `this run was saved by a newer DoubleTick (format ${version}); this page reads format ${RUN_RECORD_VERSION}`,
      ],
    };
  if (version !== RUN_RECORD_VERSION)
    return {
      ok: false,
      errors: [`version must be ${RUN_RECORD_VERSION} (got ${quote(version)})`],
    };
  const shape = shapeErrors(x);
  if (shape.length) return { ok: false, errors: shape };
  const draft = x as unknown as RunRecord;
  const own = inputErrors(draft.inputs);
  const file = draft.scenario as ScenarioFile & Record<string, unknown>;
  const written = Array.isArray(file.actions) ? file.actions.length : 0;
  // With the inputs folded in, the scenario may be as large as a share link can carry; the
  // scenario as written keeps the limit of a scenario file (checked below).
  const r = validateScenario(scenarioWithInputs(draft), { maxTextBytes: MAX_SHARE_JSON_BYTES });
  const errors = [...own, ...(r.ok ? [] : r.errors.map((e) => renameInputErrors(e, written)))];
  if (!r.ok || errors.length) return { ok: false, errors };
  if (draft.reached.ms > r.scenario.durationMs)
    return {
      ok: false,
      errors: [`reached.ms is past the scenario's end (${r.scenario.durationMs} ms)`],
    };
  // The scenario the run replays is the one written, without the inputs folded into its actions.
  const plain = validateScenario(file);
  if (!plain.ok) return { ok: false, errors: plain.errors };
  return { ok: true, record: draft, scenario: plain.scenario };
}

/** `actions[12].user …` about an appended input reads `inputs[2].user …` (12 − 10 written actions). */
function renameInputErrors(error: string, written: number): string {
  return error.replace(/actions\[(\d+)\]/g, (whole, n: string) =>
    Number(n) >= written ? `inputs[${Number(n) - written}]` : whole,
  );
}
