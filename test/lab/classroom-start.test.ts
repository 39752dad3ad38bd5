// Proves `npm run lab -- --classroom` as a teacher runs it: without a built page it stops and says
// to run `npm run build`; with one it prints the room's code, the students' link with its QR code
// and the teacher's link, serves the page on that link, and SIGTERM stops it.
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mosquittoInstalled } from '../../src/lab/node/mosquitto-process';
import { terminalQr } from '../../src/lab/node/terminal-qr';
import { exited, labScript, output, ROOT } from './lab-script';

const { start, tempDir } = labScript('doubletick-classroom-start-');
const classroom = (dist: string, ...args: string[]) =>
  start('--classroom', '--dist', dist, ...args);

const BLACK_ON_WHITE = '\u001b[30;47m';
const RESET = '\u001b[0m';
const esc = (s: string) => s.replace(/[[\]]/g, '\\$&');
const QR_LINE = new RegExp(`^${esc(BLACK_ON_WHITE)}[ █▀▄]{37}${esc(RESET)}$`);

describe('terminal QR code', () => {
  it('draws two rows a line, black on white, with a quiet zone', () => {
    const lines = terminalQr('http://192.168.1.20:8080/classroom.html?code=ABCDEF').split('\n');
    // Version 3 (29 modules) plus 2 × 4 quiet modules = 37 columns, ceil(37 / 2) = 19 lines.
    expect(lines).toHaveLength(19);
    for (const l of lines) expect(l).toMatch(QR_LINE);
    expect(lines[0]).toBe(`${BLACK_ON_WHITE}${' '.repeat(37)}${RESET}`);
  });
});

describe.skipIf(!mosquittoInstalled())('npm run lab -- --classroom', () => {
  it('says to build first when the page is not built', async () => {
    const child = classroom(join(tmpdir(), 'doubletick-no-such-dist'));
    const text = await output(child, /npm run build/);
    expect(text).toMatch(/classroom page is not built.*run `npm run build` first/);
    expect(await exited(child)).toBe(1);
  });

  it('prints the links and the QR code, serves the page there, and stops on SIGTERM', async () => {
    const dist = tempDir('doubletick-classroom-dist-');
    mkdirSync(dist, { recursive: true });
    writeFileSync(join(dist, 'classroom.html'), '<!doctype html><title>classroom</title>');
    const child = classroom(dist, '--host', '127.0.0.1', '--size', '12');
    const text = await output(child, /Ctrl-C stops the classroom/);
    const code = /room ([2-9A-Z]{6}), up to 12 students/.exec(text)?.[1];
    expect(code).toBeDefined();
    expect(text).toMatch(/broker: Mosquitto on 127\.0\.0\.1:\d+ \(loopback only\)/);
    const student = /Students open: (\S+)/.exec(text)?.[1];
    expect(student).toMatch(
      new RegExp(`^http://127\\.0\\.0\\.1:\\d+/classroom\\.html\\?code=${code}$`),
    );
    expect(text.split('\n').filter((l) => QR_LINE.test(l))).toHaveLength(19);
    expect(text).toMatch(
      new RegExp(`Teacher .*: ${student!.replace(/[.?]/g, '\\$&')}&teacher=\\S{16}`),
    );
    expect(await (await fetch(student!)).text()).toMatch(/<title>classroom<\/title>/);
    child.kill('SIGTERM');
    expect(await exited(child)).toBe(0);
  });

  it('refuses a room size outside 1–500', async () => {
    const child = classroom(ROOT, '--size', '0');
    // ROOT has classroom.html, so the check reached is the size's.
    expect(await output(child, /1–500 students/)).toMatch(/not 0/);
    expect(await exited(child)).toBe(1);
  });
});
