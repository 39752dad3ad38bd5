// `npm run build` parses every lesson: a malformed one stops the build with its file, line and reason.
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lessonsPlugin } from '../../tools/vite/lessons-plugin';
import { REPO_ROOT } from '../../src/cli/lesson-files';

type Hook = (this: unknown, ...args: unknown[]) => unknown;
const call = (h: unknown, ...args: unknown[]): unknown =>
  (h as Hook).call({ addWatchFile: () => undefined }, ...args);

/** A copy of the content tree with one more lesson file. */
function contentWith(name: string, text: string): string {
  const root = mkdtempSync(join(tmpdir(), 'lessons-plugin-'));
  cpSync(join(REPO_ROOT, 'content'), join(root, 'content'), { recursive: true });
  cpSync(join(REPO_ROOT, 'scenarios'), join(root, 'scenarios'), { recursive: true });
  mkdirSync(join(root, 'content/lessons'), { recursive: true });
  writeFileSync(join(root, 'content/lessons', name), text);
  return root;
}

describe('the lessons build plugin', () => {
  it('stops the build at a malformed lesson, naming file and line', () => {
    const root = contentWith(
      '99-broken.md',
      '---\nid: broken\ntitle: Broken\nsummary: x\nminutes: 1\nscenario: online-delivery.json\n---\n\n## Step\n\nHi <script>alert(1)</script>\n',
    );
    const p = lessonsPlugin();
    call(p.configResolved, { root });
    expect(() => call(p.buildStart)).toThrow(
      /content\/lessons\/99-broken\.md:11: raw HTML is not allowed in a lesson/,
    );
  });

  it('serves the list and each lesson as plain data', () => {
    const p = lessonsPlugin();
    call(p.configResolved, { root: REPO_ROOT });
    call(p.buildStart);
    const index = String(call(p.load, call(p.resolveId, 'virtual:lessons')));
    expect(index).toMatch(/import\("virtual:lesson\/start-here"\)/);
    const one = String(call(p.load, call(p.resolveId, 'virtual:lesson/start-here')));
    const data = JSON.parse(one.replace(/^export default /, '').replace(/;\n$/, '')) as {
      lesson: { id: string };
      steps: unknown[];
    };
    expect(data.lesson.id).toBe('start-here');
    expect(JSON.stringify(data)).not.toMatch(/<script/);
  });
});
