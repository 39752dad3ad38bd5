import type { ReopenResult } from '../../../bridge/playground-api';
import { formatClock } from '../../../views/format';

/** What the page says after a reload reopened the tab's run. */
export function reopenNotice(r: ReopenResult): string {
  const items = `${r.restored} stored ${r.restored === 1 ? 'message' : 'messages'}`;
  const differ = r.agreed ? '' : ' (they differ from the replay; the stored copy is kept)';
  return `Reopened your run at ${formatClock(r.atMs)}; ${items} came back from this browser's storage${differ}.`;
}
