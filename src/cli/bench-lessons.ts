/**
 * `npm run bench -- lessons`: what the lesson player costs the page, in headless Chromium over the
 * site's own build. The JavaScript of the player (src/ui/lessons, src/lessons and the lessons'
 * content) that a first visit loads, beside everything that visit loads (goal: the player loads
 * on demand and the page stays ≤ 250 KB gzipped); what opening a lesson adds; and the time from
 * `?lesson=` to its first step on screen, beside the time a plain page takes to its first diagram.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { build, preview, type Rollup } from 'vite';
import { median, row, type BenchRow } from './bench-row';
import { CHROMIUM, FLAGS, siteBuild } from './bench-ui';

const JS_BUDGET_KB = 250;
const FIRST_STEP_GOAL_MS = 1000;
/** What a first visit may carry of the player: the lesson list and the "Start here" offer. */
const ON_DEMAND_KB = 10;
/** The step is on screen: its title and prose (the run behind it may still be starting). */
const STEP_SHOWN = '.ls-pane #ls-step-title ~ .ls-prose > *';
/** The step's title is on screen and the run behind it is ready (no "Preparing the run…" note). */
const STEP_READY = '.ls-pane:not(:has(.ls-note)) #ls-step-title';
/** Modules that belong to the lesson player: its UI, the lesson model and parser, the lessons. */
const LESSON_MODULE = /[/\\](src[/\\]ui[/\\]lessons|src[/\\]lessons|content[/\\]lessons)[/\\]/;

/** Per chunk file: its gzipped size and the share of its code that is the lesson player's. */
type ChunkShares = Map<string, { gzip: number; lessonShare: number }>;

function chunkShares(outDir: string, output: Rollup.RollupOutput): ChunkShares {
  const shares: ChunkShares = new Map();
  for (const c of output.output) {
    if (c.type !== 'chunk') continue;
    let all = 0;
    let lesson = 0;
    for (const [id, m] of Object.entries(c.modules)) {
      all += m.renderedLength;
      if (LESSON_MODULE.test(id)) lesson += m.renderedLength;
    }
    const gzip = gzipSync(readFileSync(join(outDir, c.fileName))).length;
    shares.set(`/${c.fileName}`, { gzip, lessonShare: all ? lesson / all : 0 });
  }
  return shares;
}

/**
 * The page's own scripts (not workers') fetched by `url` until `shown` holds, when it held, and
 * when `ready` held after it (if given).
 */
async function visit(
  browser: Browser,
  url: string,
  shown: string,
  ready?: string,
): Promise<{ ms: number; readyMs: number; scripts: Set<string> }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  await page.goto(url);
  // A function, not script text: the site's CSP forbids string evaluation in the page.
  const held = async (sel: string): Promise<number> => {
    await page.waitForFunction((q: string) => !!document.querySelector(q), sel, {
      polling: 'raf',
      timeout: 60_000,
    });
    return Number(await page.evaluate('performance.now()'));
  };
  const ms = await held(shown);
  const readyMs = ready ? await held(ready) : ms;
  const scripts = (await page.evaluate(
    `performance.getEntriesByType('resource').filter((e) => e.initiatorType === 'script' || e.initiatorType === 'link').map((e) => new URL(e.name).pathname).filter((p) => p.endsWith('.js'))`,
  )) as string[];
  await context.close();
  return { ms, readyMs, scripts: new Set(scripts) };
}

const kb = (shares: ChunkShares, scripts: Iterable<string>, part: 'all' | 'lesson'): number => {
  let n = 0;
  for (const s of scripts) {
    const c = shares.get(s);
    if (c) n += part === 'all' ? c.gzip : c.gzip * c.lessonShare;
  }
  return n / 1024;
};

export async function benchLessons(): Promise<BenchRow[]> {
  if (!existsSync(CHROMIUM))
    throw new Error(`bench-lessons needs Chromium at ${CHROMIUM} (set CHROMIUM_PATH)`);
  const outDir = mkdtempSync(join(tmpdir(), 'pg-bench-lessons-'));
  const cfg = siteBuild(outDir, { main: 'index.html' });
  const built = await build(cfg);
  const output = (Array.isArray(built) ? built[0] : built) as Rollup.RollupOutput;
  const shares = chunkShares(outDir, output);
  const server = await preview({ ...cfg, preview: { port: 0, host: '127.0.0.1' } });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview server has no port');
  const url = `http://127.0.0.1:${address.port}/`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
  try {
    const plain: { ms: number; scripts: Set<string> }[] = [];
    const lesson: { ms: number; readyMs: number; scripts: Set<string> }[] = [];
    const resumed: number[] = [];
    for (let i = 0; i < 3; i++) {
      plain.push(await visit(browser, `${url}?autoplay=0`, '[aria-label="Chat Gateway"]'));
      lesson.push(await visit(browser, `${url}?lesson=start-here&step=1`, STEP_SHOWN, STEP_READY));
      resumed.push((await visit(browser, `${url}?lesson=new-years-eve&step=4`, STEP_READY)).ms);
    }
    const first = plain[0]!.scripts;
    const firstKb = kb(shares, first, 'all');
    const playerKb = kb(shares, first, 'lesson');
    const added = [...lesson[0]!.scripts].filter((s) => !first.has(s));
    const addedKb = kb(shares, added, 'all');
    const plainMs = median(plain.map((v) => v.ms));
    const lessonMs = median(lesson.map((v) => v.ms));
    const lessonReadyMs = median(lesson.map((v) => v.readyMs));
    return [
      row(
        'lessons: initial JavaScript on the page, first visit (gzip)',
        firstKb,
        'KB',
        JS_BUDGET_KB,
        'budget',
        `≤ ${JS_BUDGET_KB} KB`,
        firstKb <= JS_BUDGET_KB,
      ),
      row(
        'lessons: of it, the lesson player (its modules’ share of each chunk, gzip)',
        playerKb,
        'KB',
        firstKb,
        'the whole first load',
        `on demand: ≤ ${ON_DEMAND_KB} KB before a lesson opens`,
        playerKb <= ON_DEMAND_KB,
      ),
      row(
        'lessons: JavaScript a lesson adds when it opens (gzip)',
        addedKb,
        'KB',
        firstKb,
        'the first load',
        'informational',
      ),
      row(
        'lessons: ?lesson=start-here → first step shown (median of 3, localhost)',
        lessonMs,
        'ms',
        plainMs,
        'plain page → first diagram',
        `≤ ${FIRST_STEP_GOAL_MS} ms`,
        lessonMs <= FIRST_STEP_GOAL_MS,
      ),
      row(
        'lessons: ?lesson=start-here → its run ready too ("Do it for me" live, median of 3)',
        lessonReadyMs,
        'ms',
        plainMs,
        'plain page → first diagram',
        'informational',
      ),
      row(
        'lessons: ?lesson=new-years-eve&step=4 → step shown (3 steps replayed, median of 3)',
        median(resumed),
        'ms',
        plainMs,
        'plain page → first diagram',
        'informational',
      ),
    ];
  } finally {
    await browser.close();
    await new Promise<void>((done) => server.httpServer.close(() => done()));
    rmSync(outDir, { recursive: true, force: true });
  }
}
