/**
 * The sources lessons cite: content/sources.yaml, one entry per fact, each with the title and
 * address of where a learner can read it. Lessons cite them as `[^id]`; the player renders them
 * as footnotes and on a Sources page.
 */
import { ErrorList, type LessonError } from './errors';
import { Fields, isRecord } from './fields';
import { parseYamlBlock } from './yaml-block';

export const SOURCE_STATUSES = ['checked', 'derived', 'measured', 'estimate'] as const;
/**
 * How sure the number is: checked against its source; worked out from checked inputs; measured
 * on a small machine (order of magnitude); or an estimate the learner should read as one.
 */
export type SourceStatus = (typeof SOURCE_STATUSES)[number];

export interface Source {
  readonly id: string;
  /** The fact, in one sentence, with its number. */
  readonly fact: string;
  /** Where it comes from: a document's title, and its address. */
  readonly title: string;
  readonly url: string | undefined;
  readonly status: SourceStatus;
  /** Where FACTS.md (the project's list of numbers and sources) records it: "§5". */
  readonly section: string;
}

export type SourcesResult =
  { ok: true; sources: readonly Source[] } | { ok: false; errors: readonly LessonError[] };

const ID = /^[a-z0-9][a-z0-9-]{1,63}$/;

export function parseSources(text: string, file = 'content/sources.yaml'): SourcesResult {
  const errors = new ErrorList(file);
  const block = parseYamlBlock(text, 1, errors, 'the sources file');
  if (!block) return { ok: false, errors: errors.errors };
  if (!isRecord(block.value)) {
    errors.add(1, 'the sources file must be a map of source ids to {fact, title, url, status}');
    return { ok: false, errors: errors.errors };
  }
  const sources: Source[] = [];
  for (const [id, entry] of Object.entries(block.value)) {
    const line = block.lineAt([id]);
    if (!ID.test(id))
      errors.add(
        line,
        `source id ${JSON.stringify(id)} must be lower-case letters, digits and dashes`,
      );
    if (!isRecord(entry)) {
      errors.add(line, `source ${id} must be a map {fact, title, url, status}`);
      continue;
    }
    const f = new Fields(entry, block, [id], errors, `source ${id}`);
    f.only('fact', 'title', 'url', 'status', 'section');
    const fact = f.str('fact', true);
    const title = f.str('title', true);
    const url = f.str('url');
    if (url !== undefined && !/^https?:\/\/\S+$/.test(url))
      f.fail('url', 'url must be an http(s) address');
    const status = f.oneOf('status', SOURCE_STATUSES, true);
    const section = f.str('section', true);
    if (section !== undefined && !/^§\d+(\.\d+)?$/.test(section))
      f.fail(
        'section',
        `section must be a FACTS.md section like "§5" or "§6.1" (got ${JSON.stringify(section)})`,
      );
    if (fact && title && status && section) sources.push({ id, fact, title, url, status, section });
  }
  return errors.count ? { ok: false, errors: errors.errors } : { ok: true, sources };
}

/**
 * A step's prose with a Markdown footnote definition for each source it cites, so a GFM
 * renderer shows the citations as footnotes linking to the source.
 */
export function proseWithFootnotes(
  prose: string,
  cited: readonly string[],
  sources: readonly Source[],
): string {
  const byId = new Map(sources.map((s) => [s.id, s]));
  const notes = [...new Set(cited)].flatMap((id) => {
    const s = byId.get(id);
    if (!s) return [];
    const where = s.url ? `[${s.title}](${s.url})` : s.title;
    const label = s.status === 'estimate' ? ' (an estimate)' : '';
    return [`[^${id}]: ${s.fact}${label} — ${where} (FACTS ${s.section})`];
  });
  return notes.length ? `${prose}\n\n${notes.join('\n')}` : prose;
}
