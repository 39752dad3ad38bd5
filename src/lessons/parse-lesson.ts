/**
 * One lesson file → a `Lesson`, or every problem found, each with its file, line and reason.
 * The format (README "Lessons"): YAML front matter, optional intro prose, then one `## ` section
 * per step holding prose and at most one of each fenced block ```actions, ```checkpoint,
 * ```prediction and ```hints (YAML).
 */
import type { Code, RootContent } from 'mdast';
import {
  BLOCK_KINDS,
  readActions,
  readCheckpoint,
  readHints,
  readPrediction,
  type BlockKind,
} from './blocks';
import { ErrorList, type LessonError } from './errors';
import type { UserBook } from './fields';
import { readFrontMatter, type ScenarioReader } from './front-matter';
import { LESSON_LIMITS } from './limits';
import { checkProse, hasText, lineOf, parseMarkdown, sourceOf } from './markdown';
import type { Lesson, LessonStep } from './model';
import { parseYamlBlock } from './yaml-block';
import { utf8Bytes } from '../engine/model/scenario-text';

export type LessonResult =
  { ok: true; lesson: Lesson } | { ok: false; errors: readonly LessonError[] };

export interface ParseOptions {
  /** Reads `scenarios/<name>`; undefined when there is no such file. */
  readonly readScenario: ScenarioReader;
  /** Ids of content/sources.yaml; a citation of any other id is an error. */
  readonly sourceIds: ReadonlySet<string>;
}

/** `NN-slug.md`: the number orders the lesson list. */
const FILE_NAME = /(?:^|\/)(\d{2})-[a-z0-9-]+\.md$/;

interface StepDraft {
  title: string;
  line: number;
  nodes: RootContent[];
  blocks: Map<BlockKind, Code>;
}

export function parseLesson(text: string, file: string, opts: ParseOptions): LessonResult {
  const errors = new ErrorList(file);
  const fail = (): LessonResult => ({ ok: false, errors: errors.errors });
  const bytes = utf8Bytes(text);
  if (bytes > LESSON_LIMITS.maxLessonBytes) {
    errors.add(
      1,
      `the lesson is ${bytes} bytes, over the limit of ${LESSON_LIMITS.maxLessonBytes} (split it into two lessons)`,
    );
    return fail();
  }
  const order = FILE_NAME.exec(file);
  if (!order)
    errors.add(
      1,
      'a lesson file is named NN-slug.md (two digits, then lower-case words joined by dashes)',
    );

  const root = parseMarkdown(text);
  const [first, ...rest] = root.children;
  if (first?.type !== 'yaml') {
    errors.add(
      1,
      'a lesson starts with YAML front matter between --- lines (id, title, summary, minutes, scenario)',
    );
    return fail();
  }
  const fmBlock = parseYamlBlock(first.value, lineOf(first) + 1, errors, 'the front matter');
  const fm = fmBlock && readFrontMatter(fmBlock, errors, opts.readScenario);

  const intro: RootContent[] = [];
  const drafts: StepDraft[] = [];
  for (const node of rest) {
    const step = drafts.at(-1);
    if (node.type === 'heading' && node.depth <= 2) {
      if (node.depth === 1)
        errors.add(lineOf(node), 'the title belongs in the front matter; steps are "## " headings');
      const title = sourceOf(text, node.children as RootContent[]).trim();
      drafts.push({ title, line: lineOf(node), nodes: [], blocks: new Map() });
      continue;
    }
    if (node.type === 'code' && (BLOCK_KINDS as readonly string[]).includes(node.lang ?? '')) {
      const kind = node.lang as BlockKind;
      if (!step)
        errors.add(
          lineOf(node),
          `a \`\`\`${kind} block belongs to a step: put it under a "## " heading`,
        );
      else if (step.blocks.has(kind))
        errors.add(
          lineOf(node),
          `this step already has a \`\`\`${kind} block (line ${lineOf(step.blocks.get(kind)!)})`,
        );
      else step.blocks.set(kind, node);
      continue;
    }
    if (node.type === 'code' && /^(action|checkpoint|prediction|hint)/.test(node.lang ?? ''))
      errors.add(
        lineOf(node),
        `unknown block \`\`\`${node.lang}: the lesson blocks are ${BLOCK_KINDS.join(', ')}`,
      );
    (step ? step.nodes : intro).push(node);
  }

  const cited: string[] = [];
  checkProse(intro, errors, cited);
  if (drafts.length === 0)
    errors.add(lineOf(first), 'a lesson has at least one step: a "## " heading with text under it');
  if (drafts.length > LESSON_LIMITS.maxSteps)
    errors.add(
      drafts[LESSON_LIMITS.maxSteps]!.line,
      `a lesson has at most ${LESSON_LIMITS.maxSteps} steps`,
    );
  if (!fm) return fail();

  const users: UserBook = {
    names: fm.scenario.names,
    byName: new Map([...fm.scenario.names].map(([n, name]) => [name.toLowerCase(), n])),
  };
  const steps = drafts.map((d, index) => readStep(d, index, text, users, errors, cited));
  for (const c of new Set(cited))
    if (!opts.sourceIds.has(c)) {
      const at = text.indexOf(`[^${c}]`);
      errors.add(
        text.slice(0, at).split('\n').length,
        `[^${c}] cites a source that content/sources.yaml does not list`,
      );
    }
  if (errors.count) return fail();
  return {
    ok: true,
    lesson: {
      id: fm.id,
      file,
      order: Number(order![1]),
      title: fm.title,
      summary: fm.summary,
      minutes: fm.minutes,
      scenario: fm.scenarioJson,
      scenarioFile: fm.scenarioFile,
      intro: sourceOf(text, intro),
      steps,
      sources: [...new Set(cited)],
    },
  };
}

function readStep(
  d: StepDraft,
  index: number,
  text: string,
  users: UserBook,
  errors: ErrorList,
  lessonCited: string[],
): LessonStep {
  const cited: string[] = [];
  if (d.title === '') errors.add(d.line, 'a step heading needs a title');
  if (!hasText(d.nodes))
    errors.add(d.line, `step "${d.title}" has no text: say what the learner does and why`);
  checkProse(d.nodes, errors, cited);
  const yaml = (kind: BlockKind) => {
    const node = d.blocks.get(kind);
    return (
      node && {
        node,
        block: parseYamlBlock(node.value, lineOf(node) + 1, errors, `the ${kind} block`),
      }
    );
  };
  const a = yaml('actions');
  const c = yaml('checkpoint');
  const p = yaml('prediction');
  const h = yaml('hints');
  const hints = h?.block
    ? readHints(h.block, errors)
    : { hints: [], hintLines: [], showMe: undefined };
  hints.hints.forEach((hint, i) =>
    checkProse(parseMarkdown(hint).children, lineShift(errors, hints.hintLines[i]!), cited),
  );
  lessonCited.push(...cited);
  return {
    index,
    title: d.title,
    line: d.line,
    prose: sourceOf(text, d.nodes),
    sources: [...new Set(cited)],
    actions: a?.block ? readActions(a.block, errors, users) : [],
    checkpoint: c?.block ? readCheckpoint(c.block, errors, users, lineOf(c.node)) : undefined,
    prediction: p?.block ? readPrediction(p.block, errors, lineOf(p.node)) : undefined,
    hints: hints.hints,
    showMe: hints.showMe,
  };
}

/** An error list that reports at `line` of the file whatever line a nested parse found. */
function lineShift(errors: ErrorList, line: number): ErrorList {
  return { add: (_l: number, reason: string) => errors.add(line, reason) } as ErrorList;
}
