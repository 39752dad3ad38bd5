/** A lesson as the page receives it: the parsed lesson with its prose and hints as prose trees. */
import type { Lesson } from './model';
import { proseTree, type ProseNode } from './prose-tree';

export interface LessonContent {
  readonly lesson: Lesson;
  readonly intro: readonly ProseNode[];
  readonly steps: readonly {
    readonly prose: readonly ProseNode[];
    readonly hints: readonly (readonly ProseNode[])[];
  }[];
}

export const lessonContent = (lesson: Lesson): LessonContent => ({
  lesson,
  intro: proseTree(lesson.intro),
  steps: lesson.steps.map((s) => ({ prose: proseTree(s.prose), hints: s.hints.map(proseTree) })),
});
