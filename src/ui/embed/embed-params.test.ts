// Proves the embed's parameter check: good links parse to what they say and round-trip through
// embedQuery; each bad one is refused with a message naming the parameter, never echoing markup.
import { describe, expect, it } from 'vitest';
import { embedQuery, MAX_QUERY_CHARS, parseEmbedParams } from './embed-params';

const EXAMPLES = ['four-protocols', 'online-delivery'];
const parse = (q: string) => parseEmbedParams(q, EXAMPLES);
const errorsOf = (q: string): string => {
  const r = parse(q);
  if (r.ok) throw new Error(`expected ${q} to be refused`);
  return r.errors.join('\n');
};

describe('embed parameters', () => {
  it('reads a pinned moment, a live run and a lesson step', () => {
    expect(parse('?scenario=four-protocols&t=12.5&theme=dark&controls=0')).toEqual({
      ok: true,
      params: {
        source: { kind: 'scenario', name: 'four-protocols' },
        atMs: 12_500,
        autoplay: false,
        theme: 'dark',
        controls: false,
        ticker: false,
      },
    });
    const live = parse('?scenario=online-delivery&autoplay&ticker=1');
    expect(live.ok && live.params.autoplay && live.params.ticker).toBe(true);
    const lesson = parse('?lesson=start-here&step=3');
    expect(lesson.ok && lesson.params.source).toEqual({
      kind: 'lesson',
      id: 'start-here',
      step: 3,
    });
  });

  it('round-trips through the query the Embed dialog writes', () => {
    for (const q of [
      'scenario=four-protocols&t=3.25&autoplay=1&theme=light&controls=0&ticker=1',
      'run=abc_-1',
      'lesson=x&step=2',
    ]) {
      const r = parse(q);
      if (!r.ok) throw new Error(r.errors.join());
      expect(parse(embedQuery(r.params))).toEqual(r);
    }
  });

  it('refuses each bad parameter by name', () => {
    expect(errorsOf('')).toMatch(/say what to play/);
    expect(errorsOf('scenario=%3Cscript%3Ealert(1)%3C%2Fscript%3E')).toMatch(
      /^scenario must be one of/,
    );
    expect(errorsOf('scenario=four-protocols&t=-1')).toMatch(/^t must be virtual seconds/);
    expect(errorsOf('scenario=four-protocols&t=1e9')).toMatch(/^t must be/);
    expect(errorsOf('scenario=four-protocols&t=')).toMatch(/^t must be/);
    expect(errorsOf('scenario=four-protocols&theme=blue')).toMatch(
      /^theme must be light, dark or auto/,
    );
    expect(errorsOf('scenario=four-protocols&autoply=1')).toMatch(/unknown parameter "autoply"/);
    expect(errorsOf('scenario=four-protocols&controls=maybe')).toMatch(/^controls must be 1 or 0/);
    expect(errorsOf('scenario=four-protocols&run=abc')).toMatch(
      /give one of run, lesson or scenario/,
    );
    expect(errorsOf('lesson=Start%20Here')).toMatch(/^lesson must be a lesson id/);
    expect(errorsOf('lesson=start-here&step=0')).toMatch(/^step must be a whole number/);
    expect(errorsOf('run=%3Cimg%3E')).toMatch(/^run must be a share link payload/);
    expect(errorsOf('scenario=four-protocols&t=1&t=2')).toMatch(/t is given more than once/);
    expect(errorsOf(`scenario=four-protocols&x=${'a'.repeat(MAX_QUERY_CHARS)}`)).toMatch(/at most/);
  });

  it('shows bad values short and printable only', () => {
    const msg = errorsOf(`scenario=${encodeURIComponent('\u0000<b>'.repeat(50))}`);
    expect(msg).not.toContain('\u0000');
    expect(msg.length).toBeLessThan(400);
  });
});
