/**
 * What a learner does in the lesson pane, by role and visible label only: read the step title,
 * wait for the checkpoint, lock in a prediction, move on. Paired with `Learner` for the page's
 * own controls.
 */
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

export const WAIT = { timeout: 30_000 };

export class LessonLearner {
  constructor(readonly page: Page) {}

  get pane(): Locator {
    return this.page.getByRole('region', { name: 'Lesson' });
  }

  get checkpoint(): Locator {
    return this.pane.getByRole('region', { name: 'Checkpoint' });
  }

  get stepTitle(): Locator {
    return this.pane.getByRole('heading', { level: 3 }).first();
  }

  get steps(): Locator {
    return this.pane.getByRole('navigation', { name: 'Steps' });
  }

  /** Waits until the pane shows step `k` of `n`. */
  async atStep(k: number, n: number): Promise<void> {
    await expect
      .poll(() => this.stepTitle.textContent(), WAIT)
      .toMatch(new RegExp(`Step ${k} of ${n}\\b`));
  }

  /** How many steps the step list marks as met. */
  metCount(): Promise<number> {
    return this.steps.getByRole('button', { name: /checkpoint met/ }).count();
  }

  /** Waits for the step's checkpoint to be met; if it is not, says what the pane says is missing. */
  async met(what: string): Promise<void> {
    try {
      await this.checkpoint.getByText('✔ Checkpoint met').waitFor(WAIT);
    } catch {
      const at = await this.page.getByLabel('Virtual time').first().textContent();
      throw new Error(`${what}: ${await this.checkpoint.textContent()} (virtual time ${at})`);
    }
  }

  async next(): Promise<void> {
    await this.pane.getByRole('button', { name: 'Next' }).click();
  }

  /** Locks in a guess (a number, or the label of a choice) and waits for the grade; returns its text. */
  async predict(guess: number | string): Promise<string> {
    const form = this.pane.getByRole('form', { name: 'Prediction' });
    if (typeof guess === 'number') await form.getByRole('spinbutton').fill(String(guess));
    else await form.getByRole('radio', { name: guess }).check();
    await form.getByRole('button', { name: 'Lock in and run' }).click();
    const grade = form.getByRole('status');
    await grade.getByText(/✔ Right\.|✖ Not quite\./).waitFor(WAIT);
    return (await grade.textContent()) ?? '';
  }
}
