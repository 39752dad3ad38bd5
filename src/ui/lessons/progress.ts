/** A learner's progress through lessons, kept in IndexedDB so a reload resumes where they were. */
import { openDB, type IDBPDatabase } from 'idb';

export interface LessonProgress {
  readonly step: number;
  /** Steps whose checkpoint was met. */
  readonly met: readonly number[];
  /** Graded predictions, by step: the true answer and whether the guess was right. */
  readonly graded: Readonly<
    Record<number, { right: boolean; answer: string; explanation: string }>
  >;
}

const DB = 'doubletick-lessons';
const STORE = 'progress';
const FIRST_VISIT_KEY = '~start-here-offered';

let db: Promise<IDBPDatabase> | undefined;
const open = (): Promise<IDBPDatabase> =>
  (db ??= openDB(DB, 1, {
    upgrade(d) {
      d.createObjectStore(STORE);
    },
  }));

export async function loadProgress(lessonId: string): Promise<LessonProgress | undefined> {
  try {
    return (await (await open()).get(STORE, lessonId)) as LessonProgress | undefined;
  } catch {
    return undefined;
  }
}

export async function saveProgress(lessonId: string, p: LessonProgress): Promise<void> {
  try {
    await (await open()).put(STORE, p, lessonId);
  } catch {
    // Private windows may refuse storage: the lesson still works, it just will not resume.
  }
}

export async function clearProgress(lessonId: string): Promise<void> {
  try {
    await (await open()).delete(STORE, lessonId);
  } catch {
    // As above.
  }
}

/** Whether "Start here" was already offered (and so is not offered again). */
export async function startHereOffered(): Promise<boolean> {
  try {
    return (await (await open()).get(STORE, FIRST_VISIT_KEY)) === true;
  } catch {
    return true;
  }
}

export async function markStartHereOffered(): Promise<void> {
  try {
    await (await open()).put(STORE, true, FIRST_VISIT_KEY);
  } catch {
    // As above.
  }
}
