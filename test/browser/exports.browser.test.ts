// The playground's Export menu on the four-protocols example paused at 30 s: the SVG and PNG
// pictures of the diagram download, open in Chromium and hold every node (the SVG's text is
// checked; the PNG is saved for a person to look at); the Mermaid flowchart and the event log come
// out as the views make them; the selected message's sequence diagram renders with Mermaid. All of
// it under the built site's CSP, with no console error.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launch, openPage } from './playground/browser';
import { serveBuild, ROOT, type Served } from './helpers/serve-build';

const SHOTS = join(ROOT, 'test-results', 'exports');
const POLL = { timeout: 30_000, interval: 100 };
/** The four-protocols diagram's nodes, by the titles and badges they show. */
const LABELS = [
  'Chat Gateway',
  'Session Manager',
  'Temporary Storage',
  'Short poll',
  'Long poll',
  'WebSocket',
  'MQTT',
];

describe('Export menu', () => {
  let served: Served;
  let browser: Browser;

  beforeAll(async () => {
    if (!hasChromium()) throw new Error('Chromium is missing (see README)');
    mkdirSync(SHOTS, { recursive: true });
    served = await serveBuild({ inputs: ['index.html'] });
    browser = await launch();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  /** Clicks `button` on the row `row` of the Export menu and returns the downloaded file. */
  async function downloaded(page: Page, row: string, button = 'Download'): Promise<Buffer> {
    const menu = page.getByRole('group', { name: 'Export' });
    const [file] = await Promise.all([
      page.waitForEvent('download', { timeout: 30_000 }),
      menu.getByRole('button', { name: `${button} ${row}` }).click(),
    ]);
    return readFileSync((await file.path())!);
  }

  it('four protocols at 30 s: SVG and PNG pictures, flowchart, event log', async () => {
    const { page, problems, context } = await openPage(
      browser,
      `${served.url}?scenario=four-protocols&t=30`,
    );
    expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').count()).toBe(1);
    await expect.poll(() => page.getByTestId('clock').innerText(), POLL).toBe('0:30.000');
    await page.getByRole('button', { name: 'Export', exact: true }).click();

    const svg = (await downloaded(page, 'Diagram picture (SVG)')).toString('utf8');
    expect(svg).toMatch(/^<svg /);
    for (const label of LABELS) expect(svg).toContain(label);
    // The flights canvas comes along as an embedded image.
    expect(svg).toContain('data:image/png;base64,');
    writeFileSync(join(SHOTS, 'four-protocols.svg'), svg);
    const viewer = await context.newPage();
    await viewer.goto(`file://${join(SHOTS, 'four-protocols.svg')}`);
    const text = await viewer.evaluate(() => document.documentElement.textContent ?? '');
    expect(await viewer.evaluate(() => document.documentElement.localName)).toBe('svg');
    for (const label of LABELS) expect(text).toContain(label);
    await viewer.screenshot({ path: join(SHOTS, 'four-protocols-svg.png') });

    const png = await downloaded(page, 'Diagram picture (PNG)');
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    writeFileSync(join(SHOTS, 'four-protocols.png'), png);
    await viewer.goto(`file://${join(SHOTS, 'four-protocols.png')}`);
    const size = await viewer
      .locator('img')
      .evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight]);
    expect(size[0]).toBeGreaterThan(400);
    expect(size[1]).toBeGreaterThan(200);

    const flowchart = (await downloaded(page, 'Topology now (Mermaid flowchart)')).toString();
    expect(flowchart).toContain('flowchart LR');
    expect(flowchart).toContain('at 30.000 s');
    const jsonl = (await downloaded(page, 'Event log (JSON Lines)')).toString().trimEnd();
    const events = jsonl.split('\n').map((l) => JSON.parse(l) as { atMs: number; kind: string });
    // The log the page holds: after a seek, the events the host replayed to it.
    expect(events.length).toBeGreaterThan(10);
    expect(events.every((e) => e.atMs <= 30_000)).toBe(true);
    const csv = (await downloaded(page, 'Event log (CSV)')).toString();
    expect(csv.split('\r\n')[0]).toBe('atMs,kind,from,to,msg,bytes,arriveAtMs,proto,note');
    expect(csv.split('\r\n')).toHaveLength(events.length + 2);

    // The Embed dialog: the snippet pins this moment, and its preview plays the same run.
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Embed', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Embed this run' });
    const snippet = await dialog.getByLabel('HTML (iframe)').inputValue();
    expect(snippet).toContain('/embed.html?scenario=four-protocols&amp;t=30');
    const markdown = await dialog.getByLabel('Markdown (Mermaid and a link)').inputValue();
    expect(markdown).toMatch(/^```mermaid\n---\ntitle: Four protocols/);
    expect(markdown).toContain('index.html?scenario=four-protocols&t=30)');
    const preview = page.frameLocator('iframe[title="Preview of the embed"]');
    await expect
      .poll(() => preview.locator('output[aria-label="Virtual time"]').innerText(), POLL)
      .toBe('0:30.000');
    await page.screenshot({ path: join(SHOTS, 'embed-dialog.png') });

    expect(problems).toEqual([]);
    await context.close();
  });
});
