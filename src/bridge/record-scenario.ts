/**
 * A run record as a scenario file: the learner's inputs become the file's `actions` at their
 * virtual times, so `npm run sim -- run <file>` replays the run. Also how a record's inputs are
 * checked: as actions, by the scenario validator, under the same bounds as any scenario.
 */
import type { ScenarioFile } from '../engine/scenario/scenario';
import { applied, type RunRecord, type TimedInput } from './run-record';

type ActionEntry = NonNullable<ScenarioFile['actions']>[number];

/** Names of spawned phones: a scenario's actions do not carry them (they change no trace event). */
const NAME = /^[a-z][a-z0-9_-]{0,23}$/i;

/** One input as a scenario action (`at` in seconds; a spike's window in seconds). */
export function inputAsAction(input: TimedInput): ActionEntry {
  const at = input.atMs / 1000;
  const a = input.action;
  switch (a.do) {
    case 'spike': {
      const { withinMs, ...rest } = a;
      return { at, ...rest, withinSec: withinMs / 1000 };
    }
    case 'spawn': {
      const { names: _names, ...rest } = a;
      return { at, ...rest };
    }
    default:
      return { at, ...a };
  }
}

/**
 * The run up to where it got, as a scenario file: the same scenario cut at the time reached
 * (so the command line's report and trace hash are the page's), with the inputs that had been
 * applied by then appended to its actions. Background traffic keeps its original end.
 */
export function recordAsScenario(record: RunRecord): ScenarioFile {
  const file = record.scenario;
  const untilSec = record.reached.ms / 1000;
  const actions = [
    ...(file.actions ?? []).filter((a) => typeof a.at === 'number' && a.at <= untilSec),
    ...record.inputs.filter((i) => applied(i.atMs, record.reached)).map(inputAsAction),
  ];
  const traffic = file.traffic && {
    ...file.traffic,
    untilSec: file.traffic.untilSec ?? file.durationSec,
  };
  const out: ScenarioFile = { ...file, durationSec: untilSec };
  if (traffic) out.traffic = traffic;
  if (actions.length) out.actions = actions;
  else delete out.actions;
  return out;
}

/** The scenario the validator checks a record's inputs with: every input as an action. */
export function scenarioWithInputs(record: Pick<RunRecord, 'scenario' | 'inputs'>): ScenarioFile {
  const written: unknown = record.scenario.actions;
  // Actions that are not a list stay as written, for the validator to name (spreading a string
  // or a number would hide the mistake, or throw).
  if (written !== undefined && !Array.isArray(written)) return record.scenario;
  return {
    ...record.scenario,
    actions: [...(record.scenario.actions ?? []), ...record.inputs.map(inputAsAction)],
  };
}

/** What the validator cannot see of the inputs: their order, whole milliseconds, spawned names. */
export function inputErrors(inputs: readonly TimedInput[]): string[] {
  const errors: string[] = [];
  let last = 0;
  inputs.forEach((i, n) => {
    if (!Number.isInteger(i.atMs)) errors.push(`inputs[${n}].atMs must be whole milliseconds`);
    else if (i.atMs < last)
      errors.push(`inputs[${n}].atMs goes back in time (${i.atMs} < ${last})`);
    else last = i.atMs;
    const a = i.action as { do?: unknown; names?: unknown; count?: unknown };
    if (a.do === 'spawn' && a.names !== undefined) {
      const names = a.names;
      if (!Array.isArray(names) || names.some((x) => typeof x !== 'string' || !NAME.test(x)))
        errors.push(`inputs[${n}].names must be a list of short names (letters, digits, - or _)`);
      else if (typeof a.count === 'number' && names.length > a.count)
        errors.push(`inputs[${n}].names has more names than phones`);
    }
  });
  return errors;
}
