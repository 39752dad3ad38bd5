/** Reads the lesson content tree from disk: content/lessons/*.md, content/sources.yaml, scenarios/. */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import type { LessonFiles } from '../lessons/load-lessons';

/** The repository root: the folder holding content/ and scenarios/. */
export const REPO_ROOT = resolve(dirname(new URL(import.meta.url).pathname), '../..');

const readDir = (dir: string, ext: string): string[] =>
  readdirSync(dir)
    .filter((f) => f.endsWith(ext))
    .sort();

/** All lessons (or just `only`, a path to one lesson file) with what they refer to. */
export function readLessonFiles(root = REPO_ROOT, only?: string): LessonFiles {
  const scenarios = new Map(
    readDir(join(root, 'scenarios'), '.json').map((f) => [
      f,
      readFileSync(join(root, 'scenarios', f), 'utf8'),
    ]),
  );
  const lessonDir = join(root, 'content/lessons');
  const paths = only ? [resolve(only)] : readDir(lessonDir, '.md').map((f) => join(lessonDir, f));
  const lessons = new Map(
    paths.map((p) => {
      const rel = relative(root, p);
      return [rel.startsWith('..') ? basename(p) : rel, readFileSync(p, 'utf8')] as const;
    }),
  );
  return { lessons, scenarios, sources: readFileSync(join(root, 'content/sources.yaml'), 'utf8') };
}
