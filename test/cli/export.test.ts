// Proves `sim export`: each format prints what the views make of the run at that moment, and bad
// arguments exit 2 naming what is wrong.
import { describe, expect, it } from 'vitest';
import { runExportCommand } from '../../src/cli/export';
import { TRACE_FIELDS } from '../../src/views/trace-export';

function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runExportCommand(args, { stdout: (l) => out.push(l), stderr: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('sim export', () => {
  it('mermaid: a flowchart of the example at that moment', () => {
    const { code, out } = run(['four-protocols', '--at', '30', '--format', 'mermaid']);
    expect(code).toBe(0);
    expect(out).toMatch(
      /^---\ntitle: Four protocols, identical traffic at 30\.000 s\n---\nflowchart LR/,
    );
    expect(out).toContain('MQTT phones<br/>10 online');
  });

  it('jsonl: every line has only README fields, and all are before --at', () => {
    const { code, out } = run(['scenarios/online-delivery.json', '--at', '5', '--format', 'jsonl']);
    expect(code).toBe(0);
    const lines = out.split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.length).toBeGreaterThan(5);
    for (const r of lines) {
      expect(Object.keys(r).every((k) => (TRACE_FIELDS as readonly string[]).includes(k))).toBe(
        true,
      );
      expect(r['atMs']).toBeLessThanOrEqual(5000);
    }
  });

  it('svg: the plain SVG of the layout', () => {
    const { code, out } = run(['online-delivery', '--at', '5', '--format', 'svg']);
    expect(code).toBe(0);
    expect(out).toMatch(/^<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(out).toContain('>alice</text>');
  });

  it('bad arguments exit 2 with one line naming them', () => {
    expect(run(['online-delivery', '--at', '-1']).err).toMatch(/--at must be a number of seconds/);
    expect(run(['online-delivery', '--format', 'png']).err).toMatch(/--format must be one of/);
    expect(run(['no-such-example']).code).toBe(2);
    expect(run([]).err).toMatch(/^usage/);
  });
});
