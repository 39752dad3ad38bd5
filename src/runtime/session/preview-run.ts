/**
 * A first look at a run being opened (a share link): the record replayed by the one-thread host,
 * in the coordinator's worker while the host workers start. The engine is the same and runs are
 * deterministic, so the frame it gives is the frame the workers' replay ends on (the host-
 * equivalence suite proves the two hosts agree); the page shows it while that replay, which pays
 * for a round of messages between five threads every few virtual milliseconds, catches up.
 */
import type { FrameBatch, RunRecord } from '../../bridge/playground-api';
import { LocalPlayground } from '../local-playground';

/** The batch the one-thread host shows after opening `record`, or undefined if it does not open. */
export async function previewRun(record: RunRecord): Promise<FrameBatch | undefined> {
  // No frames: the run is opened paused, and the one batch it emits is the whole view.
  const pg = new LocalPlayground({ nowMs: () => 0, nextFrame: () => () => {} });
  let shown: FrameBatch | undefined;
  pg.subscribe((b) => (shown = b));
  const opened = await pg.open(record);
  return opened.ok ? shown : undefined;
}
