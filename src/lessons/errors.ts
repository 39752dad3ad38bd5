/** A problem in a lesson file, located so an author can go straight to it. */
export interface LessonError {
  readonly file: string;
  /** 1-based line in the file (1 when the problem is the file as a whole). */
  readonly line: number;
  readonly reason: string;
}

/** `content/lessons/01-router.md:14: the checkpoint names an unknown predicate "tick"`. */
export const formatLessonError = (e: LessonError): string => `${e.file}:${e.line}: ${e.reason}`;

/** Collects errors against one file; `at` turns a line and a reason into an error. */
export class ErrorList {
  readonly errors: LessonError[] = [];
  constructor(readonly file: string) {}

  add(line: number, reason: string): void {
    this.errors.push({ file: this.file, line: Math.max(1, line), reason });
  }

  get count(): number {
    return this.errors.length;
  }
}

/** Quotes at most a short piece of what an author wrote, so an error never echoes a whole file. */
export function quote(x: unknown): string {
  const s = typeof x === 'string' ? x : (JSON.stringify(x) ?? String(x));
  const short = s.length > 60 ? `${s.slice(0, 57)}…` : s;
  return JSON.stringify(short);
}
