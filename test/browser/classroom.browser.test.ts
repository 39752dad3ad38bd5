// A two-student classroom in headless Chromium against the real lab (Mosquitto behind the gated
// bridge, the built classroom page served by the same server): both students join by name, Ann
// messages Ben and Ben sees the message as text (markup stays text), a wrong join code is refused
// with its reason, the teacher puts up a lesson step and both students' panes follow it, and the
// bad links (a bad broker URL, no broker answering, a broker that restarts) say what is wrong.
// Pages are driven by role and label, checked with axe, and photographed.
import AxeBuilder from '@axe-core/playwright';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startClassroomLab, type ClassroomLab } from '../../src/lab/node/classroom-lab';
import { mosquittoInstalled } from '../../src/lab/node/mosquitto-process';
import { hasChromium, launchBrowser, openPage, screenshot } from './helpers/launch-browser';

const ROOT = resolve(import.meta.dirname, '../..');
// Generous: the machine running the suite may be busy with other suites' browsers and builds.
const WAIT = { timeout: 30_000 };
let dir = '';
let lab: ClassroomLab;
let browser: Browser;
let base = '';

beforeAll(async () => {
  if (!hasChromium() || !mosquittoInstalled()) return;
  dir = mkdtempSync(join(tmpdir(), 'doubletick-classroom-page-'));
  await build({
    root: ROOT,
    configFile: join(ROOT, 'vite.config.ts'),
    configLoader: 'runner',
    logLevel: 'warn',
    build: {
      outDir: join(dir, 'dist'),
      emptyOutDir: true,
      rollupOptions: { input: { classroom: join(ROOT, 'classroom.html') } },
    },
  });
  lab = await startClassroomLab({
    configPath: join(ROOT, 'lab/mosquitto.conf'),
    dataDir: join(dir, 'data'),
    distDir: join(dir, 'dist'),
    host: '127.0.0.1',
    size: 3,
  });
  base = `http://127.0.0.1:${lab.server.port}/classroom.html`;
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await lab?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function join_(url: string, name: string): Promise<{ page: Page; problems: string[] }> {
  const opened = await openPage(browser, url, { width: 1100, height: 860 });
  await opened.page.getByLabel('Your name').fill(name);
  await opened.page.getByRole('button', { name: 'Join' }).click();
  return opened;
}

async function axe(page: Page, what: string): Promise<void> {
  const r = await new AxeBuilder({ page }).analyze();
  const found = r.violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(found, `axe on ${what}`).toEqual([]);
}

const members = (p: Page) => p.getByRole('region', { name: /^Members/ });
const messageLog = (p: Page) => p.getByRole('list', { name: 'Conversation' });
const stepPane = (p: Page) => p.getByRole('region', { name: 'Lesson step' });

describe.skipIf(!hasChromium() || !mosquittoInstalled())('classroom in a real browser', () => {
  it('two students join, message each other as text, and follow the teacher’s step', async () => {
    const teacher = await openPage(browser, lab.teacherUrl, { width: 1100, height: 900 });
    await teacher.page.getByText(`Room code ${lab.room.code}`).waitFor(WAIT);
    await teacher.page.getByRole('img', { name: /^QR code of the join link/ }).waitFor(WAIT);

    const ann = await join_(`${base}?code=${lab.room.code}`, 'Ann');
    const ben = await join_(`${base}?code=${lab.room.code}`, 'Ben');
    for (const s of [ann, ben, teacher])
      await expect
        .poll(() => members(s.page).getByRole('heading').textContent(), WAIT)
        .toBe('Members (2 of 2 online)');
    await expect
      .poll(() => ann.page.getByRole('img', { name: /^Room diagram/ }).getAttribute('aria-label'))
      .toBe('Room diagram: the broker and 2 members, 2 online');

    // Ann writes to Ben; the text carries markup that must stay text.
    const text = '<img src=x onerror="document.title=1"> hi Ben';
    await ann.page.getByRole('button', { name: 'Message Ben' }).click();
    await ann.page.getByRole('textbox', { name: 'Message' }).fill(text);
    await ann.page.getByRole('button', { name: 'Send' }).click();
    await messageLog(ben.page).getByText('Ann → you').waitFor(WAIT);
    expect(await messageLog(ben.page).locator('.cr-text').textContent()).toBe(text);
    expect(await messageLog(ben.page).locator('img').count()).toBe(0);
    await messageLog(ann.page).getByLabel('sent').waitFor(WAIT);

    // The teacher puts up step 2 of "Start here"; both students' panes follow.
    await teacher.page.getByLabel('Lesson').selectOption({ label: 'Start here' });
    await teacher.page.getByLabel('Step').selectOption('2');
    await teacher.page.getByRole('button', { name: 'Show this step to the room' }).click();
    for (const s of [ann, ben])
      await expect
        .poll(() => stepPane(s.page).getByRole('heading', { level: 3 }).textContent(), WAIT)
        .toMatch(/^Start here, step 2 of \d+: \S/);
    await expect
      .poll(() => stepPane(ben.page).getByRole('link').getAttribute('href'))
      .toBe('index.html?lesson=start-here&step=2');

    await axe(ann.page, 'a student');
    await axe(teacher.page, 'the teacher');
    await screenshot(ann.page, 'classroom-student-ann');
    await screenshot(ben.page, 'classroom-student-ben');
    await screenshot(teacher.page, 'classroom-teacher');
    expect([...ann.problems, ...ben.problems, ...teacher.problems]).toEqual([]);

    // A wrong join code and a taken name are refused, with the reason, and the form stays.
    const wrong = await join_(`${base}?code=ZZZZ22`, 'Cy');
    await expect
      .poll(() => wrong.page.getByRole('alert').textContent(), WAIT)
      .toMatch(/Wrong join code/);
    await wrong.page.getByLabel('Your name').waitFor();
    await axe(wrong.page, 'a refused join');
    await screenshot(wrong.page, 'classroom-wrong-code');
    const spaced = await join_(`${base}?code=${lab.room.code}`, 'Ann Lee');
    await expect
      .poll(() => spaced.page.getByLabel('Your name').getAttribute('aria-invalid'))
      .toBe('true');
    expect(await spaced.page.getByText(/no spaces/).count()).toBe(1);
    const taken = await join_(`${base}?code=${lab.room.code}`, 'Ann');
    await expect
      .poll(() => taken.page.getByRole('alert').textContent(), WAIT)
      .toMatch(/name is taken/);

    // The broker goes away: the students are told; it comes back, and so do they, on their own.
    await lab.broker!.stop();
    await expect
      .poll(() => ann.page.getByRole('alert').textContent(), WAIT)
      .toMatch(/connection to the room dropped/);
    await lab.broker!.restart();
    await expect.poll(() => ann.page.getByRole('alert').count(), WAIT).toBe(0);
    await expect.poll(() => ann.page.getByText('· connected').count(), WAIT).toBe(1);
  }, 150_000);

  it('says what is wrong with a bad link, and how to start a classroom when none answers', async () => {
    const bad = await openPage(browser, `${base}?code=${lab.room.code}&broker=http://x/`);
    await expect
      .poll(() => bad.page.getByRole('alert').textContent(), WAIT)
      .toMatch(/must start with ws:\/\/ or wss:\/\//);
    const creds = await openPage(browser, `${base}?code=${lab.room.code}&broker=ws://u:p@x/`);
    await expect
      .poll(() => creds.page.getByRole('alert').textContent(), WAIT)
      .toMatch(/must not carry a user name or password/);
    const nocode = await openPage(browser, base);
    await expect
      .poll(() => nocode.page.getByRole('alert').textContent(), WAIT)
      .toMatch(/no room code/);
    await axe(nocode.page, 'a link without a code');

    const none = await join_(`${base}?code=${lab.room.code}&broker=ws://127.0.0.1:9/mqtt`, 'Dee');
    await expect
      .poll(() => none.page.getByRole('alert').textContent(), WAIT)
      .toMatch(/No classroom answers at ws:\/\/127\.0\.0\.1:9\/mqtt.*npm run lab -- --classroom/);
    await axe(none.page, 'an unreachable broker');
    await screenshot(none.page, 'classroom-unreachable');
  }, 150_000);
});
