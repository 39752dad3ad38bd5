/** What a learner does with the run as a whole (Run panel, Step, time travel), by role and label. */
import type { Locator, Page } from 'playwright-core';

export const runPanel = (page: Page): Locator =>
  page.getByRole('group', { name: 'Run', exact: true });

export async function traceHash(page: Page): Promise<string> {
  return ((await runPanel(page).getByLabel('Trace hash').textContent()) ?? '').trim();
}

const clock = async (page: Page): Promise<string> =>
  (
    (await page.getByRole('group', { name: 'Time' }).getByLabel('Virtual time').textContent()) ?? ''
  ).trim();

/** Steps a second at a time, each step shown before the next (so the clock says where it got). */
export async function stepSeconds(page: Page, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    const before = await clock(page);
    await page.getByRole('button', { name: 'Step 1 s' }).click();
    await page.waitForFunction(
      (b) => document.querySelector('[aria-label="Virtual time"]')?.textContent?.trim() !== b,
      before,
    );
  }
}

/** The event log's rows as the page shows them (its visible part, newest at the bottom). */
export async function visibleRows(page: Page): Promise<string[]> {
  const rows = page.getByRole('table', { name: 'Trace events' }).getByRole('row');
  return (await rows.allTextContents()).slice(1);
}
