// Bundled for the browser test: runs the storage contract against Chromium's own IndexedDB.
import { CONTRACT } from '../../storage/ephemeral-store.contract';
import { idbDurable } from '../../storage/store-implementations';

(
  globalThis as unknown as { runStorageContract: () => Promise<{ name: string; error?: string }[]> }
).runStorageContract = async () => {
  const out: { name: string; error?: string }[] = [];
  for (const c of CONTRACT) {
    try {
      await c.run(idbDurable);
      out.push({ name: c.name });
    } catch (e) {
      out.push({ name: c.name, error: (e as Error).message });
    }
  }
  return out;
};
