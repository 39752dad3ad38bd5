// Proves a shared run's preview is the frame the worker host opens to: the one-thread replay in
// the coordinator's worker gives the same time, report (trace hash included), phones and log as
// the replay over the hosts; a record that does not check out gives no preview.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunRecord } from '../../src/bridge/playground-api';
import type { ScenarioFile } from '../../src/engine/scenario/scenario';
import { channelSpawner } from '../../src/runtime/cluster/channel-spawner';
import { Cluster } from '../../src/runtime/cluster/cluster';
import { LocalPlayground } from '../../src/runtime/local-playground';
import { ClusterPlayground } from '../../src/runtime/playground/cluster-playground';
import { previewRun } from '../../src/runtime/session/preview-run';
import { SCENARIO_DIR } from './helpers';

const file = JSON.parse(
  readFileSync(join(SCENARIO_DIR, 'offline-store-and-forward.json'), 'utf8'),
) as ScenarioFile;

/** A run with the learner's inputs, made the page's way. */
async function learnerRecord(): Promise<RunRecord> {
  const pg = new LocalPlayground({ nowMs: () => 0, nextFrame: () => () => {} });
  await pg.load(file);
  await pg.advanceBy(1500);
  await pg.input({ do: 'send', from: 1, to: 2, text: 'shared' });
  await pg.advanceBy(2000);
  await pg.input({ do: 'online', user: 2 });
  await pg.advanceBy(4000);
  return pg.record();
}

describe('the preview of a shared run', () => {
  it('is the frame the worker host opens the run to', async () => {
    const record = await learnerRecord();
    const preview = await previewRun(record);
    expect(preview).toBeDefined();
    const pg = new ClusterPlayground(await Cluster.create(channelSpawner(() => undefined)), {
      store: { persistence: 'none' },
    });
    try {
      expect(await pg.open(record)).toEqual({ ok: true });
      // The batch the page pulls after opening: the rebuilt run's log and its snapshot.
      const opened = await pg.frame();
      if (!opened) throw new Error('no batch after opening');
      const shown = opened.snapshot;
      const p = preview!.snapshot;
      expect(p.nowMs).toBe(record.reached.ms);
      expect(p.nowMs).toBe(shown.nowMs);
      expect(p.running).toBe(false);
      expect(p.report).toEqual(shown.report);
      expect(p.phones).toEqual(shown.phones);
      expect(p.store).toEqual(shown.store);
      expect(preview!.replaceLog).toEqual(opened.replaceLog);
      expect(preview!.events.length).toBeGreaterThan(10);
      expect(preview!.events).toEqual(opened.events);
    } finally {
      await pg.dispose();
    }
  });

  it('gives nothing for a record that does not check out', async () => {
    const record = await learnerRecord();
    expect(await previewRun({ ...record, scenario: { ...record.scenario, seed: -1 } })).toBe(
      undefined,
    );
  });
});
