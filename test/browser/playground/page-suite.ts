/**
 * What every page suite sets up the same way: the site built and served, Debian's Chromium
 * launched, pages each in a fresh context, and a test that fails when any of its pages logged an
 * error or a warning. Call `pageSuite()` inside `describe`; it registers the hooks.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { hasChromium, launch, openPage } from './browser';
import { buildAndServe, ROOT, type Served } from './serve';

export type PageOptions = Parameters<typeof openPage>[2];

export interface PageSuite {
  /** The served site's root URL. */
  readonly url: string;
  readonly browser: Browser;
  /** Opens `url + path` in a fresh context; the test fails at its end if the page logged problems. */
  open(path?: string, opts?: PageOptions): Promise<Page>;
  /** Closes the open pages now and checks what they logged (for a test that goes on after). */
  close(label?: string): Promise<void>;
}

export function pageSuite(o: { build?: string; shots?: string } = {}): PageSuite {
  let served: Served | undefined;
  let browser: Browser | undefined;
  const contexts: { close(): Promise<void> }[] = [];
  const problems: string[][] = [];

  beforeAll(async () => {
    if (!hasChromium())
      throw new Error(
        'Chromium is missing: apt-get install -y --no-install-recommends chromium fonts-liberation (or set CHROMIUM_PATH)',
      );
    if (o.shots) mkdirSync(o.shots, { recursive: true });
    served = await buildAndServe(
      o.build ? { outDir: join(ROOT, 'test-results', o.build) } : undefined,
    );
    browser = await launch();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  const close = async (label = 'console errors or warnings'): Promise<void> => {
    for (const c of contexts.splice(0)) await c.close();
    expect(problems.splice(0).flat(), label).toEqual([]);
  };
  afterEach(() => close());

  return {
    get url() {
      if (!served) throw new Error('the site is not served yet (use the suite inside a test)');
      return served.url;
    },
    get browser() {
      if (!browser) throw new Error('Chromium is not launched yet (use the suite inside a test)');
      return browser;
    },
    async open(path = '', opts = {}) {
      const opened = await openPage(this.browser, this.url + path, opts);
      contexts.push(opened.context);
      problems.push(opened.problems);
      return opened.page;
    },
    close,
  };
}
