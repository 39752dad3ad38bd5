// The playground in headless Chromium, driven as a learner drives it (by role and label): store and
// forward with ✓ and ✓✓, bytes per message under short polling, a spike with and without jitter, the
// inspector's decoded MQTT PUBLISH. Each test saves a screenshot and fails on any console error or warning.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { Learner, parseBytes, parseClock } from './playground/learner';
import { pageSuite, type PageOptions } from './playground/page-suite';
import { ROOT } from './playground/serve';

const SHOTS = join(ROOT, 'test-results', 'playground');
const POLL = { timeout: 20_000, interval: 100 };

describe('playground in a real browser', () => {
  const suite = pageSuite({ shots: SHOTS });
  let page: Page | undefined;

  // PLAYGROUND_HOST=local runs the same flows on the one-thread host (default: the app's worker host).
  const hostParam = process.env['PLAYGROUND_HOST'] === 'local' ? 'host=local' : '';

  async function open(query = '', opts: PageOptions = {}): Promise<Learner> {
    const q = hostParam ? (query ? `${query}&${hostParam}` : `?${hostParam}`) : query;
    page = await suite.open(q, opts);
    await page.getByRole('region', { name: "Alice's phone" }).waitFor();
    return new Learner(page);
  }

  const shot = (name: string): Promise<Buffer> =>
    page!.screenshot({ path: join(SHOTS, `${name}.png`) });

  it("searches a phone's own messages on the phone, accent- and case-insensitively", async () => {
    const l = await open();
    await l.send('Alice', 'Bob', 'Dinner at the Café Rouge?');
    await l
      .phone('Bob')
      .getByRole('listitem')
      .filter({ hasText: 'Café Rouge' })
      .waitFor({ timeout: 20_000 });
    const s = await l.choosePhone('Bob');
    await s.getByLabel("Search on Bob's phone").fill('CAFE');
    const hits = page!.getByRole('list', { name: 'Search results on Bob' });
    await hits.getByRole('button', { name: /Café Rouge/ }).waitFor({ timeout: 10_000 });
    expect(await hits.getByRole('listitem').count()).toBe(1);
    await s.getByLabel("Search on Bob's phone").fill('lunch');
    await s.getByRole('status').filter({ hasText: 'No message on this phone matches.' }).waitFor();
    await s.getByLabel("Search on Bob's phone").fill('dinner');
    await hits.getByRole('button', { name: /Café Rouge/ }).click();
    await page!.getByRole('tabpanel').getByText('Message #1').first().waitFor({ timeout: 10_000 });
    await shot('9-on-device-search');
  });

  it('stores a message for an offline phone and deletes it once delivered (✓ then ✓✓)', async () => {
    const l = await open();
    await l.spawn('2', 'MQTT');
    await l.phone('Carol').waitFor();
    await l.phone('Dave').waitFor();

    await l.goOffline('Bob');
    await expect
      .poll(() => l.phone('Bob').getByText('offline', { exact: true }).count(), POLL)
      .toBe(1);

    await l.send('Alice', 'Bob', 'Are you there?');
    const mine = l.receipt('Alice', 'Are you there?');
    await mine.getByLabel('sent', { exact: true }).waitFor();
    await expect.poll(() => l.storedCount(), POLL).toBe('1');
    expect(await mine.getByLabel('delivered').count()).toBe(0);
    await shot('1-offline-stored');

    await l.goOnline('Bob');
    await mine.getByLabel('delivered').waitFor({ timeout: 20_000 });
    await expect.poll(() => l.storedCount(), POLL).toBe('0');
    await l.phone('Bob').getByRole('listitem').filter({ hasText: 'Are you there?' }).waitFor();
    await shot('2-online-delivered');
  });

  it('loses signal from the keyboard; what Alice sends meanwhile arrives once Bob is back', async () => {
    const l = await open();
    const bob = await l.choosePhone('Bob');
    await bob.getByText('Lose signal is silent').waitFor();
    await l.loseSignal('Bob');
    await expect
      .poll(() => l.phone('Bob').getByText('offline', { exact: true }).count(), POLL)
      .toBe(1);

    await l.send('Alice', 'Bob', 'Through the tunnel?');
    const mine = l.receipt('Alice', 'Through the tunnel?');
    await mine.getByLabel('sent', { exact: true }).waitFor();
    expect(await mine.getByLabel('delivered').count()).toBe(0);
    await shot('lose-signal-half-open');

    await l.goOnline('Bob');
    await mine.getByLabel('delivered').waitFor({ timeout: 20_000 });
    await expect
      .poll(
        () =>
          l.phone('Bob').getByRole('listitem').filter({ hasText: 'Through the tunnel?' }).count(),
        POLL,
      )
      .toBe(1);
  });

  it('shows bytes per delivered message rising when every phone switches to short polling', async () => {
    const l = await open();
    await l.send('Alice', 'Bob', 'over MQTT');
    await l.receipt('Alice', 'over MQTT').getByLabel('delivered').waitFor({ timeout: 20_000 });
    await expect.poll(() => l.barValue('bytes per delivered message', 'MQTT'), POLL).toMatch(/B$/);
    const mqtt = parseBytes((await l.barValue('bytes per delivered message', 'MQTT'))!);

    await l.switchAllPhones('HTTP short polling');
    await expect.poll(() => l.phone('Alice').getByText('Short poll').count(), POLL).toBe(1);
    await expect
      .poll(() => l.phone('Alice').getByText('online', { exact: true }).count(), POLL)
      .toBe(1);
    await l.send('Alice', 'Bob', 'over short polling');
    await l
      .receipt('Alice', 'over short polling')
      .getByLabel('delivered')
      .waitFor({ timeout: 20_000 });
    await expect
      .poll(() => l.barValue('bytes per delivered message', 'Short poll'), POLL)
      .toMatch(/B$/);
    const poll = parseBytes((await l.barValue('bytes per delivered message', 'Short poll'))!);
    expect(mqtt).toBeGreaterThan(0);
    expect(poll).toBeGreaterThan(mqtt * 5);
    await shot('3-short-polling-bytes');
  });

  it('refuses a different number of connections in a spike with and without jitter', async () => {
    const l = await open('?autoplay=0');
    const refusedAt30s = async (retry: string): Promise<number> => {
      await l.reset('7');
      await expect.poll(() => l.clock(), POLL).toBe('0:00.000');
      await l.setRetry(retry);
      await l.setMaxConnections('1,000');
      await l.fireSpike('3,000', '1 s');
      await l.goToSecond('30');
      await expect
        .poll(async () => parseClock(await l.clock()), { timeout: 60_000, interval: 200 })
        .toBe(30_000);
      await expect
        .poll(async () => (await l.tileValue('Refused connections')).length, POLL)
        .toBeGreaterThan(0);
      const refused = Number((await l.tileValue('Refused connections')).replace(/,/g, ''));
      // The histogram under the spike shows the same refusals, second by second (all of them
      // fall in its last 40 s), and the connections the spike opened.
      const histogram = l
        .section("New Year's Eve spike")
        .getByRole('img', { name: /Connections and refusals per second/ });
      const label = (await histogram.getAttribute('aria-label')) ?? '';
      const [, opened, refusedThere] = /([\d,]+) connections opened, ([\d,]+) refused/.exec(label)!;
      expect(Number(refusedThere!.replace(/,/g, ''))).toBe(refused);
      expect(Number(opened!.replace(/,/g, ''))).toBeGreaterThan(0);
      return refused;
    };
    const fixed = await refusedAt30s('No jitter (retry after 1 s)');
    await shot('4-spike-no-jitter');
    const jitter = await refusedAt30s('Jitter 1–5 s');
    await shot('5-spike-jitter');
    expect(fixed).toBeGreaterThan(0);
    expect(jitter).toBeGreaterThan(0);
    expect(fixed).not.toBe(jitter);
  }, 120_000);

  it('sizes the spike presets against the gateway shown, and they follow its settings', async () => {
    const l = await open('?autoplay=0');
    const phones = l.section("New Year's Eve spike").getByLabel('Phones', { exact: true });
    const presets = (): Promise<string[]> =>
      phones.locator('optgroup[label="Sized to this gateway"] option').allTextContents();
    await expect
      .poll(presets, POLL)
      .toEqual(['800 (½× capacity)', '3,200 (2× capacity)', '7,500 (all the room left)']);
    expect(await phones.locator('option:checked').textContent()).toBe('7,500 (all the room left)');
    await l.setMaxConnections('1,000');
    await expect.poll(presets, POLL).toEqual(['750 (all the room left)']);
    await phones.selectOption({ label: '1,000' });
    await l
      .section("New Year's Eve spike")
      .getByRole('button', { name: 'Fire spike of 1,000' })
      .waitFor();
  });

  it('opens the inspector on a row of the log and shows a decoded MQTT PUBLISH', async () => {
    const l = await open();
    await l.send('Alice', 'Bob', 'inspect me');
    await l.receipt('Alice', 'inspect me').getByLabel('delivered').waitFor({ timeout: 20_000 });
    const log = page!.getByRole('group', { name: 'Filter the event log' });
    await log.getByLabel('Kind').selectOption({ label: 'pushed' });
    await page!
      .getByRole('table', { name: 'Trace events' })
      .getByRole('row')
      .filter({ hasText: '#1' })
      .first()
      .click();
    const details = page!.getByRole('complementary', { name: 'Details' });
    await details.getByRole('heading', { name: /Message #1/ }).waitFor();
    await details.getByText('MQTT PUBLISH').first().waitFor();
    await expect
      .poll(() => details.getByText('topic', { exact: true }).count(), POLL)
      .toBeGreaterThan(0);
    await expect
      .poll(() => details.getByText(/body \(ciphertext/).count(), POLL)
      .toBeGreaterThan(0);
    await details.getByRole('button', { name: 'Show sequence diagram' }).click();
    await details
      .getByRole('img', { name: 'Sequence diagram of message 1' })
      .locator('svg')
      .waitFor({ timeout: 30_000 });
    await shot('6-inspector-mqtt-publish');
  });

  it('compares the four protocols on the same seeded traffic, filling the table run by run', async () => {
    await open('?autoplay=0');
    await page!.getByRole('tab', { name: 'Compare' }).click();
    const panel = page!.getByRole('tabpanel');
    await panel.getByLabel('Virtual time').selectOption({ label: '1 min' });
    await panel.getByRole('button', { name: 'Run comparison' }).click();
    const table = panel.getByRole('table', { name: 'Protocol comparison' });
    const bytesOf = async (protocol: string): Promise<number> =>
      parseBytes(
        (await table
          .getByRole('row', { name: new RegExp(`^${protocol}`) })
          .getByRole('cell')
          .first()
          .textContent()) ?? '',
      );
    await expect
      .poll(() => bytesOf('MQTT'), { timeout: 120_000, interval: 250 })
      .toBeGreaterThan(0);
    for (const p of ['Short poll', 'Long poll', 'WebSocket'])
      expect(await bytesOf(p)).toBeGreaterThan(0);
    expect(await bytesOf('Short poll')).toBeGreaterThan((await bytesOf('MQTT')) * 5);
    await shot('7-compare-protocols');
  }, 150_000);

  it('is keyboard operable, fits 1280×720 without horizontal scroll, and has a dark theme', async () => {
    const l = await open('', { colorScheme: 'dark', reducedMotion: 'reduce' });
    const time = page!.getByRole('group', { name: 'Time' });
    await time.getByRole('button', { name: 'Pause' }).waitFor();
    await page!.locator('body').press(' ');
    await time.getByRole('button', { name: 'Play' }).waitFor();
    // A step runs the next instant's events: the log grows (the clock moves unless they were due now).
    const moment = async (): Promise<string> => `${await l.clock()} ${await l.eventCount()}`;
    const before = await moment();
    await page!.locator('body').press('.');
    await expect.poll(moment, POLL).not.toBe(before);
    expect(parseClock(await l.clock())).toBeGreaterThanOrEqual(parseClock(before.split(' ')[0]!));
    await page!.keyboard.press('Tab');
    const focused = await page!.evaluate(() => document.activeElement?.tagName);
    expect(focused).toBeTruthy();
    const [scrollW, clientW] = await page!.evaluate(() => [
      document.documentElement.scrollWidth,
      document.documentElement.clientWidth,
    ]);
    expect(scrollW).toBeLessThanOrEqual(clientW);
    expect(await page!.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark');
    await shot('8-dark-reduced-motion');
  });
});
