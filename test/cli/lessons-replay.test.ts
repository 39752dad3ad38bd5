/**
 * Every lesson in content/lessons, replayed headless as `sim lesson` does: each step's "Do it for
 * me" actions must meet its checkpoint, so an engine change that breaks a lesson's story fails here.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lessonResults, runLessonCommand } from '../../src/cli/lesson';
import { readLessonFiles } from '../../src/cli/lesson-files';
import { describeErrors, loadLessons } from '../../src/lessons/load-lessons';

const set = loadLessons(readLessonFiles());
if (!set.ok) throw new Error(describeErrors(set.errors));

describe('every lesson replays headless', () => {
  it('has the lessons the page offers, each 5–10 steps', () => {
    expect(set.lessons.map((l) => l.order)).toEqual([...set.lessons.keys()]);
    for (const l of set.lessons) {
      expect(l.steps.length, l.file).toBeGreaterThanOrEqual(5);
      expect(l.steps.length, l.file).toBeLessThanOrEqual(10);
      expect(l.steps.at(-1)!.prediction, `${l.file} ends in a check-yourself`).toBeDefined();
    }
  });

  for (const lesson of set.lessons)
    it(`${lesson.file}: every checkpoint is met`, () => {
      const r = lessonResults(lesson);
      const unmet = r.steps
        .filter((s) => !s.met)
        .map((s) => `step ${s.step}: ${s.missing.join('; ')}`);
      expect(unmet).toEqual([]);
      for (const s of r.steps.filter((x) => x.prediction))
        expect(
          s.prediction!.values.every((v) => v !== null),
          `step ${s.step} measures something`,
        ).toBe(true);
    });

  it('sim lesson exits 1 and names the step when a checkpoint is not met', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lesson-'));
    const file = join(dir, '01-broken.md');
    writeFileSync(
      file,
      `---\nid: broken\ntitle: Broken\nsummary: x\nminutes: 1\nscenario: online-delivery.json\n---\n\n## Wait\n\nNothing happens.\n\n\`\`\`checkpoint\nwithinSec: 2\nall:\n  - stored: { for: bob, messages: 5 }\n\`\`\`\n`,
    );
    const out: string[] = [];
    const code = runLessonCommand([file, '--json'], {
      stdout: (l) => out.push(l),
      stderr: (l) => out.push(l),
    });
    expect(code).toBe(1);
    const json = JSON.parse(out[0]!) as {
      passed: boolean;
      steps: { step: number; met: boolean; missing: string[] }[];
    };
    expect(json.passed).toBe(false);
    expect(json.steps[0]).toMatchObject({ step: 1, met: false });
    expect(json.steps[0]!.missing[0]).toMatch(/Bob/);
  });
});
