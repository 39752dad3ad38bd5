// The run as a thing a learner keeps and sends, in headless Chromium, by role and label: a shared
// link opens the same run at the same time in a fresh browser; an exported scenario gives the
// command line the same trace hash; a reload reopens the run with its stored messages; two tabs
// keep their own runs; without IndexedDB the page runs in one thread and says so; time travel
// back and forth shows the log of a straight run; an input given while paused shows at once.
// Each page checked has no axe violations and no console error.
import AxeBuilder from '@axe-core/playwright';
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { Learner } from './playground/learner';
import { runPanel, stepSeconds, traceHash, visibleRows } from './playground/run-actions';
import { pageSuite } from './playground/page-suite';
import { ROOT } from './playground/serve';

const SHOTS = join(ROOT, 'test-results', 'playground');
const run = promisify(execFile);

describe('the run in a real browser', () => {
  const suite = pageSuite({ shots: SHOTS });
  const open = (path = '?autoplay=0'): Promise<Page> => suite.open(path);
  const ready = (page: Page) => page.getByRole('region', { name: "Alice's phone" }).waitFor();
  async function noAxeViolations(page: Page): Promise<void> {
    const r = await new AxeBuilder({ page }).analyze();
    expect(
      r.violations.map(
        (v) => `${v.id}: ${v.nodes[0]?.target.join(' ')} ${v.nodes[0]?.failureSummary ?? ''}`,
      ),
    ).toEqual([]);
  }

  it('a shared link opens the same run, paused at the same time, in a fresh browser', async () => {
    const page = await open();
    await ready(page);
    const l = new Learner(page);
    await stepSeconds(page, 2);
    await l.send('Alice', 'Bob', 'shared hello');
    await stepSeconds(page, 1);
    await l.goOffline('Bob');
    await stepSeconds(page, 2);
    await runPanel(page).getByRole('button', { name: 'Share' }).click();
    const link = await runPanel(page).getByLabel('Share link').inputValue();
    const hash = await traceHash(page);
    const clock = await l.clock();
    await runPanel(page).screenshot({ path: join(SHOTS, 'run-panel.png') });
    await noAxeViolations(page);

    const other = await open(link.replace(suite.url, ''));
    await ready(other);
    await expect.poll(() => traceHash(other), { timeout: 30_000 }).toBe(hash);
    expect(await new Learner(other).clock()).toBe(clock);
    expect(await other.getByRole('button', { name: 'Play' }).count()).toBe(1);

    // Played on and reloaded, the tab reopens where the learner got, not the link's moment.
    await expect.poll(() => other.url(), { timeout: 30_000 }).not.toContain('#run=');
    await stepSeconds(other, 1);
    const later = await new Learner(other).clock();
    expect(later).not.toBe(clock);
    await other.reload();
    await expect.poll(() => new Learner(other).clock(), { timeout: 30_000 }).toBe(later);
  });

  it('a damaged, foreign or newer link shows what is wrong and a way to a fresh run', async () => {
    for (const bad of [
      '1.eJzLSM3',
      '1.<script>alert(1)</script>',
      '9.eJwrSS0u',
      '1.' + 'A'.repeat(9000),
    ]) {
      const page = await open(`#run=${encodeURIComponent(bad)}`);
      await page.getByRole('heading', { name: 'This link cannot open a run' }).waitFor();
      expect(await page.getByRole('alert').textContent()).toMatch(/link|version/);
    }
    const page = await open('#run=1.eJzLSM3');
    await page.getByRole('heading', { name: 'This link cannot open a run' }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'share-error.png') });
    await noAxeViolations(page);
    await page.getByRole('button', { name: 'Start a fresh run' }).click();
    await ready(page);
  });

  it('an exported scenario gives the command line the same trace hash', async () => {
    const page = await open();
    await ready(page);
    const l = new Learner(page);
    await stepSeconds(page, 1);
    await l.send('Alice', 'Bob', 'exported hello');
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await l.goOffline('Alice');
    await stepSeconds(page, 3);
    const hash = await traceHash(page);
    const download = page.waitForEvent('download');
    await runPanel(page).getByRole('button', { name: 'Export scenario' }).click();
    const file = join(mkdtempSync(join(tmpdir(), 'doubletick-')), 'run.json');
    await (await download).saveAs(file);
    const { stdout } = await run('npx', ['tsx', 'src/cli/main.ts', 'run', file, '--json'], {
      cwd: ROOT,
    });
    expect((JSON.parse(stdout) as { traceHash: string }).traceHash).toBe(hash);
  }, 60_000);

  it('pausing and going offline: the button already says "Go online"', async () => {
    const page = await open();
    await ready(page);
    const l = new Learner(page);
    await stepSeconds(page, 1);
    await l.goOffline('Bob');
    const s = await l.choosePhone('Bob');
    await s.getByRole('button', { name: 'Go online' }).waitFor({ timeout: 2_000 });
    await page
      .getByRole('status', { name: 'Pending inputs' })
      .getByText(/Bob goes offline at/)
      .waitFor();
  });

  it('opens every example by name and shows its description', async () => {
    const page = await open();
    await ready(page);
    const examples = runPanel(page).getByLabel('Example');
    const names = (await examples.locator('option').allTextContents()).slice(1);
    expect(names).toContain('four-protocols');
    expect(names.length).toBeGreaterThanOrEqual(7);
    await examples.selectOption({ label: 'four-protocols' });
    await runPanel(page).getByText('Four protocols, identical traffic').waitFor();
    await runPanel(page)
      .getByText(/Four groups of ten phones/)
      .waitFor();
  });

  it('time travel back and forth shows the log of a straight run to that time', async () => {
    const straight = await open();
    await ready(straight);
    const ls = new Learner(straight);
    await stepSeconds(straight, 12);
    const want = { count: await ls.eventCount(), rows: await visibleRows(straight) };

    const page = await open();
    await ready(page);
    const l = new Learner(page);
    for (const sec of ['20', '3', '15', '12']) await l.goToSecond(sec);
    await expect.poll(() => l.clock()).toBe('0:12.000');
    await expect.poll(() => l.eventCount()).toBe(want.count);
    expect(await visibleRows(page)).toEqual(want.rows);
  });

  it('a reload reopens the run: the same time, phones and stored messages', async () => {
    const page = await open();
    await ready(page);
    const l = new Learner(page);
    await stepSeconds(page, 1);
    await l.goOffline('Bob');
    await stepSeconds(page, 1);
    await l.send('Alice', 'Bob', 'kept across a reload');
    await stepSeconds(page, 2);
    await expect.poll(() => l.storedCount()).toBe('1');
    const clock = await l.clock();
    await page.reload();
    await page
      .getByRole('region', { name: "About this tab's run" })
      .getByText(/Reopened your run/)
      .waitFor({ timeout: 30_000 });
    expect(await l.clock()).toBe(clock);
    expect(await l.storedCount()).toBe('1');
    await (await l.choosePhone('Bob')).getByRole('button', { name: 'Go online' }).waitFor();
  });

  it('two tabs keep their own runs; a new tab offers a copy of the newest', async () => {
    const a = await open();
    await ready(a);
    const la = new Learner(a);
    await stepSeconds(a, 1);
    await la.goOffline('Bob');
    await stepSeconds(a, 1);
    await la.send('Alice', 'Bob', 'only in tab A');
    await stepSeconds(a, 2);
    await expect.poll(() => la.storedCount()).toBe('1');
    const hashA = await traceHash(a);

    const b = await a.context().newPage();
    await b.goto(suite.url + '?autoplay=0');
    await ready(b);
    const notice = b.getByRole('region', { name: "About this tab's run" });
    await notice.getByRole('button', { name: 'Open a copy of the newest run' }).waitFor();
    await notice.screenshot({ path: join(SHOTS, 'tab-notice.png') });
    await noAxeViolations(b);
    const lb = new Learner(b);
    await stepSeconds(b, 3);
    await lb.send('Alice', 'Bob', 'only in tab B');
    await stepSeconds(b, 1);
    expect(await lb.storedCount()).toBe('0');

    await a.reload();
    await a.getByText(/Reopened your run/).waitFor({ timeout: 30_000 });
    expect(await la.storedCount()).toBe('1');
    expect(await traceHash(a)).toBe(hashA);
    await b.reload();
    await b.getByText(/Reopened your run/).waitFor({ timeout: 30_000 });
    expect(await lb.storedCount()).toBe('0');

    const c = await a.context().newPage();
    await c.goto(suite.url + '?autoplay=0');
    await c.getByRole('button', { name: 'Open a copy of the newest run' }).click();
    await c.getByText(/a copy of the newest run/).waitFor({ timeout: 30_000 });
  }, 120_000);

  it('without IndexedDB the page runs in this tab and says so', async () => {
    // Its own context: the init script hides IndexedDB before the page's code runs. Only uncaught
    // errors count here; the page's notice is the way it says what it cannot do.
    const o = await suite.browser.newContext();
    try {
      await o.addInitScript(() => {
        Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
      });
      const page = await o.newPage();
      const seen: string[] = [];
      page.on('pageerror', (e) => seen.push(`pageerror: ${e.message}`));
      await page.goto(suite.url + '?autoplay=0');
      await ready(page);
      await page.getByText(/does not let the page store data/).waitFor();
      await stepSeconds(page, 1);
      await expect.poll(() => new Learner(page).clock()).toBe('0:01.000');
      expect(seen).toEqual([]);
    } finally {
      await o.close();
    }
  });
});
