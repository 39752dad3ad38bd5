/**
 * The lessons in the build: every file of content/lessons is parsed when the build starts (a
 * malformed lesson stops `npm run build` with its file, line and reason), and the page gets them
 * as plain data — `virtual:lessons` lists them, and each lesson is its own chunk, loaded only when
 * a learner opens it. The page never parses Markdown or YAML, and never receives HTML.
 */
import type { Plugin } from 'vite';
import { readLessonFiles } from '../../src/cli/lesson-files';
import { describeErrors, loadLessons, type LessonSet } from '../../src/lessons/load-lessons';
import { lessonContent } from '../../src/lessons/lesson-content';

const INDEX = 'virtual:lessons';
const ONE = 'virtual:lesson/';
const resolved = (id: string): string => `\0${id}`;

export function lessonsPlugin(): Plugin {
  let root = process.cwd();
  let set: Extract<LessonSet, { ok: true }> | undefined;
  const load = (): Extract<LessonSet, { ok: true }> => {
    const r = loadLessons(readLessonFiles(root));
    if (!r.ok) throw new Error(`malformed lesson:\n${describeErrors(r.errors)}`);
    return r;
  };
  return {
    name: 'doubletick-lessons',
    configResolved(c) {
      root = c.root;
    },
    buildStart() {
      set = load();
      for (const f of ['content/lessons', 'content/sources.yaml', 'scenarios'])
        this.addWatchFile(`${root}/${f}`);
    },
    resolveId(id) {
      return id === INDEX || id.startsWith(ONE) ? resolved(id) : undefined;
    },
    load(id) {
      if (id === resolved(INDEX)) {
        set = load();
        const entries = set.lessons.map(
          (l) =>
            `{ id: ${JSON.stringify(l.id)}, order: ${l.order}, title: ${JSON.stringify(l.title)}, summary: ${JSON.stringify(l.summary)}, minutes: ${l.minutes}, steps: ${l.steps.length}, load: () => import(${JSON.stringify(ONE + l.id)}) }`,
        );
        return `export const lessons = [\n${entries.join(',\n')}\n];\nexport const sources = ${JSON.stringify(set.sources)};\n`;
      }
      if (id.startsWith(resolved(ONE))) {
        const lessonId = id.slice(resolved(ONE).length);
        const lesson = (set ?? load()).lessons.find((l) => l.id === lessonId);
        if (!lesson) throw new Error(`no lesson with id ${lessonId}`);
        return `export default ${JSON.stringify(lessonContent(lesson))};\n`;
      }
      return undefined;
    },
    handleHotUpdate(ctx) {
      if (/content[\\/]|scenarios[\\/]/.test(ctx.file)) set = undefined;
    },
  };
}
