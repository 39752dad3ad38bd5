// Proves the share-link codec: any run record round-trips through a link; every corruption of a
// link (cut short anywhere, any character changed, too long, foreign characters such as
// `<script>`, a later version, a record of the wrong shape) ends in a clear error, never a crash.
import fc from 'fast-check';
import { deflateSync, strToU8 } from 'fflate';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { InputAction } from '../../src/bridge/playground-api';
import { RUN_RECORD_VERSION, type RunRecord } from '../../src/bridge/run-record';
import {
  decodeShare,
  encodeShare,
  MAX_SHARE_CHARS,
  shareTextIn,
} from '../../src/bridge/share-link';
import type { ScenarioFile } from '../../src/engine/scenario/scenario';
import { checkRunRecord } from '../../src/runtime/session/record-check';
import { SCENARIO_DIR } from './helpers';

const file = JSON.parse(
  readFileSync(join(SCENARIO_DIR, 'four-protocols.json'), 'utf8'),
) as ScenarioFile;

const action: fc.Arbitrary<InputAction> = fc.oneof(
  fc
    .tuple(fc.integer({ min: 1, max: 4 }), fc.string({ minLength: 1, maxLength: 40 }))
    .map(([from, text]) => ({ do: 'send' as const, from, to: (from % 4) + 1, text })),
  fc.record({
    do: fc.constantFrom('offline' as const, 'online' as const),
    user: fc.integer({ min: 1, max: 4 }),
  }),
  fc.constant({ do: 'crash' as const }),
);

const record: fc.Arbitrary<RunRecord> = fc
  .tuple(
    fc.array(fc.tuple(fc.integer({ min: 1, max: 500 }), action), { maxLength: 30 }),
    fc.boolean(),
  )
  .map(([steps, inclusive]) => {
    let at = 0;
    const inputs = steps.map(([gap, a]) => ({ atMs: (at += gap), action: a }));
    return {
      version: RUN_RECORD_VERSION,
      scenario: file,
      inputs,
      reached: { ms: at, inclusive },
      settings: { speed: 1 },
    };
  });

/** What the page does with link text: decode it, then check the record inside. */
function open(text: string): { ok: true } | { ok: false; message: string } {
  const d = decodeShare(text);
  if (!d.ok) return { ok: false, message: d.message };
  const c = checkRunRecord(d.record);
  return c.ok ? { ok: true } : { ok: false, message: c.errors.join('; ') };
}

describe('share link', () => {
  it('round-trips any run record', () => {
    fc.assert(
      fc.property(record, (r) => {
        const d = decodeShare(encodeShare(r));
        expect(d).toEqual({ ok: true, record: r });
        expect(checkRunRecord(d.ok ? d.record : undefined)).toMatchObject({ ok: true });
      }),
      { numRuns: 100, seed: 12 },
    );
  });

  it('a link cut short anywhere gives a clear error', () => {
    const text = encodeShare(fc.sample(record, { numRuns: 1, seed: 3 })[0]!);
    for (let n = 0; n < text.length; n++) {
      const r = open(text.slice(0, n));
      expect(r.ok, `cut at ${n}`).toBe(false);
      if (!r.ok) expect(r.message.length).toBeGreaterThan(10);
    }
  });

  it('any changed character gives a clear error or a run that passes every check', () => {
    fc.assert(
      fc.property(record, fc.nat(), fc.string({ minLength: 1, maxLength: 1 }), (r, i, ch) => {
        const text = encodeShare(r);
        const at = i % text.length;
        const bad = text.slice(0, at) + ch + text.slice(at + 1);
        const result = open(bad);
        if (!result.ok)
          expect(result.message).not.toMatch(/undefined|TypeError|RangeError|call stack/);
      }),
      { numRuns: 300, seed: 5 },
    );
  });

  it('names what is wrong: too long, foreign characters, a later version, the wrong shape', () => {
    const good = encodeShare(fc.sample(record, { numRuns: 1, seed: 1 })[0]!);
    expect(decodeShare('1.' + 'A'.repeat(MAX_SHARE_CHARS))).toMatchObject({ problem: 'oversized' });
    expect(decodeShare('1.<script>alert(1)</script>')).toMatchObject({ problem: 'not-a-link' });
    expect(decodeShare(good.replace(/^1\./, '2.'))).toMatchObject({ problem: 'future-version' });
    expect(decodeShare('')).toMatchObject({ problem: 'empty' });
    const wrong = encodeShare({ hello: 'world' } as unknown as RunRecord);
    const r = open(wrong);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/version/);
    const noScenario = encodeShare({ version: 1, inputs: [] } as unknown as RunRecord);
    const r2 = open(noScenario);
    if (!r2.ok) expect(r2.message).toMatch(/scenario must be an object/);
    expect(r2.ok).toBe(false);
  });

  it('a run nested past the limit is refused by name, not by a stack overflow', () => {
    const base = fc.sample(record, { numRuns: 1, seed: 2 })[0]!;
    // Written by hand: JSON.stringify itself would run out of stack on 5,000 levels.
    const nested = `${'['.repeat(5000)}"mqtt"${']'.repeat(5000)}`;
    const json = JSON.stringify({ ...base, inputs: [] }).replace(
      '"inputs":[]',
      `"inputs":[{"atMs":1,"action":{"do":"protocol","user":"all","protocol":${nested}}}]`,
    );
    const link = `1.${Buffer.from(deflateSync(strToU8(json))).toString('base64url')}`;
    const r = open(link);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/nests more than 32 levels deep/);
  });

  it('finds the link in a page address', () => {
    expect(shareTextIn('#run=1.abc_-')).toBe('1.abc_-');
    expect(shareTextIn('')).toBeUndefined();
  });
});
