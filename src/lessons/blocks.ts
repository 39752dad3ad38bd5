/** The lesson's fenced YAML blocks: ```actions, ```checkpoint, ```prediction and ```hints. */
import { parseAction } from '../engine/scenario/parse-action';
import { CONTROL_IDS, isControlId, type ControlId } from './controls';
import { quote, type ErrorList } from './errors';
import { Fields, isRecord, type UserBook } from './fields';
import { LESSON_LIMITS } from './limits';
import type { Checkpoint, LessonAction, Prediction, Tolerance } from './model';
import { readMeasure, readPredicate } from './vocabulary';
import type { YamlBlock } from './yaml-block';

export const BLOCK_KINDS = ['actions', 'checkpoint', 'prediction', 'hints'] as const;
export type BlockKind = (typeof BLOCK_KINDS)[number];

/** A list at the top of a block (or under `key` of a map), with its items' YAML paths. */
function listOf(
  block: YamlBlock,
  errors: ErrorList,
  what: string,
  value: unknown,
  path: (string | number)[],
  max: number,
): { item: unknown; path: (string | number)[] }[] | undefined {
  if (!Array.isArray(value) || value.length === 0) {
    errors.add(block.lineAt(path), `${what} must be a non-empty list`);
    return undefined;
  }
  if (value.length > max) {
    errors.add(block.lineAt(path), `${what} has ${value.length} items, over the limit of ${max}`);
    return undefined;
  }
  return value.map((item, i) => ({ item, path: [...path, i] }));
}

export function readActions(block: YamlBlock, errors: ErrorList, users: UserBook): LessonAction[] {
  const items = listOf(block, errors, 'actions', block.value, [], LESSON_LIMITS.maxActionsPerStep);
  const out: LessonAction[] = [];
  for (const { item, path } of items ?? []) {
    const line = block.lineAt(path);
    // The scenario format's own parser: the page, scenario files and lessons share one vocabulary.
    const written = isRecord(item) && item.at === undefined ? { ...item, at: 0 } : item;
    const problems: string[] = [];
    const parsed = parseAction(
      written,
      '',
      { byName: users.byName, namesComplete: true, durationSec: LESSON_LIMITS.maxStepSec },
      problems,
    );
    for (const p of problems)
      errors.add(
        line,
        `action: ${p.replace(/^at must be ≤/, 'at (seconds after the step starts) must be ≤')}`,
      );
    if (parsed) out.push({ atSec: parsed.atMs / 1000, action: parsed.action, line });
  }
  return out;
}

export function readCheckpoint(
  block: YamlBlock,
  errors: ErrorList,
  users: UserBook,
  firstLine: number,
): Checkpoint | undefined {
  let list: unknown = block.value;
  let listPath: (string | number)[] = [];
  let withinSec: number | undefined = LESSON_LIMITS.defaultWithinSec;
  if (isRecord(block.value)) {
    const f = new Fields(block.value, block, [], errors, 'checkpoint');
    f.only('withinSec', 'all');
    withinSec = f.num('withinSec', { min: 0.1, max: LESSON_LIMITS.maxStepSec }) ?? withinSec;
    list = block.value.all;
    listPath = ['all'];
  }
  const items = listOf(
    block,
    errors,
    'the checkpoint',
    list,
    listPath,
    LESSON_LIMITS.maxPredicates,
  );
  if (!items) return undefined;
  const before = errors.count;
  const predicates = items.flatMap(({ item, path }, i) => {
    if (!isRecord(item)) {
      errors.add(
        block.lineAt(path),
        `checkpoint item ${i + 1} must be a predicate (got ${quote(item)})`,
      );
      return [];
    }
    const p = readPredicate(
      new Fields(item, block, path, errors, `checkpoint item ${i + 1}`),
      users,
    );
    return p ? [p] : [];
  });
  if (errors.count > before) return undefined;
  return { line: firstLine, withinSec, predicates };
}

/** `25%` (relative), `×2` or `2×` (a factor either way), or a plain number (absolute). */
function readTolerance(f: Fields): Tolerance | undefined {
  const v = f.obj.tolerance;
  if (typeof v === 'number' && v >= 0) return { kind: 'absolute', amount: v };
  if (typeof v === 'string') {
    const pct = /^(\d+(?:\.\d+)?)\s*%$/.exec(v.trim());
    if (pct && Number(pct[1]) > 0) return { kind: 'relative', fraction: Number(pct[1]) / 100 };
    const fac = /^(?:[×x]\s*(\d+(?:\.\d+)?)|(\d+(?:\.\d+)?)\s*[×x])$/.exec(v.trim());
    const n = Number(fac?.[1] ?? fac?.[2]);
    if (fac && n > 1) return { kind: 'factor', factor: n };
  }
  f.fail('tolerance', `tolerance must be "25%", "×2" or a number (got ${quote(v)})`);
  return undefined;
}

export function readPrediction(
  block: YamlBlock,
  errors: ErrorList,
  firstLine: number,
): Prediction | undefined {
  if (!isRecord(block.value)) {
    errors.add(
      firstLine,
      'a prediction must be a map with ask, why, overSec and a measure or choices',
    );
    return undefined;
  }
  const f = new Fields(block.value, block, [], errors, 'prediction');
  const before = errors.count;
  const ask = f.str('ask', true);
  const why = f.str('why', true);
  const overSec = f.num('overSec', { required: true, min: 0.1, max: LESSON_LIMITS.maxStepSec });
  if ('choices' in f.obj) {
    f.only('ask', 'why', 'overSec', 'pick', 'choices');
    const pick = f.oneOf('pick', ['highest', 'lowest'] as const, true);
    const items = listOf(
      block,
      errors,
      'choices',
      f.obj.choices,
      ['choices'],
      LESSON_LIMITS.maxChoices,
    );
    const choices = (items ?? []).flatMap(({ item, path }, i) => {
      if (!isRecord(item)) {
        errors.add(block.lineAt(path), `choice ${i + 1} must be {label, measure}`);
        return [];
      }
      const c = new Fields(item, block, path, errors, `choice ${i + 1}`);
      c.only('label', 'measure', 'protocol', 'percentile');
      const label = c.str('label', true);
      const measure = readMeasure(c);
      return label && measure ? [{ label, measure }] : [];
    });
    if (items && items.length < 2)
      errors.add(block.lineAt(['choices']), 'a choice needs at least two choices');
    if (errors.count > before || !ask || !why || !pick || overSec === undefined) return undefined;
    return { kind: 'choice', line: firstLine, ask, why, overSec, pick, choices };
  }
  f.only('ask', 'why', 'overSec', 'measure', 'protocol', 'percentile', 'unit', 'tolerance');
  const measure = readMeasure(f);
  const unit = f.str('unit', true);
  const tolerance = readTolerance(f);
  if (
    errors.count > before ||
    !ask ||
    !why ||
    !measure ||
    !unit ||
    !tolerance ||
    overSec === undefined
  )
    return undefined;
  return { kind: 'number', line: firstLine, ask, why, overSec, measure, unit, tolerance };
}

export function readHints(
  block: YamlBlock,
  errors: ErrorList,
): { hints: string[]; hintLines: number[]; showMe: ControlId | undefined } {
  let list: unknown = block.value;
  let path: (string | number)[] = [];
  let showMe: ControlId | undefined;
  if (isRecord(block.value)) {
    const f = new Fields(block.value, block, [], errors, 'hints');
    f.only('hints', 'showMe');
    const id = f.str('showMe');
    if (id !== undefined && !isControlId(id))
      f.fail(
        'showMe',
        `showMe must name a control (one of ${CONTROL_IDS.join(', ')}) (got ${quote(id)})`,
      );
    else showMe = id;
    list = block.value.hints ?? [];
    path = ['hints'];
    if (Array.isArray(list) && list.length === 0) return { hints: [], hintLines: [], showMe };
  }
  const items = listOf(block, errors, 'hints', list, path, LESSON_LIMITS.maxHints) ?? [];
  const hints: string[] = [];
  const hintLines: number[] = [];
  for (const { item, path: p } of items) {
    if (typeof item !== 'string' || item.trim() === '')
      errors.add(block.lineAt(p), `each hint must be some text (got ${quote(item)})`);
    else {
      hints.push(item.trim());
      hintLines.push(block.lineAt(p));
    }
  }
  return { hints, hintLines, showMe };
}
