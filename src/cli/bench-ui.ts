/**
 * The playground's browser bench, in headless Chromium (playwright-core + Debian's chromium):
 * frame rate with 10,000 phones and a spike running, main-thread long tasks, initial JavaScript
 * (gzipped, counted from what the page really fetched before its first diagram frame) and the time
 * from navigation to that frame. Headless Chromium is fixed at 60 Hz (TOOLCHAIN §16): frame rates
 * here catch regressions; they are not a user's frame rate.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build, preview, type InlineConfig } from 'vite';
import { median, row, type BenchRow } from './bench-row';
import { spikePaceRows } from './bench-spike';
import { fourProtocolsRecord, shareUrl } from './bench-share';

const ROOT = resolve(import.meta.dirname, '../..');
export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
export const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const FPS_GOAL = 30;
const JS_BUDGET_KB = 250;
const FIRST_FRAME_GOAL_MS = 1000;
const MEASURE_MS = 5000;
/** Opening a shared run may take at most this many times a fresh page's time to show. */
const SHARE_OPEN_GOAL_RATIO = 1.5;

/** The site's own build (its Vite config, lessons plugin included) of the given pages. */
export function siteBuild(outDir: string, pages: Record<string, string>): InlineConfig {
  return {
    root: ROOT,
    configFile: join(ROOT, 'vite.config.ts'),
    // The config imports the lesson parser (TypeScript); the module runner loads it as the build does.
    configLoader: 'runner',
    logLevel: 'warn',
    build: {
      outDir,
      emptyOutDir: true,
      rollupOptions: {
        input: Object.fromEntries(Object.entries(pages).map(([k, f]) => [k, join(ROOT, f)])),
      },
    },
  };
}

/**
 * Loads the page and reports the first diagram frame and the JavaScript fetched before it: by the
 * page itself (its resource timing, main thread) and in all (workers included, from the network).
 */
async function firstLoad(
  browser: Browser,
  url: string,
  outDir: string,
): Promise<{ firstFrameMs: number; domReadyMs: number; pageJsGzip: number; allJsGzip: number }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  const scripts = new Set<string>();
  page.on('response', (r) => {
    const u = new URL(r.url());
    if (u.pathname.endsWith('.js')) scripts.add(u.pathname);
  });
  await page.goto(`${url}?autoplay=0`);
  await page.waitForFunction(
    () => performance.getEntriesByName('pg:first-diagram-frame').length > 0,
    undefined,
    { timeout: 30_000 },
  );
  const firstFrameMs = Number(
    await page.evaluate(`performance.getEntriesByName('pg:first-diagram-frame')[0].startTime`),
  );
  const domReadyMs = Number(
    await page.evaluate(`performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd`),
  );
  // Scripts the document itself loaded ('script', or 'link' for modulepreload); worker scripts show as 'other'.
  const pageScripts = (await page.evaluate(
    `performance.getEntriesByType('resource').filter((e) => e.initiatorType === 'script' || e.initiatorType === 'link').map((e) => new URL(e.name).pathname).filter((p) => p.endsWith('.js'))`,
  )) as string[];
  const gz = (paths: Iterable<string>): number => {
    let n = 0;
    for (const path of paths) n += gzipSync(readFileSync(join(outDir, path))).length;
    return n;
  };
  const result = {
    firstFrameMs,
    domReadyMs,
    pageJsGzip: gz(new Set(pageScripts)),
    allJsGzip: gz(scripts),
  };
  await context.close();
  return result;
}

/**
 * Wall time from navigation to the first animation frame where `shown` holds in the page: the
 * same measure for a fresh page and for a shared link.
 */
async function navigationTo(browser: Browser, url: string, shown: Shown): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(shows, shown, { polling: 'raf', timeout: 60_000 });
  const ms = Number(await page.evaluate('performance.now()'));
  await context.close();
  return ms;
}

/** What a page shows, checked in the page: the clock reads `clock` (and the diagram is drawn), or `selector` is there. */
type Shown = { readonly clock: string } | { readonly selector: string };

// A function, not script text: the site's CSP forbids string evaluation in the page.
const shows = (s: Shown): boolean =>
  'clock' in s
    ? document.querySelector('[aria-label="Virtual time"]')?.textContent?.trim() === s.clock &&
      !!document.querySelector('[aria-label="Chat Gateway"]')
    : !!document.querySelector(s.selector);

/** Opening a shared run (replayed to where it was shared) against opening a fresh page. */
async function shareOpenRows(browser: Browser, url: string): Promise<BenchRow[]> {
  const record = await fourProtocolsRecord();
  const link = shareUrl(record, url);
  const at = formatClockLikeThePage(record.reached.ms);
  const fresh: number[] = [];
  const shared: number[] = [];
  for (let i = 0; i < 3; i++) {
    fresh.push(
      await navigationTo(browser, `${url}?autoplay=0`, { selector: '[aria-label^="Alice"]' }),
    );
    shared.push(await navigationTo(browser, link, { clock: at }));
  }
  const f = median(fresh);
  const sh = median(shared);
  return [
    row(
      `share: open a shared link → its run shown (${at} replayed, median of 3)`,
      sh,
      'ms',
      f,
      'a fresh page',
      `≤ ${SHARE_OPEN_GOAL_RATIO}× a fresh page`,
      sh <= SHARE_OPEN_GOAL_RATIO * f,
    ),
  ];
}

/** `0:51.000`, as the page's clock shows virtual time under an hour. */
function formatClockLikeThePage(ms: number): string {
  const m = Math.floor(ms / 60_000);
  const s = (ms % 60_000) / 1000;
  return `${m}:${s.toFixed(3).padStart(6, '0')}`;
}

/**
 * Counts frames and long tasks in the page for `ms` of wall time. The script is a string: tsx
 * (esbuild, keepNames) would wrap a serialized function's inner closures in a `__name` helper the
 * page does not have.
 */
export const MEASURE_SCRIPT = `(async (duration) => {
  const long = [];
  const obs = new PerformanceObserver((list) => { for (const e of list.getEntries()) long.push(e.duration); });
  obs.observe({ type: 'longtask' });
  let frames = 0;
  const start = performance.now();
  await new Promise((done) => {
    const tick = (now) => { frames++; if (now - start < duration) requestAnimationFrame(tick); else done(); };
    requestAnimationFrame(tick);
    // A frame off screen (an embed scrolled away) gets no animation frames at all: end on time anyway.
    setTimeout(done, duration + 250);
  });
  const elapsed = performance.now() - start;
  obs.disconnect();
  return { fps: (frames * 1000) / elapsed, longTasks: long.filter((d) => d > 50).length, worstMs: Math.max(0, ...long) };
})`;

async function measure(
  page: Page,
  ms: number,
): Promise<{ fps: number; longTasks: number; worstMs: number }> {
  return page.evaluate(`${MEASURE_SCRIPT}(${Number(ms)})`);
}

async function select(page: Page, group: string, label: string, option: string): Promise<void> {
  await page
    .getByRole('group', { name: group, exact: true })
    .getByLabel(label, { exact: true })
    .selectOption({ label: option });
}

/** 10,000 phones: steady state first (long tasks), then a spike (frame rate and long tasks). */
type Measure = Awaited<ReturnType<typeof measure>>;

/** Alice and Bob playing (the baseline), then 10,000 phones steady, then a spike on top. */
async function fleet(
  browser: Browser,
  url: string,
  query: string,
): Promise<{ idle: Measure; steady: Measure; spike: Measure }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  await page.goto(`${url}?${query}`);
  await page.getByRole('region', { name: "Alice's phone" }).waitFor();
  await page.waitForTimeout(1000);
  const idle = await measure(page, MEASURE_MS);
  await page.getByRole('group', { name: 'Time' }).getByRole('button', { name: 'Pause' }).click();
  // Room for the fleet, so the steady state is connected phones and keep-alives, not a refusal storm.
  await select(page, 'Gateway', 'Max connections', '20,000');
  await select(page, 'Gateway', 'Work units per second', '100,000');
  await select(page, 'Spawn phones', 'How many', '10,000');
  await page
    .getByRole('group', { name: 'Spawn phones', exact: true })
    .getByRole('button', { name: 'Spawn' })
    .click();
  await page.getByRole('group', { name: 'Time' }).getByRole('button', { name: 'Play' }).click();
  await page.waitForTimeout(6000); // the fleet connects
  const steady = await measure(page, MEASURE_MS);
  await select(page, "New Year's Eve spike", 'Phones', '3,000');
  await select(page, "New Year's Eve spike", 'Within', '5 s');
  await page
    .getByRole('group', { name: "New Year's Eve spike", exact: true })
    .getByRole('button', { name: 'Fire spike' })
    .click();
  const spike = await measure(page, MEASURE_MS);
  await context.close();
  return { idle, steady, spike };
}

/** Builds the page, serves it, and measures it in headless Chromium. */
export async function benchUi(): Promise<BenchRow[]> {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `bench-ui needs Chromium at ${CHROMIUM} (set CHROMIUM_PATH, or apt-get install chromium)`,
    );
  const outDir = mkdtempSync(join(tmpdir(), 'pg-bench-'));
  const cfg = siteBuild(outDir, { main: 'index.html' });
  await build(cfg);
  const server = await preview({ ...cfg, preview: { port: 0, host: '127.0.0.1' } });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview server has no port');
  const url = `http://127.0.0.1:${address.port}/`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
  try {
    const loads = [];
    for (let i = 0; i < 3; i++) loads.push(await firstLoad(browser, url, outDir));
    const first = loads.slice().sort((a, b) => a.firstFrameMs - b.firstFrameMs)[1]!;
    const pageKb = loads[0]!.pageJsGzip / 1024;
    const allKb = loads[0]!.allJsGzip / 1024;
    const rows = [
      row(
        'ui: initial JavaScript on the page, main thread (gzip)',
        pageKb,
        'KB',
        JS_BUDGET_KB,
        'budget',
        `≤ ${JS_BUDGET_KB} KB`,
        pageKb <= JS_BUDGET_KB,
      ),
      row(
        'ui: initial JavaScript incl. the five engine workers (gzip)',
        allKb,
        'KB',
        pageKb,
        'page alone',
        'informational',
      ),
      row(
        'ui: navigation → first diagram frame (median of 3, localhost)',
        first.firstFrameMs,
        'ms',
        first.domReadyMs,
        'DOMContentLoaded',
        `≤ ${FIRST_FRAME_GOAL_MS} ms`,
        first.firstFrameMs <= FIRST_FRAME_GOAL_MS,
      ),
    ];
    rows.push(...(await shareOpenRows(browser, url)));
    rows.push(...(await spikePaceRows(browser, url)));
    // The app's host (engine in Web Workers) carries the goals. The one-thread host (`?host=local`)
    // is measured beside it to show what the workers buy: its long tasks are the reason they exist.
    for (const [host, query] of [
      ['workers', ''],
      ['one thread', 'host=local&'],
    ] as const) {
      const { idle, steady, spike } = await fleet(browser, url, query);
      const app = host === 'workers';
      rows.push(
        row(
          `ui (${host}): frame rate, 10,000 phones + spike (60 Hz cap)`,
          spike.fps,
          'fps',
          idle.fps,
          'Alice and Bob',
          app ? `≥ ${FPS_GOAL} fps` : 'comparison',
          app ? spike.fps >= FPS_GOAL : undefined,
        ),
        row(
          `ui (${host}): long tasks > 50 ms, 10,000 phones steady (5 s)`,
          steady.longTasks,
          'tasks',
          idle.longTasks,
          'Alice and Bob',
          app ? 'none' : 'comparison: what the workers take off the page',
          app ? steady.longTasks === 0 : undefined,
        ),
        row(
          `ui (${host}): long tasks > 50 ms, during the spike (5 s)`,
          spike.longTasks,
          'tasks',
          idle.longTasks,
          'Alice and Bob',
          'informational',
        ),
        row(
          `ui (${host}): worst long task, steady and spike`,
          Math.max(steady.worstMs, spike.worstMs),
          'ms',
          50,
          'long-task threshold',
          'informational',
        ),
      );
    }
    return rows;
  } finally {
    await browser.close();
    await new Promise<void>((done) => server.httpServer.close(() => done()));
    rmSync(outDir, { recursive: true, force: true });
  }
}
