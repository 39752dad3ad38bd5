import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readLessonFiles } from '../cli/lesson-files';
import { formatLessonError } from './errors';
import { parseLesson, type LessonResult } from './parse-lesson';
import { parseSources } from './sources';

const files = readLessonFiles();
const sources = parseSources(files.sources);
if (!sources.ok) throw new Error('content/sources.yaml must parse');
const opts = {
  readScenario: (n: string) => files.scenarios.get(n),
  sourceIds: new Set(sources.sources.map((s) => s.id)),
};
const FILE = 'content/lessons/42-test.md';
const parse = (text: string): LessonResult => parseLesson(text, FILE, opts);

const FRONT = `---
id: test-lesson
title: A test
summary: One step.
minutes: 3
scenario: online-delivery.json
---
`;
const STEP = `
## Send

Alice sends Bob a message.

\`\`\`actions
- { do: send, from: alice, to: bob, text: hi }
\`\`\`

\`\`\`checkpoint
- ticks: { from: alice, to: bob, shows: ✓✓, messages: 1 }
\`\`\`
`;

/** The errors of a lesson that must fail, as `file:line: reason` lines. */
function errorsOf(text: string): string[] {
  const r = parse(text);
  expect(r.ok).toBe(false);
  return r.ok ? [] : r.errors.map(formatLessonError);
}

describe('parseLesson', () => {
  it('reads a well-formed lesson into plain data', () => {
    const r = parse(FRONT + STEP);
    if (!r.ok) throw new Error(r.errors.map(formatLessonError).join('\n'));
    expect(r.lesson.id).toBe('test-lesson');
    expect(r.lesson.order).toBe(42);
    expect(r.lesson.steps).toHaveLength(1);
    const step = r.lesson.steps[0]!;
    expect(step.title).toBe('Send');
    expect(step.line).toBe(9);
    expect(step.actions[0]!.action).toEqual({ do: 'send', from: 1, to: 2, text: 'hi' });
    expect(step.checkpoint!.predicates[0]).toMatchObject({
      kind: 'ticks',
      from: 1,
      to: 2,
      shows: '✓✓',
    });
    // The prose keeps no lesson blocks: it is what the player renders, as text.
    expect(step.prose).toBe('Alice sends Bob a message.');
    expect(JSON.parse(JSON.stringify(r.lesson))).toEqual(r.lesson);
  });

  it('rejects bad front matter with the line of the field', () => {
    const text = FRONT.replace('minutes: 3', 'minutes: lots') + STEP;
    expect(errorsOf(text)).toEqual([
      `${FILE}:5: front matter: minutes must be a number (got "lots")`,
    ]);
    const broken = FRONT.replace('title: A test', 'title: [unclosed') + STEP;
    expect(errorsOf(broken)[0]).toMatch(
      new RegExp(`^${FILE}:\\d: the front matter is not valid YAML`),
    );
    expect(errorsOf(STEP)[0]).toMatch(`${FILE}:1: a lesson starts with YAML front matter`);
    expect(errorsOf(FRONT.replace('online-delivery.json', 'nope.json') + STEP)).toEqual([
      `${FILE}:6: front matter: scenarios/nope.json does not exist`,
    ]);
  });

  it('rejects an unknown predicate, naming the known ones', () => {
    const text = FRONT + STEP.replace('- ticks:', '- tickz:');
    const [e] = errorsOf(text);
    expect(e).toMatch(
      `${FILE}:18: checkpoint item 1: unknown predicate "tickz" (known: ticks, stored`,
    );
  });

  it('rejects a step with no text', () => {
    const text = FRONT + '\n## Empty\n\n```checkpoint\n- offline: bob\n```\n';
    expect(errorsOf(text)).toEqual([
      `${FILE}:9: step "Empty" has no text: say what the learner does and why`,
    ]);
  });

  it('rejects raw HTML anywhere in the prose, and never returns it', () => {
    for (const html of ['<script>alert(1)</script>', 'Hi <img src=x onerror=alert(1)> there']) {
      const text = FRONT + STEP.replace('Alice sends Bob a message.', html);
      const errors = errorsOf(text);
      expect(errors).toContainEqual(
        expect.stringMatching(`${FILE}:11: raw HTML is not allowed in a lesson`),
      );
      const r = parse(text);
      expect(JSON.stringify(r)).not.toMatch(/"lesson"/);
    }
    const link =
      FRONT + STEP.replace('Alice sends Bob a message.', 'See [this](javascript:alert(1)).');
    expect(errorsOf(link)[0]).toMatch(`${FILE}:11: links must be http(s) or in-page`);
  });

  it('rejects a 5 MB file before parsing it', () => {
    const text = FRONT + STEP + 'x'.repeat(5 * 1024 * 1024);
    const [e] = errorsOf(text);
    expect(e).toMatch(new RegExp(`^${FILE}:1: the lesson is \\d+ bytes, over the limit of 262144`));
  });

  it('rejects a citation of a source that sources.yaml does not list, at its line', () => {
    const text = FRONT + STEP.replace('a message.', 'a message.[^no-such-source]');
    expect(errorsOf(text)).toEqual([
      `${FILE}:11: [^no-such-source] cites a source that content/sources.yaml does not list`,
    ]);
  });

  it('rejects a malformed prediction and an unknown show-me control', () => {
    const text =
      FRONT +
      STEP +
      '\n```prediction\nask: How many?\nwhy: Because.\noverSec: 5\nmeasure: bytez\nunit: B\ntolerance: 10%\n```\n' +
      '\n```hints\nshowMe: the-big-red-button\nhints: [Look]\n```\n';
    const errors = errorsOf(text);
    expect(errors.some((e) => /:25: prediction: measure must be one of bytes/.test(e))).toBe(true);
    expect(errors.some((e) => /:31: hints: showMe must name a control/.test(e))).toBe(true);
  });

  it('parses every lesson in content/lessons', () => {
    for (const [file, text] of files.lessons) {
      const r = parseLesson(text, file, opts);
      expect(r.ok ? [] : r.errors.map(formatLessonError)).toEqual([]);
    }
    expect(readFileSync('content/sources.yaml', 'utf8')).toBe(files.sources);
  });
});
