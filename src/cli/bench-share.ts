/**
 * The share link's figures: its length for the four-protocols example with 50 learner inputs
 * (goal ≤ 2,000 characters, so it fits where links are pasted), beside the record's own JSON.
 * The record is made the page's way: a run session, inputs given as the run goes.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { InputAction, RunRecord, ScenarioFile } from '../bridge/playground-api';
import { encodeShare, SHARE_KEY } from '../bridge/share-link';
import { LocalPlayground } from '../runtime/local-playground';
import type { BenchRow } from './bench-row';

const ROOT = resolve(import.meta.dirname, '../..');
export const SHARE_URL_GOAL_CHARS = 2_000;
const INPUTS = 50;
/** A page address of ordinary length, in front of the fragment (the origin a link carries). */
const PAGE_ADDRESS = 'https://doubletick.example/';

/** The learner's i-th input: mostly messages between the forty phones, now and then one goes offline or back. */
function learnerInput(i: number): InputAction {
  const user = (i % 40) + 1;
  if (i % 10 === 4) return { do: 'offline', user };
  if (i % 10 === 9) return { do: 'online', user: ((i - 5) % 40) + 1 };
  return {
    do: 'send',
    from: user,
    to: ((i + 7) % 40) + 1,
    text: `Message ${i + 1} from the bench`,
  };
}

/** The four-protocols run with 50 learner inputs, one every virtual second. */
export async function fourProtocolsRecord(): Promise<RunRecord> {
  const file = JSON.parse(
    readFileSync(join(ROOT, 'scenarios', 'four-protocols.json'), 'utf8'),
  ) as ScenarioFile;
  const pg = new LocalPlayground(
    { nowMs: () => 0, nextFrame: () => () => undefined },
    { recordWire: false },
  );
  const loaded = await pg.load(file);
  if (!loaded.ok) throw new Error(loaded.errors.join('; '));
  for (let i = 0; i < INPUTS; i++) {
    await pg.advanceBy(1000);
    await pg.input(learnerInput(i));
  }
  await pg.advanceBy(1000);
  return pg.record();
}

/** The share link (whole URL) for a record. */
export const shareUrl = (record: RunRecord, address = PAGE_ADDRESS): string =>
  `${address}#${SHARE_KEY}=${encodeShare(record)}`;

export async function benchShare(): Promise<BenchRow[]> {
  const record = await fourProtocolsRecord();
  const url = shareUrl(record);
  const json = JSON.stringify(record).length;
  return [
    {
      name: `share: link for four-protocols + ${INPUTS} learner inputs`,
      value: url.length,
      unit: 'chars',
      baseline: json,
      baselineName: 'the record as JSON',
      ratio: Math.round((url.length / json) * 1000) / 1000,
      goal: `≤ ${SHARE_URL_GOAL_CHARS.toLocaleString('en-US')} chars`,
      met: url.length <= SHARE_URL_GOAL_CHARS,
    },
  ];
}
