// A lesson step as a run record (what `embed.html?lesson=<id>&step=<n>` opens): opened in the
// one-thread host, it stands where the headless replay of the earlier steps stands — the same
// virtual time and the same trace hash — and the step it lands on starts unmet.
import { describe, expect, it } from 'vitest';
import { readLessonFiles } from '../../src/cli/lesson-files';
import { buildReport } from '../../src/engine/sim/report';
import { describeErrors, loadLessons } from '../../src/lessons/load-lessons';
import { replayLesson } from '../../src/lessons/replay';
import { lessonStepRecord } from '../../src/runtime/lesson-step-record';
import { LocalPlayground } from '../../src/runtime/local-playground';

const set = loadLessons(readLessonFiles());
if (!set.ok) throw new Error(describeErrors(set.errors));
const clock = { nowMs: () => 0, nextFrame: () => () => undefined };

describe('a lesson step as a run record', () => {
  for (const [id, step] of [
    ['start-here', 1],
    ['router-not-librarian', 3],
    ['start-here', 4],
  ] as const) {
    it(`${id} step ${step} opens where the replay of the earlier steps stands`, async () => {
      const lesson = set.lessons.find((l) => l.id === id)!;
      const record = lessonStepRecord(lesson, step);
      const host = new LocalPlayground(clock);
      expect(await host.open(record)).toEqual({ ok: true });
      const snap = await host.snapshot();
      expect(snap.nowMs).toBe(record.reached.ms);
      if (step === 1) {
        expect(record.inputs).toEqual([]);
        expect(snap.nowMs).toBe(0);
        return;
      }
      const replay = replayLesson(lesson, { throughStep: step - 2 });
      expect(snap.nowMs).toBe(replay.steps.at(-1)!.endedAtMs);
      expect(snap.report.traceHash).toBe(buildReport(replay.sim).traceHash);
      await host.watchLesson(lesson, step - 1);
      expect((await host.lessonStatus())!.met).toBe(false);
    });
  }

  it('refuses a step the lesson does not have', () => {
    const lesson = set.lessons.find((l) => l.id === 'start-here')!;
    expect(() => lessonStepRecord(lesson, 0)).toThrow(/steps 1 to/);
    expect(() => lessonStepRecord(lesson, lesson.steps.length + 1)).toThrow(/steps 1 to/);
  });
});
