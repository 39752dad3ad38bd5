// `npm run lab` as a child process for the start-up tests: each run gets a fresh data directory,
// and whatever a test leaves running is killed (and its directory removed) after it.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach } from 'vitest';

export const ROOT = resolve(__dirname, '../..');
const TSX = resolve(ROOT, 'node_modules/.bin/tsx');

/**
 * Starts `lab/start.ts` with `args`, and makes scratch directories; call it at a test file's top
 * level (it registers the clean-up).
 */
export function labScript(prefix: string): {
  start: (...args: string[]) => ChildProcessWithoutNullStreams;
  tempDir: (prefix: string) => string;
} {
  const dirs: string[] = [];
  const children: ChildProcessWithoutNullStreams[] = [];
  afterEach(() => {
    for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  const tempDir = (p: string): string => {
    const dir = mkdtempSync(join(tmpdir(), p));
    dirs.push(dir);
    return dir;
  };
  const start = (...args: string[]): ChildProcessWithoutNullStreams => {
    const child = spawn(TSX, ['lab/start.ts', ...args, '--data', tempDir(prefix)], { cwd: ROOT });
    children.push(child);
    return child;
  };
  return { start, tempDir };
}

/** Everything the child printed, once `until` matches (rejects with it if the child exits first). */
export function output(child: ChildProcessWithoutNullStreams, until: RegExp): Promise<string> {
  return new Promise((ok, fail) => {
    let text = '';
    const on = (b: Buffer): void => {
      text += b.toString();
      if (until.test(text)) ok(text);
    };
    child.stdout.on('data', on);
    child.stderr.on('data', on);
    child.once('exit', () => (until.test(text) ? ok(text) : fail(new Error(text))));
  });
}

export const exited = (child: ChildProcessWithoutNullStreams): Promise<number | null> =>
  new Promise((ok) =>
    child.exitCode !== null ? ok(child.exitCode) : child.once('exit', (c) => ok(c)),
  );
