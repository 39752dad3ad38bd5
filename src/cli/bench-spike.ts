/**
 * How fast the page's run moves through a New Year's Eve spike: virtual seconds per wall second
 * at 1× speed while 10,000 phones connect within 1 s against the page's default gateway (issue
 * goal: ≥ 1× real time). Measured on the app's host (engine in workers) beside the one-thread
 * host on the same page: the difference is what the workers' window protocol costs — every 5 ms
 * window of virtual time is a round of messages between five threads, and a spike fills them all.
 */
import type { Browser } from 'playwright-core';
import type { BenchRow } from './bench-row';

const WALL_MS = 10_000;

/** Virtual time shown on the page's clock (`0:02.074`, `1:02:03.004`), in seconds. */
export function clockSeconds(text: string): number {
  const parts = text.trim().split(':').map(Number);
  return parts.reduce((acc, p) => acc * 60 + p, 0);
}

/** Virtual seconds the run advanced per wall second, from firing a 10,000-phone spike on. */
async function spikePace(browser: Browser, url: string, query: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  await page.goto(`${url}?${query}`);
  await page.getByRole('region', { name: "Alice's phone" }).waitFor();
  const spike = page.getByRole('group', { name: "New Year's Eve spike", exact: true });
  await spike.getByLabel('Phones', { exact: true }).selectOption({ label: '10,000' });
  await spike.getByLabel('Within').selectOption({ label: '1 s' });
  // The clock and the page's own wall clock, read in one go: two separate reads would count the
  // round trip between them as time the run did not keep up with.
  const clock = async (): Promise<{ virtual: number; wall: number }> => {
    const [text, wall] = await page.evaluate(() => [
      document.querySelector('[data-testid="clock"]')?.textContent ?? '',
      performance.now(),
    ]);
    return { virtual: clockSeconds(String(text)), wall: Number(wall) / 1000 };
  };
  await spike.getByRole('button', { name: /^Fire spike/ }).click();
  const start = await clock();
  await page.waitForTimeout(WALL_MS);
  const end = await clock();
  await context.close();
  return (end.virtual - start.virtual) / (end.wall - start.wall);
}

/**
 * At 1× the page paces the run by the wall clock, so no host can show more than 1 virtual second
 * per wall second: "keeps up" is what can be measured, within the 1 % the clock's frame-by-frame
 * display can lose between two readings.
 */
const KEEPS_UP = 0.99;

export async function spikePaceRows(browser: Browser, url: string): Promise<BenchRow[]> {
  const workers = await spikePace(browser, url, '');
  const oneThread = await spikePace(browser, url, 'host=local');
  const r3 = (x: number): number => Math.round(x * 1000) / 1000;
  return [
    {
      name: 'ui (workers): 10,000-phone spike, virtual s per wall s at 1× (default gateway)',
      value: r3(workers),
      unit: '×',
      baseline: r3(oneThread),
      baselineName: 'same spike, one-thread host',
      ratio: r3(workers / oneThread),
      goal: `≥ 1× real time (paced at 1×, so: keeps up, ≥ ${KEEPS_UP})`,
      met: workers >= KEEPS_UP,
    },
  ];
}
