// Proves a learner's input that the run could not be reopened or shared with (past the work
// budget) is refused at once with the reason, and changes nothing: the run, its log and its
// trace hash stay as they were.
import { describe, expect, it } from 'vitest';
import type { ScenarioFile } from '../../src/engine/scenario/scenario';
import { LocalPlayground } from '../../src/runtime/local-playground';

const day: ScenarioFile = {
  name: 'A long day',
  seed: 3,
  durationSec: 24 * 3600,
  phones: [{ count: 2, protocol: 'mqtt', names: ['alice', 'bob'] }],
};

describe('inputs within the work budget', () => {
  it('refuses a spawn that would put the run over the budget, and keeps everything else', async () => {
    const pg = new LocalPlayground({ nowMs: () => 0, nextFrame: () => () => undefined });
    expect(await pg.load(day)).toEqual({ ok: true });
    await pg.input({ do: 'spawn', count: 10, protocol: 'short-poll', link: 'good', online: true });
    await pg.advanceBy(1000);
    const before = await pg.record();
    const hashBefore = (await pg.snapshot()).report.traceHash;
    // A million short-polling phones for a day is ~10¹⁰ events.
    await expect(
      pg.input({
        do: 'spawn',
        count: 1_000_000,
        protocol: 'short-poll',
        link: 'good',
        online: true,
      }),
    ).rejects.toThrow(/not applied: .*LIMITS\.maxWorkEvents/);
    const after = await pg.record();
    expect(after.inputs).toEqual(before.inputs);
    expect((await pg.snapshot()).report.traceHash).toBe(hashBefore);
    expect((await pg.snapshot()).phoneCount).toBe(12);
    // Smaller inputs are still taken.
    await pg.input({ do: 'send', from: 1, to: 2, text: 'still here' });
    expect((await pg.record()).inputs).toHaveLength(before.inputs.length + 1);
  });
});
