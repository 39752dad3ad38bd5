/** The lesson list the build makes from content/ (tools/vite/lessons-plugin.ts). */
declare module 'virtual:lessons' {
  import type { LessonEntry, Source } from '../bridge/lesson-api';
  export const lessons: readonly LessonEntry[];
  export const sources: readonly Source[];
}
