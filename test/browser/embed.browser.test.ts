// The embed as a docs page uses it: examples/embed.html served from another origin than the app.
// Its three embeds render and play; one scrolled away stops (its virtual clock stands still);
// "Open in DoubleTick" opens the playground on the same trace hash. Hostile links give the error
// view, run no script and leave the host page alone. Pages run under the site's CSP (a <meta> in
// every built page) with no console errors.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScenarioFile } from '../../src/bridge/playground-api';
import { RUN_RECORD_VERSION } from '../../src/bridge/run-record';
import { encodeShare } from '../../src/bridge/share-link';
import { hasChromium, launch, openPage } from './playground/browser';
import { ROOT, serveBuild, type Served } from './helpers/serve-build';
import { serveHostPage, type HostPage } from './embed/serve-host';

const POLL = { timeout: 20_000, interval: 100 };
const SHOTS = join(ROOT, 'test-results', 'embed');

async function frameOf(page: Page, id: string): Promise<Frame> {
  const handle = await page.locator(`iframe#${id}`).elementHandle();
  const frame = await handle?.contentFrame();
  if (!frame) throw new Error(`iframe ${id} has no frame`);
  return frame;
}

async function embedFrame(page: Page, id: string): Promise<Frame> {
  await page.locator(`iframe#${id}`).scrollIntoViewIfNeeded();
  const frame = await frameOf(page, id);
  await frame.locator('.react-flow__node').first().waitFor({ timeout: 20_000 });
  // The frame shows while the run opens; a pinned moment is reached when it is no longer busy.
  await frame.locator('.em-app[aria-busy="false"]').waitFor({ timeout: 20_000 });
  return frame;
}

const clock = (f: Frame): Promise<string> =>
  f.locator('output[aria-label="Virtual time"]').innerText();

describe('embed.html from another origin', () => {
  let app: Served;
  let host: HostPage;
  let browser: Browser;

  beforeAll(async () => {
    if (!hasChromium()) throw new Error('Chromium is missing (see README)');
    app = await serveBuild();
    host = await serveHostPage(app.url);
    browser = await launch();
    mkdirSync(SHOTS, { recursive: true });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await host?.close();
    await app?.close();
  });

  it('three embeds render, play, stop while scrolled away, and open the same run', async () => {
    const { page, problems, context } = await openPage(browser, host.url, {
      width: 900,
      height: 700,
    });
    expect(new URL(host.url).origin).not.toBe(new URL(app.url).origin);
    const pinned = await embedFrame(page, 'pinned');
    expect(await clock(pinned)).toBe('0:12.000');
    const hash = await pinned.locator('.em-app').getAttribute('data-trace-hash');
    expect(hash).toMatch(/^[0-9a-f]{8,}$/);

    const live = await embedFrame(page, 'live');
    await expect.poll(() => clock(live), POLL).not.toBe('0:00.000');
    // Scrolled away: the embed pauses itself, and its virtual time stands still.
    const third = await embedFrame(page, 'lesson');
    // The lesson step opens where the earlier steps left the world: Bob has read "Lunch?".
    const stepStart = await clock(third);
    expect(stepStart).not.toBe('0:00.000');
    await third.getByText('Lunch?').first().waitFor({ timeout: 20_000 });
    await expect.poll(() => live.locator('.em-app').getAttribute('data-visible'), POLL).toBe('no');
    const away = await clock(live);
    await page.waitForTimeout(1_500);
    expect(await clock(live)).toBe(away);
    // The third plays when asked.
    await third.getByRole('button', { name: 'Play' }).click();
    await expect.poll(() => clock(third), POLL).not.toBe(stepStart);
    // Back on screen, the live one carries on.
    await page.locator('iframe#live').scrollIntoViewIfNeeded();
    await expect.poll(() => clock(live), POLL).not.toBe(away);

    await page.locator('iframe#pinned').scrollIntoViewIfNeeded();
    const href = await pinned
      .getByRole('link', { name: 'Open in DoubleTick' })
      .getAttribute('href');
    expect(href!.startsWith(app.url)).toBe(true);
    const full = await context.newPage();
    full.on('console', (m) => {
      if (m.type() === 'error') problems.push(`playground: ${m.text()}`);
    });
    await full.goto(href!);
    await expect
      .poll(() => full.locator('.pg-app').getAttribute('data-trace-hash'), POLL)
      .toBe(hash);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('hostile parameters give the error view, run no script and leave the host page alone', async () => {
    const links = [
      'scenario=%3Cscript%3Ealert(1)%3C%2Fscript%3E',
      `scenario=four-protocols&x=${'a'.repeat(1_000_000)}`,
      'run=eyJ2ZXJzaW9uIjox',
      'run=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E',
      'lesson=no-such-lesson&step=1',
      'scenario=four-protocols&t=-1',
      'scenario=four-protocols&theme=%22%3E%3Cscript%3Ealert(1)%3C/script%3E',
    ];
    const frames = links
      .map(
        (q, i) =>
          `<iframe id="e${i}" title="embed ${i}" src="http://localhost:5173/embed.html?${q}"></iframe>`,
      )
      .join('\n');
    const hostile = await serveHostPage(
      app.url,
      `<!doctype html><html lang="en"><head><link rel="icon" href="data:,"><title>host</title></head><body><h1 id="mine">Host page</h1>${frames}</body></html>`,
    );
    try {
      const { page, problems, context } = await openPage(browser, hostile.url);
      const dialogs: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      for (let i = 0; i < links.length; i++) {
        const frame = await frameOf(page, `e${i}`);
        // A megabyte of link is refused by the server (414) before the page loads: nothing runs.
        if (links[i]!.length > 100_000) {
          expect(await frame.locator('script').count()).toBe(0);
          continue;
        }
        const alert = frame.getByRole('alert');
        await alert.waitFor({ timeout: 20_000 });
        expect(await alert.innerText()).toMatch(/cannot start/);
        expect(await frame.locator('.react-flow__node').count()).toBe(0);
      }
      expect(dialogs).toEqual([]);
      expect(await page.locator('#mine').innerText()).toBe('Host page');
      expect(page.url()).toBe(hostile.url);
      expect(problems.filter((p) => !/status of 414|431/.test(p))).toEqual([]);
      await context.close();
    } finally {
      await hostile.close();
    }
  });

  it('has no axe violations in light and dark, and fits 320×240 and 800×450 frames', async () => {
    for (const [theme, width, height] of [
      ['light', 320, 240],
      ['dark', 800, 450],
    ] as const) {
      const { page, problems, context } = await openPage(
        browser,
        `${app.url}embed.html?scenario=offline-store-and-forward&t=12&ticker=1&theme=${theme}`,
        { width, height },
      );
      await page.locator('.react-flow__node').first().waitFor({ timeout: 20_000 });
      await page.locator('.em-app[aria-busy="false"]').waitFor({ timeout: 20_000 });
      await page.getByRole('button', { name: 'Play' }).waitFor();
      await page.waitForTimeout(600); // the diagram's fit animates for 250 ms: shoot after it
      await page.screenshot({ path: join(SHOTS, `embed-${theme}-${width}x${height}.png`) });
      // The whole embed fits its frame: nothing scrolls.
      const overflow = await page.evaluate(
        () => document.documentElement.scrollHeight - innerHeight,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      const axe = await new AxeBuilder({ page }).exclude('.pg-flights').analyze();
      expect(
        axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`),
      ).toEqual([]);
      expect(problems).toEqual([]);
      await context.close();
    }
  });

  it('a run link plays the shared run paused where it was shared, and opens the same run', async () => {
    const scenario = JSON.parse(
      readFileSync(join(ROOT, 'scenarios', 'offline-store-and-forward.json'), 'utf8'),
    ) as ScenarioFile;
    const payload = encodeShare({
      version: RUN_RECORD_VERSION,
      scenario,
      inputs: [{ atMs: 4_000, action: { do: 'send', from: 1, to: 2, text: 'from a link' } }],
      reached: { ms: 9_000, inclusive: true },
      settings: { speed: 1 },
    });
    const { page, problems, context } = await openPage(
      browser,
      `${app.url}embed.html?run=${payload}`,
    );
    await page.locator('.react-flow__node').first().waitFor({ timeout: 20_000 });
    await expect.poll(() => clock(page.mainFrame()), POLL).toBe('0:09.000');
    const hash = await page.locator('.em-app').getAttribute('data-trace-hash');
    expect(hash).toMatch(/^[0-9a-f]{8,}$/);
    const href = await page.getByRole('link', { name: 'Open in DoubleTick' }).getAttribute('href');
    expect(href).toBe(`${app.url}index.html#run=${payload}`);
    const full = await context.newPage();
    await full.goto(href!);
    await expect
      .poll(() => full.locator('.pg-app').getAttribute('data-trace-hash'), POLL)
      .toBe(hash);
    expect(problems).toEqual([]);
    await context.close();
  });
});
