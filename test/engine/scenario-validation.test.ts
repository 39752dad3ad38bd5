// Proves malformed scenarios are rejected with errors that name the bad field, and nothing runs.
import { describe, expect, it } from 'vitest';
import { parseScenario, validateScenario } from '../../src/engine/scenario/validate-scenario';
import { show } from '../../src/engine/scenario/validate-fields';

const base = {
  name: 't',
  seed: 1,
  durationSec: 10,
  phones: [{ count: 2, protocol: 'mqtt', names: ['alice', 'bob'] }],
};
const errorsOf = (x: unknown): string[] => {
  const r = validateScenario(x);
  return r.ok ? [] : r.errors;
};

describe('scenario validation', () => {
  it('accepts a minimal scenario and fills defaults', () => {
    const r = validateScenario(base);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.scenario.gateway.thresholdPct).toBe(80);
    expect(r.scenario.retry).toEqual({ kind: 'jitter', minMs: 1000, maxMs: 5000 });
    expect(r.scenario.settings.shortPollIntervalMs).toBe(2000);
    expect(r.scenario.encryption).toBe(true);
  });

  it.each([
    [{ ...base, seed: -1 }, 'seed must be ≥ 0'],
    [{ ...base, durationSec: 'ten' }, 'durationSec must be a number'],
    [
      { ...base, phones: [{ count: 2, protocol: 'xmpp' }] },
      'phones[0].protocol must be one of short-poll, long-poll, websocket, mqtt (got "xmpp")',
    ],
    [{ ...base, phones: [] }, 'phones must be a non-empty list'],
    [{ ...base, phones: [{ count: 0, protocol: 'mqtt' }] }, 'phones[0].count must be ≥ 1'],
    [{ ...base, gateway: { thresholdPct: 120 } }, 'gateway.thresholdPct must be ≤ 100'],
    [{ ...base, retry: { kind: 'jitter', minMs: 5000, maxMs: 1000 } }, 'retry.maxMs'],
    [{ ...base, durationSecs: 10 }, 'durationSecs is not a known field'],
    [
      { ...base, actions: [{ at: 1, do: 'send', from: 'alice', to: 'carol' }] },
      'actions[0].to must name a phone',
    ],
    [{ ...base, actions: [{ at: 1, do: 'teleport' }] }, 'actions[0].do must be one of'],
    [{ ...base, actions: [{ at: 99, do: 'crash' }] }, 'actions[0].at must be ≤ 10'],
    [
      { ...base, actions: [{ at: 1, do: 'send', from: 'alice', to: 'alice' }] },
      'actions[0].to must differ',
    ],
    [
      { ...base, actions: [{ at: 1, do: 'offline', user: 'bob', how: 'airplane' }] },
      'actions[0].how must be one of close, lose-signal (got "airplane")',
    ],
    [
      { ...base, protocolSettings: { mqttKeepAliveSec: 70000 } },
      'protocolSettings.mqttKeepAliveSec must be ≤ 65535',
    ],
    [
      {
        ...base,
        traffic: { messagesPerMinute: 5, perGroup: true },
        phones: [
          { count: 1, protocol: 'mqtt' },
          { count: 3, protocol: 'mqtt' },
        ],
      },
      'traffic.perGroup needs every phone group',
    ],
  ])('rejects %j naming the field', (bad, message) => {
    const errors = errorsOf(bad);
    expect(errors.join('\n')).toContain(message);
  });

  it('reads how a phone goes offline: close the app by default, or lose signal', () => {
    const r = validateScenario({
      ...base,
      actions: [
        { at: 1, do: 'offline', user: 'bob' },
        { at: 2, do: 'offline', user: 'bob', how: 'close' },
        { at: 3, do: 'offline', user: 'alice', how: 'lose-signal' },
      ],
    });
    expect(r.ok && r.scenario.actions.map((a) => a.action)).toEqual([
      { do: 'offline', user: 2 },
      { do: 'offline', user: 2 },
      { do: 'offline', user: 1, how: 'lose-signal' },
    ]);
  });

  it('reports every error at once, not only the first', () => {
    expect(errorsOf({ seed: 'x', phones: 3 }).length).toBeGreaterThanOrEqual(4);
  });

  it('rejects text that is not JSON, saying so', () => {
    const r = parseScenario('{"name": "x",');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatch(/not valid JSON/);
  });

  it('rejects a non-object', () => {
    expect(errorsOf([1, 2])).toEqual(['the scenario must be a JSON object']);
  });

  it('refuses a file nested past the limit with one clear error, not a stack overflow', () => {
    let deep: unknown = 'mqtt';
    for (let i = 0; i < 5000; i++) deep = [deep];
    const x = { ...base, phones: [{ count: 2, protocol: deep }] };
    const errors = errorsOf(x);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^phones\[0\]\.protocol\[0\].*nests more than 32 levels deep/);
    expect(errors[0]!.length).toBeLessThan(200);
    // As a file: written by hand (JSON.stringify itself would run out of stack).
    const nested = `${'['.repeat(5000)}"mqtt"${']'.repeat(5000)}`;
    const text = parseScenario(
      `{"name":"t","seed":1,"durationSec":10,"phones":[{"count":2,"protocol":${nested}}]}`,
    );
    expect(text.ok ? [] : text.errors).toEqual([errors[0]]);
    // Just inside the limit the field check itself answers (a protocol is not a list).
    let shallow: unknown = 'mqtt';
    for (let i = 0; i < 20; i++) shallow = [shallow];
    expect(errorsOf({ ...base, phones: [{ count: 2, protocol: shallow }] }).join()).not.toMatch(
      /nests/,
    );
  });

  it('quotes at most 100 characters of a bad value, and says how long it was', () => {
    // Under the 64 KiB text limit (a larger scenario is refused before any field is read).
    const huge = 'x'.repeat(50_000);
    for (const bad of [
      { ...base, seed: huge },
      { ...base, phones: [{ count: 2, protocol: huge }] },
      { ...base, actions: [{ at: 1, do: 'send', from: huge, to: 'bob' }] },
      { ...base, [huge]: 1 },
      { ...base, retry: { kind: 'fixed', delayMs: 1, [huge]: 1 } },
      { ...base, phones: [{ count: Array(20_000).fill(1), protocol: 'mqtt' }] },
    ]) {
      const errors = errorsOf(bad);
      expect(errors.length).toBeGreaterThan(0);
      for (const e of errors) expect(e.length).toBeLessThan(300);
    }
    expect(errorsOf({ ...base, seed: huge })[0]).toMatch(
      /^seed must be a number \(got "x{99}… \(a string of 50,000 characters\)\)$/,
    );
    expect(
      errorsOf({ ...base, phones: [{ count: Array(20_000).fill(1), protocol: 'mqtt' }] })[0],
    ).toMatch(/\(a list of 20,000 entries\)\)$/);
  });

  it('show() quotes the start of a value of any size, and its size', () => {
    expect(show('x'.repeat(1_048_576))).toBe(
      `"${'x'.repeat(99)}… (a string of 1,048,576 characters)`,
    );
    expect(show(Number.NaN)).toBe('NaN');
    expect(show({ a: 'y'.repeat(200) })).toMatch(/^\{"a":"y+… \(208 characters of JSON\)$/);
  });

  it('limits name and description, naming them', () => {
    expect(errorsOf({ ...base, name: 'n'.repeat(81) })).toEqual([
      `name is 81 characters; at most 80 (got "${'n'.repeat(81)}")`,
    ]);
    expect(errorsOf({ ...base, name: 'n'.repeat(500) })[0]).toMatch(
      /^name is 500 characters; at most 80 \(got "n{99}… \(a string of 500 characters\)\)$/,
    );
    expect(errorsOf({ ...base, name: 'n'.repeat(80) })).toEqual([]);
    expect(errorsOf({ ...base, description: 'd'.repeat(2001) })[0]).toMatch(
      /^description is 2,001 characters; at most 2000/,
    );
  });

  it('counts the 64 KiB text limit in UTF-8 bytes, not characters', () => {
    // 30,000 three-byte characters: 30,000 characters, 90,000 bytes.
    const text = JSON.stringify({
      ...base,
      description: 'ü'.repeat(10).concat('€'.repeat(30_000)),
    });
    expect(text.length).toBeLessThan(64 * 1024);
    const r = parseScenario(text);
    expect(r.ok ? [] : r.errors).toEqual([
      expect.stringMatching(
        /^the scenario is 90,\d{3} bytes of text \(UTF-8\); a scenario is at most 65,536 bytes$/,
      ),
    ]);
    // The same scenario as an object (the page, a share link, a lesson) meets the same bound.
    expect(errorsOf(JSON.parse(text))[0]).toMatch(/^the scenario is 90,\d{3} bytes as JSON/);
    // Just under the limit in bytes, the text is read (and only the description is too long).
    const under = JSON.stringify({ ...base, description: '€'.repeat(21_000) });
    expect(errorsOf(JSON.parse(under))).toEqual([expect.stringMatching(/^description is 21,000/)]);
  });

  it('names only what is wrong: a failed field is not used to judge the others', () => {
    const actions = [
      { at: 5, do: 'send', from: 'alice', to: 'bob' },
      { at: 5, do: 'online', user: 'u2' },
    ];
    expect(errorsOf({ ...base, durationSec: -5, actions })).toEqual([
      'durationSec must be ≥ 0.001 (got -5)',
    ]);
    expect(
      errorsOf({
        ...base,
        phones: [{ count: -2, protocol: 'mqtt', names: ['alice', 'bob'] }],
        traffic: { messagesPerMinute: 5, perGroup: true },
        actions,
      }),
    ).toEqual(['phones[0].count must be ≥ 1 (got -2)']);
    expect(
      errorsOf({
        ...base,
        phones: [{ count: 2, protocol: 'mqtt', names: ['alice', 7] }],
        actions: [{ at: 1, do: 'send', from: 'alice', to: 'bob' }],
      }),
    ).toEqual([expect.stringMatching(/^phones\[0\]\.names must be a list of short names/)]);
  });
});
