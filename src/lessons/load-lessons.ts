/**
 * Parses a set of lesson files given as text (the caller reads them: the CLI and the build from
 * disk, the page from its bundle), with the scenarios and sources they refer to. Pure.
 */
import { formatLessonError, type LessonError } from './errors';
import type { Lesson } from './model';
import { parseLesson } from './parse-lesson';
import { parseSources, type Source } from './sources';

export interface LessonFiles {
  /** `content/lessons/NN-slug.md` → its text. */
  readonly lessons: ReadonlyMap<string, string>;
  /** `name.json` of scenarios/ → its text. */
  readonly scenarios: ReadonlyMap<string, string>;
  /** The text of content/sources.yaml. */
  readonly sources: string;
}

export type LessonSet =
  | { ok: true; lessons: readonly Lesson[]; sources: readonly Source[] }
  | { ok: false; errors: readonly LessonError[] };

export function loadLessons(files: LessonFiles): LessonSet {
  const src = parseSources(files.sources);
  if (!src.ok) return src;
  const sourceIds = new Set(src.sources.map((s) => s.id));
  const errors: LessonError[] = [];
  const lessons: Lesson[] = [];
  for (const [file, text] of files.lessons) {
    const r = parseLesson(text, file, { readScenario: (n) => files.scenarios.get(n), sourceIds });
    if (r.ok) lessons.push(r.lesson);
    else errors.push(...r.errors);
  }
  const byId = new Map<string, string>();
  for (const l of lessons) {
    const other = byId.get(l.id);
    if (other)
      errors.push({ file: l.file, line: 2, reason: `id ${l.id} is also the id of ${other}` });
    byId.set(l.id, l.file);
  }
  if (errors.length) return { ok: false, errors };
  lessons.sort((a, b) => a.order - b.order || a.file.localeCompare(b.file));
  return { ok: true, lessons, sources: src.sources };
}

/** Every error as `file:line: reason`, one a line. */
export const describeErrors = (errors: readonly LessonError[]): string =>
  errors.map(formatLessonError).join('\n');
