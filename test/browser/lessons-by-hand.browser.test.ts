// The lessons whose steps a learner does in the playground's own controls, completed by hand in
// headless Chromium at 100× (by role and label, no "Do it for me"): each checkpoint met in turn,
// the predictions locked in and graded against a fresh seed, and a reload mid-lesson that resumes
// at the same step with the same checkpoints met.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readLessonFiles } from '../../src/cli/lesson-files';
import { describeErrors, loadLessons } from '../../src/lessons/load-lessons';
import { Learner } from './playground/learner';
import { LessonLearner, WAIT } from './playground/lesson-learner';
import { pageSuite } from './playground/page-suite';

const FAST = '100';
const set = loadLessons(readLessonFiles());
if (!set.ok) throw new Error(describeErrors(set.errors));

/** What the learner does in step k (from 1); steps not listed are watched until their checkpoint is met. */
type ByHand = Readonly<Record<number, (l: Learner, p: Page) => Promise<void>>>;

/**
 * The spike the New Year's Eve steps fire, set in the spike's own controls as the lesson says
 * (1,000 phones within a second; messages each left at "none": the checkpoints count connections).
 */
async function fireSpike(p: Page): Promise<void> {
  const s = p.getByRole('group', { name: "New Year's Eve spike", exact: true });
  await s.getByLabel('Phones', { exact: true }).selectOption({ label: '1,000' });
  await s.getByLabel('Within').selectOption({ label: '1 s' });
  await s.getByLabel('Spike protocol').selectOption({ label: 'MQTT' });
  await s.getByRole('button', { name: 'Fire spike' }).click();
}

/**
 * Two settings and a spike at the same moment: the learner pauses, sets, fires, and plays on (at
 * 100× a wall second between two clicks is 100 virtual seconds).
 */
async function paused(p: Page, fn: () => Promise<void>): Promise<void> {
  const time = p.getByRole('group', { name: 'Time' });
  await time.getByRole('button', { name: 'Pause' }).click();
  await fn();
  await time.getByRole('button', { name: 'Play' }).click();
}

const retryThenSpike =
  (label: string) =>
  async (l: Learner, p: Page): Promise<void> =>
    paused(p, async () => {
      await l.setRetry(label);
      await fireSpike(p);
    });

const LESSONS: readonly {
  id: string;
  byHand: ByHand;
  /** The guesses, by step: a number, or the label of a choice (and whether it must be right). */
  guesses: Readonly<Record<number, { guess: number | string; right?: boolean }>>;
  /** Reload once this step is reached. */
  reloadAt: number;
}[] = [
  {
    id: 'connection-problem',
    byHand: {},
    guesses: { 5: { guess: 'short polling', right: true }, 6: { guess: 3000 } },
    reloadAt: 3,
  },
  {
    id: 'two-million-connections',
    byHand: {
      1: (l) => l.spawn('1,000', 'MQTT'),
      3: (l) => l.spawn('1,000', 'MQTT'),
      5: (l) => l.spawn('1,000', 'MQTT'),
    },
    guesses: { 6: { guess: 25_000 } },
    reloadAt: 4,
  },
  {
    id: 'new-years-eve',
    byHand: {
      1: (_l, p) => fireSpike(p),
      3: retryThenSpike('No jitter (retry after 1 s)'),
      4: retryThenSpike('Exponential backoff, full jitter'),
      5: retryThenSpike('Jitter 1–5 s'),
      6: (_l, p) =>
        paused(p, async () => {
          // A controlled checkbox: it shows the change once the host has taken the input.
          const backpressure = p
            .getByRole('group', { name: 'Gateway', exact: true })
            .getByRole('checkbox', { name: 'Backpressure' });
          await backpressure.click();
          await expect.poll(() => backpressure.isChecked(), WAIT).toBe(false);
          await fireSpike(p);
        }),
    },
    guesses: { 6: { guess: 10 } },
    reloadAt: 3,
  },
];

describe('lessons done by hand in a real browser', () => {
  const suite = pageSuite({ build: 'lessons-by-hand-build' });

  const fast = (p: Page) => p.getByRole('combobox', { name: 'Speed' }).first().selectOption(FAST);

  it.each(LESSONS.map((l) => [l.id, l] as const))(
    'completes %s by hand, checkpoint by checkpoint, through a reload',
    async (id, plan) => {
      const lesson = set.lessons.find((l) => l.id === id)!;
      const p = await suite.open(`?lesson=${id}&step=1`);
      const ls = new LessonLearner(p);
      const learner = new Learner(p);
      const n = lesson.steps.length;
      await p.getByText('Chat Gateway').first().waitFor(WAIT);
      await fast(p);
      for (const step of lesson.steps) {
        const k = step.index + 1;
        await ls.atStep(k, n);
        if (k === plan.reloadAt) {
          const before = await ls.metCount();
          expect(before, 'the earlier steps are met').toBe(
            lesson.steps.slice(0, k - 1).filter((s) => s.checkpoint).length,
          );
          await p.reload();
          await ls.atStep(k, n);
          expect(new URL(p.url()).searchParams.get('step')).toBe(String(k));
          await expect.poll(() => ls.metCount(), WAIT).toBe(before);
          await p.getByText('Chat Gateway').first().waitFor(WAIT);
          // The buttons wait until the world of the earlier steps is rebuilt.
          await ls.pane.getByText(/Preparing the run/).waitFor({ state: 'hidden', ...WAIT });
          await fast(p);
        }
        const guess = plan.guesses[k];
        if (guess) {
          const grade = await ls.predict(guess.guess);
          expect(grade).toMatch(/seed \d+/);
          if (guess.right) expect(grade).toMatch(/✔ Right\./);
        }
        await plan.byHand[k]?.(learner, p);
        if (step.checkpoint) await ls.met(`${id} step ${k}`);
        await expect
          .poll(() => ls.metCount(), WAIT)
          .toBe(lesson.steps.slice(0, k).filter((s) => s.checkpoint).length);
        if (k < n) await ls.next();
      }
    },
    // Generous: waits are bounds, not goals; a busy machine runs the spike steps slowly.
    600_000,
  );
});
