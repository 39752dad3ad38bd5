/**
 * The embed's browser bench: initial JavaScript on embed.html's thread (gzip), the time from an
 * iframe's navigation to its first diagram frame, and a host page with six embeds on another
 * origin — long tasks while the reader scrolls, and trace events of embeds scrolled off screen
 * (they pause, so ≈ 0). Baselines are measured in the same run: the playground's JavaScript, the
 * embed opened as a page of its own, and the on-screen embeds' events.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Frame, type Page } from 'playwright-core';
import { build, preview } from 'vite';
import { median, row, type BenchRow } from './bench-row';
import { CHROMIUM, FLAGS, MEASURE_SCRIPT, siteBuild } from './bench-ui';

const JS_GOAL_KB = 150;
const FIRST_FRAME_GOAL_MS = 800;
const EMBEDS = 6;
const EMBED_QUERY = 'scenario=four-protocols&autoplay=1&ticker=1';

/** A host page on another origin: `count` embeds of `query`, each a screen apart. */
function hostPage(app: string, query: string, count: number): string {
  const frames = Array.from(
    { length: count },
    (_, i) =>
      `<p>Embed ${i + 1}</p><iframe id="e${i}" title="embed ${i + 1}" src="${app}embed.html?${query}" style="width:640px;height:360px;border:0"></iframe><div style="height:900px"></div>`,
  ).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>host</title></head><body>${frames}</body></html>`;
}

async function serveHost(
  html: () => Map<string, string>,
): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const page = html().get(req.url ?? '');
    res.writeHead(page ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    res.end(page ?? '');
  });
  await new Promise<void>((done) => server.listen(0, 'localhost', done));
  const a = server.address();
  if (!a || typeof a === 'string') throw new Error('the host page has no port');
  return { url: `http://localhost:${a.port}/`, server };
}

/** A function, not a string: the site's CSP forbids the eval a string predicate needs. */
const FIRST_FRAME = (): boolean =>
  performance.getEntriesByName('pg:first-diagram-frame').length > 0;

/** JavaScript (gzip bytes) the page's own thread loaded, and its first diagram frame. */
async function pageLoad(browser: Browser, url: string, outDir: string) {
  const context = await browser.newContext({ viewport: { width: 800, height: 450 } });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(FIRST_FRAME, undefined, { timeout: 30_000 });
  const paths = (await page.evaluate(
    `performance.getEntriesByType('resource').filter((e) => e.initiatorType === 'script' || e.initiatorType === 'link').map((e) => new URL(e.name).pathname).filter((p) => p.endsWith('.js'))`,
  )) as string[];
  let gz = 0;
  for (const p of new Set(paths)) gz += gzipSync(readFileSync(join(outDir, p))).length;
  const firstFrameMs = Number(
    await page.evaluate(`performance.getEntriesByName('pg:first-diagram-frame')[0].startTime`),
  );
  await context.close();
  return { jsKb: gz / 1024, firstFrameMs };
}

async function frameOf(page: Page, id: string): Promise<Frame> {
  const frame = await (await page.locator(`iframe#${id}`).elementHandle())?.contentFrame();
  if (!frame) throw new Error(`no frame ${id}`);
  return frame;
}

/** Navigation → first diagram frame, measured inside one iframe on a host page. */
async function iframeFirstFrame(browser: Browser, hostUrl: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 900, height: 700 } });
  const page = await context.newPage();
  await page.goto(`${hostUrl}one`);
  const frame = await frameOf(page, 'e0');
  await frame.waitForFunction(FIRST_FRAME, undefined, { timeout: 30_000 });
  const ms = Number(
    await frame.evaluate(`performance.getEntriesByName('pg:first-diagram-frame')[0].startTime`),
  );
  await context.close();
  return ms;
}

const eventsOf = async (f: Frame) => ({
  events: Number(await f.locator('.em-app').getAttribute('data-events')),
  visible: (await f.locator('.em-app').getAttribute('data-visible')) === 'yes',
});

/** Six embeds: long tasks while scrolling through them, then events of off- and on-screen ones. */
async function sixEmbeds(browser: Browser, hostUrl: string) {
  const context = await browser.newContext({ viewport: { width: 900, height: 700 } });
  const page = await context.newPage();
  await page.goto(`${hostUrl}six`);
  const frames: Frame[] = [];
  for (let i = 0; i < EMBEDS; i++) {
    const f = await frameOf(page, `e${i}`);
    await f.locator('.react-flow__node').first().waitFor({ state: 'attached', timeout: 30_000 });
    frames.push(f);
  }
  // Long tasks on the host page and in every embed while the reader scrolls down and back.
  const scrollMs = 4000;
  const measures = [page.mainFrame(), ...frames].map((f) =>
    f.evaluate(`${MEASURE_SCRIPT}(${scrollMs})`),
  ) as Promise<{ longTasks: number; worstMs: number }>[];
  const steps = 40;
  for (let i = 0; i < steps; i++) {
    await page.mouse.wheel(0, i < steps / 2 ? 350 : -350);
    await page.waitForTimeout(scrollMs / steps);
  }
  const scrolled = await Promise.all(measures);
  // At the top: the first embed on screen, the rest off it. Count events over three seconds.
  await page.evaluate('window.scrollTo(0, 0)');
  await page.waitForTimeout(1000);
  const before = await Promise.all(frames.map(eventsOf));
  await page.waitForTimeout(3000);
  const after = await Promise.all(frames.map(eventsOf));
  let offScreen = 0;
  let onScreen = 0;
  after.forEach((a, i) => {
    const d = a.events - before[i]!.events;
    if (a.visible) onScreen += d;
    else offScreen += d;
  });
  await context.close();
  return {
    longTasks: scrolled.reduce((n, m) => n + m.longTasks, 0),
    worstMs: Math.max(...scrolled.map((m) => m.worstMs)),
    offScreen,
    onScreen,
    offCount: after.filter((a) => !a.visible).length,
  };
}

export async function benchEmbed(): Promise<BenchRow[]> {
  const outDir = mkdtempSync(join(tmpdir(), 'embed-bench-'));
  const cfg = siteBuild(outDir, { main: 'index.html', embed: 'embed.html' });
  await build(cfg);
  const app = await preview({ ...cfg, preview: { port: 0, host: '127.0.0.1' } });
  const a = app.httpServer.address();
  if (!a || typeof a === 'string') throw new Error('preview server has no port');
  const appUrl = `http://127.0.0.1:${a.port}/`;
  const pages = new Map([
    ['/one', hostPage(appUrl, 'scenario=four-protocols&t=30', 1)],
    ['/six', hostPage(appUrl, EMBED_QUERY, EMBEDS)],
  ]);
  const host = await serveHost(() => pages);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
  try {
    const embedLoads = [];
    for (let i = 0; i < 3; i++)
      embedLoads.push(await pageLoad(browser, `${appUrl}embed.html?${EMBED_QUERY}`, outDir));
    const playground = await pageLoad(browser, `${appUrl}?autoplay=0`, outDir);
    const inFrame = [];
    for (let i = 0; i < 3; i++) inFrame.push(await iframeFirstFrame(browser, host.url));
    const frameMs = median(inFrame);
    const alone = median(embedLoads.map((l) => l.firstFrameMs));
    const jsKb = embedLoads[0]!.jsKb;
    const six = await sixEmbeds(browser, host.url);
    return [
      row(
        'embed: initial JavaScript on the page thread (gzip)',
        jsKb,
        'KB',
        playground.jsKb,
        'playground page',
        `≤ ${JS_GOAL_KB} KB`,
        jsKb <= JS_GOAL_KB,
      ),
      row(
        'embed: iframe navigation → first diagram frame (median of 3)',
        frameMs,
        'ms',
        alone,
        'embed.html as a page',
        `≤ ${FIRST_FRAME_GOAL_MS} ms`,
        frameMs <= FIRST_FRAME_GOAL_MS,
      ),
      row(
        `embed: long tasks > 50 ms scrolling past ${EMBEDS} playing embeds (host + frames)`,
        six.longTasks,
        'tasks',
        50,
        'threshold ms',
        'none',
        six.longTasks === 0,
      ),
      row(
        `embed: trace events of ${six.offCount} off-screen embeds in 3 s`,
        six.offScreen,
        'events',
        six.onScreen,
        'on-screen embeds',
        '≈ 0 (they pause)',
        six.offScreen === 0,
      ),
    ];
  } finally {
    await browser.close();
    await new Promise<void>((done) => host.server.close(() => done()));
    await new Promise<void>((done) => app.httpServer.close(() => done()));
    rmSync(outDir, { recursive: true, force: true });
  }
}
