// Proves the engine runs across real Web Workers in headless Chromium: the built page starts its
// workers, runs the offline → online story, survives a reload with a message stored (it is
// delivered after the reload), gives the one-thread trace hash, and its IndexedDB store keeps
// the storage contract. Any console error fails it. Screenshots go to test-results/.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScenarioFile } from '../../src/engine/scenario/scenario';
import { inProcess, SCENARIO_DIR, scenarioFrom } from '../runtime/helpers';
import { bundleScript } from './helpers/bundle-script';
import { hasChromium, launchBrowser, openPage, screenshot } from './helpers/launch-browser';
import { serveBuild, type Served } from './helpers/serve-build';

/** Waits for a count on the page to show `value` (states, never wall-clock time). */
async function until(page: Page, id: string, value: string): Promise<void> {
  await page.waitForFunction(
    ([i, v]) => document.querySelector(`[data-testid="${i}"]`)?.textContent === v,
    [id, value] as const,
    { timeout: 30_000 },
  );
}
const count = (page: Page, id: string): Promise<string | null> =>
  page.getByTestId(id).textContent();

describe('the engine across Web Workers, in Chromium', () => {
  let served: Served;
  let browser: Browser;
  beforeAll(async () => {
    if (!hasChromium())
      throw new Error(
        'Chromium is missing: apt-get install -y --no-install-recommends chromium fonts-liberation (or set CHROMIUM_PATH)',
      );
    served = await serveBuild({ inputs: ['workers.html'] });
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  it('runs store and forward in workers, and delivers a stored message after a page reload', async () => {
    const { context, page, problems } = await openPage(browser, `${served.url}workers.html`);
    try {
      await until(page, 'state', 'paused');
      await page.waitForFunction(() =>
        document.querySelector('[role="status"]')?.textContent?.includes('Press Play'),
      );
      // The coordinator and the four hosts: gateway, session manager, store, phones.
      expect(page.workers().length).toBeGreaterThanOrEqual(5);
      await until(page, 'workers', '5');

      await page.getByLabel('Speed').selectOption('10');
      await page.getByRole('button', { name: 'Play' }).click();
      await until(page, 'stored-now', '1'); // Alice's message, at 2 s, waits for Bob
      await page.getByRole('button', { name: 'Pause' }).click();
      await until(page, 'state', 'paused');
      expect(await count(page, 'accepted')).toBe('1');
      expect(await count(page, 'delivered')).toBe('0');
      expect(await count(page, 'connections')).toBe('1');
      await screenshot(page, 'workers-1-stored-before-reload');
      const before = await count(page, 'time');

      await page.reload();
      await page.waitForFunction(() =>
        document.querySelector('[role="status"]')?.textContent?.includes('Reopened the saved run'),
      );
      expect(await page.getByRole('status').textContent()).toContain(
        '1 stored item came back from IndexedDB.',
      );
      await until(page, 'stored-now', '1');
      expect(await count(page, 'time')).toBe(before);
      expect(await count(page, 'delivered')).toBe('0');
      expect(page.workers().length).toBeGreaterThanOrEqual(5);
      await screenshot(page, 'workers-2-reopened-after-reload');

      await page.getByRole('button', { name: 'Bring Bob online' }).click();
      await page.getByRole('button', { name: 'Play' }).click();
      await until(page, 'delivered', '1');
      await until(page, 'stored-now', '0');
      expect(await count(page, 'lost')).toBe('0');
      await until(page, 'connections', '2');
      await page.getByRole('button', { name: 'Pause' }).click();
      await until(page, 'state', 'paused');
      await screenshot(page, 'workers-3-delivered-after-reload');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('survives the crash button: the gateway worker is terminated, a fresh one comes back, nothing is lost', async () => {
    const { context, page, problems } = await openPage(browser, `${served.url}workers.html`);
    try {
      await until(page, 'state', 'paused');
      await page.getByRole('button', { name: 'Restart' }).click(); // a fresh run, whatever the last test saved
      await until(page, 'time', '0.0 s');
      await page.getByLabel('Speed').selectOption('10');
      await page.getByRole('button', { name: 'Bring Bob online' }).click();
      await page.getByRole('button', { name: 'Play' }).click();
      await until(page, 'connections', '2');
      await until(page, 'delivered', '1');
      const workersBefore = page.workers().length;
      await page.getByRole('button', { name: 'Crash the gateway worker' }).click();
      await page.waitForFunction(() =>
        document.querySelector('[data-testid="gateway"]')?.textContent?.startsWith('down'),
      );
      await screenshot(page, 'workers-4-gateway-worker-terminated');
      await until(page, 'gateway', 'up (incarnation 2)');
      await until(page, 'connections', '2'); // both phones reconnected to the fresh gateway
      await page.getByRole('button', { name: 'Send from Alice' }).click();
      await until(page, 'delivered', '2');
      expect(await count(page, 'lost')).toBe('0');
      expect(page.workers().length).toBe(workersBefore);
      await page.getByRole('button', { name: 'Pause' }).click();
      await until(page, 'state', 'paused');
      await screenshot(page, 'workers-5-after-gateway-restart');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('gives the one-thread trace hash over Web Workers', async () => {
    const { context, page, problems } = await openPage(browser, `${served.url}workers.html`);
    try {
      await until(page, 'state', 'paused');
      for (const name of [
        'online-delivery.json',
        'offline-store-and-forward.json',
        'four-protocols.json',
      ]) {
        const file = JSON.parse(readFileSync(join(SCENARIO_DIR, name), 'utf8')) as ScenarioFile;
        const hash = await page.evaluate(async (f) => {
          const pg = (
            window as unknown as {
              doubletick: import('../../src/runtime/web/worker-playground').WorkerPlayground;
            }
          ).doubletick;
          await pg.load(f);
          await pg.seek(f.durationSec * 1000);
          return (await pg.snapshot()).report.traceHash;
        }, file);
        expect(hash, name).toBe(inProcess(scenarioFrom(file)).hash);
      }
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('keeps the storage contract with Chromium’s IndexedDB', async () => {
    const script = await bundleScript(
      join(import.meta.dirname, 'helpers/storage-contract-entry.ts'),
    );
    const { context, page, problems } = await openPage(browser, `${served.url}workers.html`);
    try {
      // Evaluated, not added as a <script>: the page's Content-Security-Policy forbids inline script.
      await page.evaluate(script);
      const results = await page.evaluate(() =>
        (
          globalThis as unknown as {
            runStorageContract: () => Promise<{ name: string; error?: string }[]>;
          }
        ).runStorageContract(),
      );
      expect(results.length).toBeGreaterThan(10);
      expect(results.filter((r) => r.error)).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
