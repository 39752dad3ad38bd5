// The lesson player in headless Chromium, driven as a learner drives it (by role and label): the
// "Start here" offer on a first visit, a lesson completed checkpoint by checkpoint with its
// prediction graded, a reload that resumes at the same step with the same checkpoints met, presenter
// mode, axe in light and dark, and screenshots of every lesson's first and last step.
import AxeBuilder from '@axe-core/playwright';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readLessonFiles } from '../../src/cli/lesson-files';
import { describeErrors, loadLessons } from '../../src/lessons/load-lessons';
import { Learner } from './playground/learner';
import { pageSuite, type PageOptions } from './playground/page-suite';
import { ROOT } from './playground/serve';

const SHOTS = join(ROOT, 'test-results', 'lessons');
const WAIT = { timeout: 30_000 };
/**
 * A fast entry of the page's Speed control: 100 virtual seconds a wall second. "Do it for me"
 * actions are planned with the host at their virtual instants and checkpoints are judged on the
 * run's virtual time, so the speed (and a loaded machine) cannot make a step miss its window.
 */
const FAST = '100';
const set = loadLessons(readLessonFiles());
if (!set.ok) throw new Error(describeErrors(set.errors));

describe('lessons in a real browser', () => {
  const suite = pageSuite({ build: 'lessons-build', shots: SHOTS });
  const open = (query = '', opts: PageOptions = {}): Promise<Page> => suite.open(query, opts);

  const pane = (p: Page) => p.getByRole('region', { name: 'Lesson' });
  const checkpoint = (p: Page) => pane(p).getByRole('region', { name: 'Checkpoint' });
  const stepTitle = (p: Page) => pane(p).getByRole('heading', { level: 3 }).first();

  /** Waits for the step's checkpoint to be met; if it is not, says what the pane says is missing. */
  async function met(p: Page, what: string): Promise<void> {
    try {
      await checkpoint(p).getByText('✔ Checkpoint met').waitFor(WAIT);
    } catch {
      const at = await p.getByLabel('Virtual time').first().textContent();
      throw new Error(`${what}: ${await checkpoint(p).textContent()} (virtual time ${at})`);
    }
  }

  async function axe(p: Page, what: string): Promise<void> {
    const r = await new AxeBuilder({ page: p }).include('.ls-pane').analyze();
    const found = r.violations.map(
      (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
    expect(found, `axe in ${what}`).toEqual([]);
  }

  it('offers Start here on a first visit, and the tour can be taken, resumed after a reload, and finished', async () => {
    const p = await open();
    const offer = p.getByRole('region', { name: 'New here?' });
    await offer.getByRole('button', { name: 'Start here' }).click();
    await expect
      .poll(() => stepTitle(p).textContent(), WAIT)
      .toMatch(/Step 1 of 5: Send a message/);

    // Step 1 by hand, as a learner: Alice sends Bob a message.
    await p.getByRole('region', { name: "Alice's phone" }).waitFor();
    await new Learner(p).send('Alice', 'Bob', 'Hello from the tour');
    await checkpoint(p).getByText('✔ Checkpoint met').waitFor(WAIT);
    await pane(p).getByRole('button', { name: 'Next' }).click();
    await expect.poll(() => stepTitle(p).textContent(), WAIT).toMatch(/Step 2 of 5/);
    expect(await p.evaluate(() => document.activeElement?.id)).toBe('ls-step-title');

    // Step 2 with a hint, "Show me" and "Do it for me".
    await pane(p).getByRole('button', { name: 'Hint' }).click();
    await pane(p).getByRole('list', { name: 'Hints' }).getByRole('listitem').first().waitFor();
    await pane(p).getByRole('button', { name: 'Show me' }).click();
    expect(await p.evaluate(() => document.activeElement?.textContent ?? '')).toMatch(
      /Go (offline|online)/,
    );
    await pane(p).getByRole('button', { name: 'Do it for me' }).click();
    await checkpoint(p).getByText('✔ Checkpoint met').waitFor(WAIT);
    await axe(p, 'the player (light)');
    await p.screenshot({ path: join(SHOTS, 'start-here-step2.png') });

    // A reload mid-lesson resumes at the same step with the same checkpoints met.
    await p.reload();
    await expect
      .poll(() => stepTitle(p).textContent(), WAIT)
      .toMatch(/Step 2 of 5: Take Bob offline/);
    expect(new URL(p.url()).searchParams.get('step')).toBe('2');
    const steps = pane(p).getByRole('navigation', { name: 'Steps' });
    await expect
      .poll(() => steps.getByRole('button', { name: /checkpoint met/ }).count(), WAIT)
      .toBe(2);
    expect(await p.getByRole('region', { name: 'New here?' }).count()).toBe(0);
    // The world is as step 1 left it; step 2 is done again (its checkpoint stays met).
    await checkpoint(p).getByText('✔ Checkpoint met').waitFor(WAIT);
    await pane(p).getByRole('button', { name: 'Do it for me' }).click();
    await p.getByRole('region', { name: "Bob's phone" }).getByText('offline').first().waitFor(WAIT);

    // Steps 3 and 4, then the check-yourself prediction, graded against a fresh seed.
    for (const n of [3, 4]) {
      await pane(p)
        .getByRole('button', { name: /Next|Skip/ })
        .click();
      await expect
        .poll(() => stepTitle(p).textContent(), WAIT)
        .toMatch(new RegExp(`Step ${n} of 5`));
      await pane(p).getByRole('button', { name: 'Do it for me' }).click();
      await checkpoint(p).getByText('✔ Checkpoint met').waitFor(WAIT);
    }
    await pane(p).getByRole('button', { name: 'Next' }).click();
    await expect
      .poll(() => stepTitle(p).textContent(), WAIT)
      .toMatch(/Step 5 of 5: Check yourself/);
    const form = pane(p).getByRole('form', { name: 'Prediction' });
    await form.getByLabel('Your guess (messages)').fill('3');
    await form.getByRole('button', { name: 'Lock in and run' }).click();
    await form.getByRole('status').getByText('✔ Right.').waitFor(WAIT);
    expect(await form.getByRole('status').textContent()).toMatch(/seed \d+ measured 3 messages/);
    await pane(p).getByRole('button', { name: 'Do it for me' }).click();
    await checkpoint(p).getByText('✔ Checkpoint met').waitFor(WAIT);
    await expect
      .poll(() => steps.getByRole('button', { name: /checkpoint met/ }).count(), WAIT)
      .toBe(5);

    // Presenter mode hides the controls; the arrow keys move between steps.
    await pane(p).getByRole('button', { name: 'Presenter mode' }).click();
    await expect
      .poll(() => p.getByRole('complementary', { name: 'Controls' }).isVisible())
      .toBe(false);
    await p.keyboard.press('ArrowLeft');
    await expect.poll(() => stepTitle(p).textContent(), WAIT).toMatch(/Step 4 of 5/);
    await axe(p, 'presenter mode (light)');
    await p.screenshot({ path: join(SHOTS, 'start-here-presenter.png') });
  });

  it('opens a lesson from the Lessons menu, shows its sources, and passes axe in dark', async () => {
    const p = await open('', { colorScheme: 'dark' });
    await p
      .getByRole('region', { name: 'New here?' })
      .getByRole('button', { name: 'Not now' })
      .click();
    await p.getByText('Lessons', { exact: true }).click();
    await p
      .getByRole('list', { name: 'Lessons' })
      .getByRole('button', { name: /Two million connections/ })
      .click();
    await expect.poll(() => stepTitle(p).textContent(), WAIT).toMatch(/Step 1 of 6/);
    const cite = pane(p)
      .getByRole('button', { name: /^Source \d+$/ })
      .first();
    await cite.click();
    const sources = pane(p).getByRole('region', { name: 'Sources' });
    await sources.getByRole('link', { name: /1 million is so 2011/ }).waitFor();
    expect(
      await sources.getByRole('link', { name: /1 million is so 2011/ }).getAttribute('href'),
    ).toBe('https://blog.whatsapp.com/1-million-is-so-2011');
    expect(await sources.textContent()).toMatch(/FACTS\.md §5/);
    await axe(p, 'the player (dark)');
    await pane(p).getByRole('button', { name: 'Presenter mode' }).click();
    await axe(p, 'presenter mode (dark)');
    // A reload after dismissing does not offer Start here again.
    await p.reload();
    await stepTitle(p).waitFor(WAIT);
    expect(await p.getByRole('region', { name: 'New here?' }).count()).toBe(0);
  });

  // Every lesson whose steps all script their actions is completed here as a learner would, at
  // 100×: "Do it for me" on each step, its checkpoint met, its prediction locked in and graded.
  // (The tour above is done partly by hand; the lessons with steps a learner does in the
  // playground's controls are done by hand in lessons-by-hand.browser.test.ts.)
  const scripted = set.lessons.filter(
    (l) => l.id !== 'start-here' && l.steps.every((s) => s.actions.length > 0 || !s.checkpoint),
  );
  it.each(scripted.map((l) => [l.id, l] as const))(
    'completes %s step by step',
    async (_id, lesson) => {
      const p = await open(`?lesson=${lesson.id}&step=1`);
      // The world is on screen before the learner acts on it.
      await p.getByText('Chat Gateway').first().waitFor(WAIT);
      const n = lesson.steps.length;
      const steps = pane(p).getByRole('navigation', { name: 'Steps' });
      for (const step of lesson.steps) {
        const k = step.index + 1;
        await expect
          .poll(() => stepTitle(p).textContent(), WAIT)
          .toMatch(new RegExp(`Step ${k} of ${n}`));
        await p.getByRole('combobox', { name: 'Speed' }).first().selectOption(FAST);
        if (step.prediction) {
          const form = pane(p).getByRole('form', { name: 'Prediction' });
          if (step.prediction.kind === 'number') await form.getByRole('spinbutton').fill('1');
          else await form.getByRole('radio').first().check();
          await form.getByRole('button', { name: 'Lock in and run' }).click();
          await form
            .getByRole('status')
            .getByText(/✔ Right\.|✖ Not quite\./)
            .waitFor(WAIT);
          expect(await form.getByRole('status').textContent()).toMatch(/seed \d+ measured/);
        }
        if (step.actions.length > 0)
          await pane(p).getByRole('button', { name: 'Do it for me' }).click();
        if (step.checkpoint) await met(p, `${lesson.id} step ${k}`);
        // As the headless replay does, move on once the step's actions have all been given.
        if (step.actions.length > 0)
          await pane(p).getByRole('button', { name: 'Do it for me' }).waitFor(WAIT);
        await expect
          .poll(() => steps.getByRole('button', { name: /checkpoint met/ }).count(), WAIT)
          .toBe(lesson.steps.slice(0, k).filter((s) => s.checkpoint).length);
        if (k < n) await pane(p).getByRole('button', { name: 'Next' }).click();
      }
    },
    240_000,
  );

  it("screenshots every lesson's first and last step", async () => {
    for (const lesson of set.lessons)
      for (const [label, step] of [
        ['first', 1],
        ['last', lesson.steps.length],
      ] as const) {
        const p = await open(`?lesson=${lesson.id}&step=${step}`);
        await expect
          .poll(() => stepTitle(p).textContent(), WAIT)
          .toMatch(new RegExp(`Step ${step} of ${lesson.steps.length}`));
        await p.getByText('Chat Gateway').first().waitFor(WAIT);
        await p.waitForTimeout(1500);
        const name = `${lesson.id}-${label}`;
        await p.screenshot({ path: join(SHOTS, `${name}-1280x720-light.png`) });
        await p.setViewportSize({ width: 1920, height: 1080 });
        await p.screenshot({ path: join(SHOTS, `${name}-1920x1080-light.png`) });
        await p.getByRole('button', { name: 'Dark theme' }).click();
        await p.screenshot({ path: join(SHOTS, `${name}-1920x1080-dark.png`) });
        await p.setViewportSize({ width: 1280, height: 720 });
        await p.screenshot({ path: join(SHOTS, `${name}-1280x720-dark.png`) });
        // "Show me" finds the step's control on the page.
        const showMe = pane(p).getByRole('button', { name: 'Show me' });
        if ((await showMe.count()) > 0) {
          await showMe.click();
          expect(await pane(p).getByText('That control is not on screen now').count(), name).toBe(
            0,
          );
          expect(await p.locator('.ls-highlight').count(), name).toBe(1);
        }
        await suite.close(`${lesson.id} ${label}`);
      }
  }, 300_000);
});
