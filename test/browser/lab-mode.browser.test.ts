// Lab mode in headless Chromium, by role and label, against a real broker started here as `npm run
// lab` starts it (Mosquitto and the lab's WebSocket bridge): Alice and Bob as MQTT.js clients, Bob
// offline, three messages, and Bob back gets all three once, in order, with sessionPresent true;
// the side-by-side table compares the packets with the simulation's; text stays text; a broker
// restart mid-run is reported and survived. The diagram shows the broker and the phones, flies the
// real packets along their links, says on each link what it carried, and a click (or Enter) on a
// packet shows it in the inspector; under reduced motion nothing flies. Without a broker, or with a bad `?lab=` address, the
// page says what is wrong and how to start one, connects nowhere, and the simulation keeps running.
// The lab's code is not part of the page's first load. Pages have no axe violations.
import AxeBuilder from '@axe-core/playwright';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../src/lab/node/free-port';
import { startLab, type Lab } from '../../src/lab/node/lab-broker';
import { mosquittoInstalled, MOSQUITTO_BIN } from '../../src/lab/node/mosquitto-process';
import { openPage } from './helpers/launch-browser';
import { pageSuite } from './playground/page-suite';
import { ROOT } from './playground/serve';

const SHOTS = join(ROOT, 'test-results', 'lab');
const HAVE_BROKER = mosquittoInstalled();
if (!HAVE_BROKER)
  console.warn(
    `lab mode's broker test skipped: no mosquitto at ${MOSQUITTO_BIN} (apt-get install -y mosquitto)`,
  );

/** The lab's chunks: none may load before lab mode is used. */
const LAB_ASSET = /lab\.worker|open-lab|LabLayout/;

/** expect.poll with room for a busy machine (its default gives up after a second). */
const poll = <T>(fn: () => Promise<T> | T, opts: { timeout?: number } = {}) =>
  expect.poll(fn, { timeout: 20_000, ...opts });

async function noAxeViolations(page: Page): Promise<void> {
  const r = await new AxeBuilder({ page }).exclude('.pg-flights').analyze();
  expect(
    r.violations.map(
      (v) => `${v.id}: ${v.nodes[0]?.target.join(' ')} ${v.nodes[0]?.failureSummary ?? ''}`,
    ),
  ).toEqual([]);
}

const card = (page: Page, who: string): Locator =>
  page.getByRole('article', { name: `${who}'s phone` });
const inbox = (page: Page, who: string): Locator =>
  page.getByRole('list', { name: `${who}'s inbox` });
const items = async (list: Locator): Promise<string[]> =>
  (await list.getByRole('listitem').allTextContents()).map((t) => t.trim());
/** The real broker's diagram, by its accessible name (which says the phones and the newest packet). */
const diagram = (page: Page): Locator =>
  page.getByRole('group', { name: /^Real broker diagram: / });
/** A client's link on the diagram: its accessible name lists what went up and down. */
const link = (page: Page, who: string): Locator =>
  diagram(page).getByRole('group', { name: new RegExp(`^${who}'s link: `) });
const linkText = async (page: Page, who: string): Promise<string> =>
  (await link(page, who).getAttribute('aria-label')) ?? '';
const latestPacket = (page: Page, who: string): Locator =>
  link(page, who).getByRole('button', { name: /latest on this link$/ });

/** The smallest node text on the diagram as drawn, in screen pixels (its font size times the zoom). */
const diagramTextPx = (page: Page): Promise<number> =>
  diagram(page)
    .locator('.react-flow__viewport')
    .evaluate((viewport) => {
      const zoom = new DOMMatrix(getComputedStyle(viewport).transform).a;
      const sub = viewport.querySelector('.pg-node-sub');
      return sub ? parseFloat(getComputedStyle(sub).fontSize) * zoom : 0;
    });

const logRows = (page: Page, between: string, type: string): Locator =>
  page
    .getByRole('region', { name: 'Packet log' })
    .getByRole('row')
    .filter({ hasText: between })
    .filter({ has: page.getByRole('button', { name: type, exact: true }) });

/** A page whose every request (the page's and its workers') is listed from the first one on. */
async function openWatched(
  suite: { browser: import('playwright-core').Browser },
  url: string,
): Promise<{ page: Page; problems: string[]; requests: string[]; close: () => Promise<void> }> {
  const context = await suite.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const requests: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  const { page, problems } = await openPage(suite.browser, url, { context });
  return { page, problems, requests, close: () => context.close() };
}

async function send(page: Page, from: string, to: string, text: string): Promise<void> {
  const controls = page.getByRole('complementary', { name: 'Lab controls' });
  await controls.getByLabel('From', { exact: true }).selectOption({ label: from });
  await controls.getByLabel('To', { exact: true }).selectOption({ label: to });
  await controls.getByLabel('Message text').fill(text);
  await controls.getByRole('button', { name: 'Send', exact: true }).click();
}

describe('lab mode in the playground', () => {
  const suite = pageSuite({ shots: SHOTS, build: 'lab-build' });
  let lab: Lab | undefined;
  let dataDir: string | undefined;

  beforeAll(async () => {
    if (!HAVE_BROKER) return;
    dataDir = mkdtempSync(join(tmpdir(), 'doubletick-lab-ui-'));
    lab = await startLab({ configPath: resolve(ROOT, 'lab/mosquitto.conf'), dataDir });
  });
  afterAll(async () => {
    await lab?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it.skipIf(!HAVE_BROKER)(
    'under reduced motion no packet flies: each link shows its newest packet instead',
    // Before the story below, which stops the broker at its end.
    async () => {
      const page = await suite.open(`?autoplay=0&lab=${encodeURIComponent(lab!.wsUrl)}`, {
        reducedMotion: 'reduce',
      });
      await card(page, 'Bob')
        .getByText(/^online/)
        .waitFor({ timeout: 60_000 });
      await card(page, 'Alice')
        .getByText(/^online/)
        .waitFor();
      await send(page, 'Alice', 'Bob', 'still');
      await poll(() => items(inbox(page, 'Bob'))).toEqual(['Alice: still']);
      await poll(() => latestPacket(page, 'Alice').textContent()).toMatch(
        /^↓ PUBACK \d+ B down to Alice/,
      );
      expect(await linkText(page, 'Alice')).toMatch(/up from Alice: [^;]*\bPUBLISH\b/);
      expect(await page.locator('.pg-lab-flight').count()).toBe(0);
      await latestPacket(page, 'Alice').click();
      await page
        .getByRole('complementary', { name: 'Details' })
        .getByRole('heading', { name: 'PUBACK from the broker to Alice' })
        .waitFor();
      // A spike's connections are one group node, with their counts.
      await page.getByLabel(/^Spike: real connections/).fill('20');
      await page.getByRole('button', { name: 'Spike', exact: true }).click();
      const spike = diagram(page).getByRole('region', { name: 'Spike: 20 connections' });
      await poll(() => spike.textContent()).toMatch(/\b20 connected · /);
      await poll(() => linkText(page, 'The spike')).toMatch(/up from the spike: CONNECT/);
      await poll(() => diagramTextPx(page)).toBeGreaterThanOrEqual(11);
      await page.screenshot({ path: join(SHOTS, 'lab-diagram-still.png') });
      await noAxeViolations(page);
    },
    90_000,
  );

  it.skipIf(!HAVE_BROKER)(
    'Bob offline, three messages, Bob back gets all three once, in order; side by side with the simulation',
    async () => {
      const page = await suite.open(`?autoplay=0&lab=${encodeURIComponent(lab!.wsUrl)}`);
      const bob = card(page, 'Bob');
      // A busy machine may take a while to boot the page and the lab worker.
      await bob.getByText(/^online/).waitFor({ timeout: 60_000 });
      expect(
        await page.getByRole('switch', { name: 'Real broker' }).getAttribute('aria-checked'),
      ).toBe('true');
      await card(page, 'Alice')
        .getByText(/^online/)
        .waitFor();
      // The diagram: Mosquitto in the middle, each phone an MQTT.js client beside it.
      await diagram(page).getByRole('region', { name: 'Mosquitto broker' }).waitFor();
      await diagram(page).getByRole('region', { name: "Alice's MQTT client" }).waitFor();
      await poll(() => diagram(page).getAttribute('aria-label')).toMatch(
        /^Real broker diagram: 2 phones, 2 online; latest packet /,
      );
      await poll(() => linkText(page, 'Alice')).toMatch(
        /up from Alice: CONNECT.*down to Alice: CONNACK/,
      );

      await page.getByRole('button', { name: 'Bob: go offline (DISCONNECT)' }).click();
      await bob.getByText(/offline \(said goodbye\)/).waitFor();
      // Bob's link is drawn dashed: no connection.
      await diagram(page).getByRole('img', { name: 'Bob to the broker: no connection' }).waitFor();
      expect(await diagram(page).getAttribute('aria-label')).toMatch(/2 phones, 1 online/);

      for (const text of ['one', 'two', 'three']) await send(page, 'Alice', 'Bob', text);
      const sent = page.getByRole('list', { name: "Alice's sent messages" });
      await poll(() => sent.getByLabel('broker acknowledged').count()).toBe(3);
      expect(await bob.getByText('Nothing received yet.').count()).toBe(1);

      await page.getByRole('button', { name: 'Bring Bob back online' }).click();
      // The queued PUBLISHes fly down to Bob, labelled, one after another; a click on one shows it.
      const flight = page.locator('.pg-lab-flight button').filter({ hasText: /^↓ PUBLISH \d+ B$/ });
      await flight.first().waitFor({ timeout: 30_000 });
      await page.screenshot({ path: join(SHOTS, 'lab-diagram-flight.png') });
      await flight.first().dispatchEvent('click');
      const inspector = page.getByRole('complementary', { name: 'Details' });
      await inspector
        .getByRole('heading', { name: 'PUBLISH from the broker to Bob' })
        .waitFor({ timeout: 5_000 });
      await poll(() => items(inbox(page, 'Bob')), { timeout: 30_000 }).toEqual([
        'Alice: one',
        'Alice: two',
        'Alice: three',
      ]);
      expect(await bob.getByText('sessionPresent').textContent()).toContain('sessionPresent true');
      // Once each: three PUBLISHes reached Bob, none redelivered.
      await poll(() => logRows(page, 'broker → Bob', 'PUBLISH').count()).toBe(3);
      expect(await bob.getByText(/redelivered/).count()).toBe(0);
      const connacks = await logRows(page, 'broker → Bob', 'CONNACK').allTextContents();
      expect(connacks.map((r) => r.includes('sessionPresent true'))).toEqual([true, false]);

      // Each link says what it carried: three PUBLISHes up from Alice, three down to Bob.
      await poll(() => linkText(page, 'Alice')).toMatch(/; up from Alice: [^;]*\b3 PUBLISH\b/);
      await poll(() => linkText(page, 'Bob')).toMatch(/; down to Bob: [^;]*\b3 PUBLISH\b/);
      expect(await linkText(page, 'Bob')).toMatch(/up from Bob: [^;]*\b3 PUBACK\b/);
      await diagram(page)
        .getByRole('region', { name: "Bob's MQTT client" })
        .getByText('sessionPresent true')
        .waitFor();
      await diagram(page).getByRole('img', { name: 'Bob to the broker: connected' }).waitFor();
      await poll(() => diagram(page).getAttribute('aria-label')).toMatch(/2 phones, 2 online/);
      // The newest packet on Bob's link, chosen from the keyboard, is the inspector's packet.
      await poll(() => page.locator('.pg-lab-flight').count(), { timeout: 15_000 }).toBe(0);
      const latest = latestPacket(page, 'Bob');
      const [, type, way] = /^[↑↓] (\w+) \d+ B (up from|down to) Bob/.exec(
        (await latest.textContent()) ?? '',
      )!;
      await latest.focus();
      await page.keyboard.press('Enter');
      expect(await latest.getAttribute('aria-pressed')).toBe('true');
      await inspector
        .getByRole('heading', {
          name:
            way === 'up from' ? `${type} from Bob to the broker` : `${type} from the broker to Bob`,
        })
        .waitFor();
      // Fitted into its pane at 1280×720, the diagram's text is still legible.
      expect(await diagramTextPx(page)).toBeGreaterThanOrEqual(11);
      await page.screenshot({ path: join(SHOTS, 'lab-diagram-light.png') });
      await noAxeViolations(page);
      await page.getByRole('button', { name: 'Dark theme' }).click();
      await page.screenshot({ path: join(SHOTS, 'lab-diagram-dark.png') });
      await noAxeViolations(page);
      await page.getByRole('button', { name: 'Light theme' }).click();
      await page.getByRole('tab', { name: 'Side by side' }).click();

      // Text from another phone is shown as text, never as markup.
      await send(page, 'Bob', 'Alice', '<b>bold</b><img src=x>');
      await poll(() => items(inbox(page, 'Alice'))).toEqual(['Bob: <b>bold</b><img src=x>']);
      expect(await inbox(page, 'Alice').locator('b, img').count()).toBe(0);

      // The same inputs through the simulation, compared packet type by packet type.
      await page.getByRole('button', { name: 'Compare with the simulation' }).click();
      const table = page.getByRole('table', { name: /Real broker and simulation/ });
      await table.waitFor();
      const row = async (measure: string): Promise<string[]> =>
        await table
          .getByRole('row')
          .filter({ has: page.getByRole('rowheader', { name: measure, exact: true }) })
          .getByRole('cell')
          .allTextContents();
      expect(await row('Messages delivered')).toEqual(['4', '4']);
      expect((await row('sessionPresent on reconnect'))[0]).toBe('bob: true');
      expect((await row('PUBLISH phone → server'))[0]).toMatch(/^4 \(/);
      expect((await row('PUBLISH server → phone'))[0]).toMatch(/^4 \(/);
      // The simulated gateway also pushes each sender a ✓✓ receipt: twice the PUBLISHes, and why.
      const simulated = (await row('PUBLISH server → phone'))[1]!;
      expect(simulated).toMatch(/^8 \(\d+ B\)/);
      expect(simulated).toContain('chat router, not a topic broker');
      expect(await row('PUBLISH redelivered with DUP')).toEqual(['0', '0']);
      expect((await row('Bytes per delivered message'))[0]).toMatch(/^\d+ B$/);
      await page.screenshot({ path: join(SHOTS, 'lab-mode.png') });
      await page
        .getByRole('complementary', { name: 'Details' })
        .screenshot({ path: join(SHOTS, 'side-by-side.png') });
      await noAxeViolations(page);

      // A packet's bytes in the inspector.
      await logRows(page, 'broker → Bob', 'PUBLISH')
        .first()
        .getByRole('button', { name: 'PUBLISH' })
        .click();
      await poll(() => page.getByLabel('Packet bytes in hexadecimal').textContent()).toMatch(
        /^3[0-9a-f]/,
      );

      // The broker restarts mid-run: the page says so, and the phones come back to their sessions.
      await lab!.broker.restart();
      await page
        .getByRole('status')
        .filter({ hasText: /closed .* connection without being asked/ })
        .waitFor({ timeout: 30_000 });
      await bob.getByText(/^online/).waitFor({ timeout: 20_000 });
      await poll(() => logRows(page, 'broker → Bob', 'CONNACK').count()).toBe(3);
      expect(await bob.getByText('sessionPresent').textContent()).toContain('sessionPresent true');
      await page.screenshot({ path: join(SHOTS, 'lab-restart.png') });

      // The broker stops for good: the page says it is gone and how to start it; the way back to
      // the simulation is one button, and the simulation is there.
      await lab!.broker.stop();
      const gone = page.getByRole('alert').filter({ hasText: /has not answered for 8 s/ });
      await gone.waitFor({ timeout: 30_000 });
      expect(await gone.textContent()).toContain('npm run lab');
      await page.screenshot({ path: join(SHOTS, 'lab-broker-gone.png') });
      await noAxeViolations(page);
      await page.getByRole('button', { name: 'Back to the simulation' }).click();
      await page.getByRole('region', { name: "Alice's phone" }).waitFor();
      expect(
        await page.getByRole('switch', { name: 'Real broker' }).getAttribute('aria-checked'),
      ).toBe('false');
    },
    // The story, a restart and a stop of the broker: generous on a busy machine.
    180_000,
  );

  it('no broker at the address: what is wrong, the command to start one, and the simulation runs on', async () => {
    const port = await freePort();
    const url = `ws://127.0.0.1:${port}`;
    const { page, problems, requests, close } = await openWatched(
      suite,
      `${suite.url}?lab=${encodeURIComponent(url)}`,
    );
    try {
      const view = page.getByRole('region', { name: 'The real broker cannot be used' });
      await view.waitFor({ timeout: 20_000 });
      const alert = await view.getByRole('alert').textContent();
      expect(alert).toContain(`No broker is listening at ${url}`);
      expect(alert).toContain('npm run lab');
      expect(
        await page.getByRole('switch', { name: 'Real broker' }).getAttribute('aria-checked'),
      ).toBe('false');
      // The simulation is still there and still runs.
      await page.getByRole('region', { name: "Alice's phone" }).waitFor();
      const clock = page.getByRole('group', { name: 'Time' }).getByLabel('Virtual time');
      const before = await clock.textContent();
      await poll(() => clock.textContent()).not.toBe(before);
      await page.screenshot({ path: join(SHOTS, 'no-broker.png') });
      await noAxeViolations(page);
      // The lab loaded on demand, and its worker ended with the failed attempt.
      expect(requests.filter((a) => LAB_ASSET.test(a)).length).toBeGreaterThan(0);
      // Chromium logs the refused WebSocket itself; that line is expected, any other is not.
      expect(problems.filter((p) => !p.includes(`WebSocket connection to '${url}`))).toEqual([]);
    } finally {
      await close();
    }
  });

  it('a bad ?lab= address is refused before anything connects or loads', async () => {
    const cases: [string, RegExp][] = [
      ['http://127.0.0.1:9001', /must start with ws:\/\/ or wss:\/\//],
      ['ws://bob:secret@127.0.0.1:9001', /user name or password/],
      ['ws://127.0.0.1:9001/../admin', /path .* is not allowed/],
      [`ws://${'a'.repeat(300)}:1`, /at most 200 are accepted/],
    ];
    for (const [bad, why] of cases) {
      const { page, problems, requests, close } = await openWatched(
        suite,
        `${suite.url}?lab=${encodeURIComponent(bad)}`,
      );
      try {
        const view = page.getByRole('region', { name: 'The real broker cannot be used' });
        await view.waitFor();
        expect(await view.getByRole('alert').textContent()).toMatch(why);
        expect(await view.getByRole('alert').textContent()).toContain('npm run lab');
        await page.getByRole('region', { name: "Alice's phone" }).waitFor();
        if (bad.startsWith('http')) {
          await page.screenshot({ path: join(SHOTS, 'bad-address.png') });
          await noAxeViolations(page);
        }
        // Nothing connected and nothing of the lab loaded: only the page's own origin was asked.
        expect(requests.filter((a) => LAB_ASSET.test(a) || !a.startsWith(suite.url))).toEqual([]);
        expect(problems).toEqual([]);
      } finally {
        await close();
      }
    }
  });

  it('the switch asks for an address; the lab loads only then', async () => {
    const { page, problems, requests, close } = await openWatched(suite, `${suite.url}?autoplay=0`);
    try {
      await page.getByRole('region', { name: "Alice's phone" }).waitFor();
      const toggle = page.getByRole('switch', { name: 'Real broker' });
      await toggle.click();
      expect(await toggle.getAttribute('aria-checked')).toBe('true');
      const form = page.getByRole('form', { name: 'Connect to a real broker' });
      await form.getByLabel('Broker WebSocket address').fill('wss://user@example.org');
      await form.getByRole('button', { name: 'Connect' }).click();
      await page
        .getByRole('region', { name: 'The real broker cannot be used' })
        .getByText(/user name or password/)
        .waitFor();
      expect(await toggle.getAttribute('aria-checked')).toBe('false');
      expect(requests.filter((a) => LAB_ASSET.test(a))).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });
});
