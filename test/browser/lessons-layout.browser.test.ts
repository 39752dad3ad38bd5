// The whole page with a lesson open at 1280×720, as a learner using the keyboard or a screen reader
// meets it: the focus stays on a button that turns itself off when pressed ("Crash the gateway",
// "Do it for me", "Lock in and run", Back, Send) instead of dropping to <body>; no control overlaps
// another (the zoom buttons and the diagram's nodes included); axe finds nothing on the whole page
// in light, dark and presenter mode. Screenshots and the diagram's smallest text are saved.
import AxeBuilder from '@axe-core/playwright';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { focusedElement, overlappingControls, smallestNodeText } from './playground/layout-probes';
import { Learner } from './playground/learner';
import { LessonLearner, WAIT } from './playground/lesson-learner';
import { pageSuite } from './playground/page-suite';
import { ROOT } from './playground/serve';

const SHOTS = join(ROOT, 'test-results', 'lessons-layout');

describe('the page with a lesson open at 1280×720', () => {
  const suite = pageSuite({ build: 'lessons-layout-build', shots: SHOTS });

  async function axe(p: Page, what: string): Promise<void> {
    // The flights canvas is a picture of the diagram's edges; its text alternative is the log.
    const r = await new AxeBuilder({ page: p }).exclude('.pg-flights').analyze();
    const found = r.violations.map(
      (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
    expect(found, `axe on the whole page, ${what}`).toEqual([]);
  }

  /** Presses `button`, waits for what it does to show, and expects the focus still on it. */
  async function keepsFocus(
    p: Page,
    name: string,
    press: () => Promise<void>,
    then: () => Promise<unknown>,
  ) {
    await press();
    await then();
    expect(await focusedElement(p), `focus after "${name}"`).not.toMatch(/^BODY/);
  }

  it('keeps the focus after actions, overlaps no control, and passes axe in light, dark and presenter mode', async () => {
    const p = await suite.open('?lesson=start-here&step=2');
    const ls = new LessonLearner(p);
    await ls.atStep(2, 5);
    await p.getByText('Chat Gateway').first().waitFor(WAIT);
    await ls.pane.getByText(/Preparing the run/).waitFor({ state: 'hidden', ...WAIT });

    const text = await smallestNodeText(p);
    writeFileSync(join(SHOTS, 'smallest-node-text.json'), JSON.stringify(text, null, 2));
    expect(text.px, `the smallest diagram text ("${text.text}") as drawn`).toBeGreaterThanOrEqual(
      11,
    );
    expect(await overlappingControls(p), 'controls overlapping (light)').toEqual([]);
    await axe(p, 'light');
    await p.screenshot({ path: join(SHOTS, 'start-here-2-light.png') });

    // Buttons that turn themselves off keep the focus.
    const doIt = ls.pane.getByRole('button', { name: 'Do it for me' });
    await keepsFocus(
      p,
      'Do it for me',
      () => doIt.click(),
      () => ls.met('start-here step 2'),
    );
    const crash = p.getByRole('button', { name: 'Crash the gateway' });
    await keepsFocus(
      p,
      'Crash the gateway',
      () => crash.click(),
      () => p.getByRole('button', { name: 'Gateway is down' }).waitFor(WAIT),
    );
    const learner = new Learner(p);
    await keepsFocus(
      p,
      'Send',
      () => learner.send('Alice', 'Bob', 'Still there?'),
      () =>
        expect
          .poll(() => learner.phone('Alice').getByText('Still there?').count(), WAIT)
          .toBeGreaterThan(0),
    );
    await keepsFocus(
      p,
      'Back',
      () => ls.pane.getByRole('button', { name: 'Back', exact: true }).click(),
      () => ls.atStep(1, 5),
    );
    await p.getByRole('button', { name: 'Dark theme' }).click();
    expect(await overlappingControls(p), 'controls overlapping (dark)').toEqual([]);
    await axe(p, 'dark');
    await p.screenshot({ path: join(SHOTS, 'start-here-1-dark.png') });

    await ls.pane.getByRole('button', { name: 'Presenter mode' }).click();
    await expect
      .poll(() => p.getByRole('complementary', { name: 'Controls' }).isVisible())
      .toBe(false);
    expect(await overlappingControls(p), 'controls overlapping (presenter)').toEqual([]);
    await axe(p, 'presenter mode, dark');
    await p.screenshot({ path: join(SHOTS, 'start-here-1-presenter-dark.png') });
    await p.getByRole('button', { name: 'Light theme' }).click();
    await axe(p, 'presenter mode, light');
    await p.screenshot({ path: join(SHOTS, 'start-here-1-presenter-light.png') });
  }, 180_000);
});
