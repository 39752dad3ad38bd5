/** Number formatting for every figure on the page (one place, so units read the same everywhere). */

const intFmt = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const oneFmt = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

export const formatInt = (n: number): string => intFmt.format(n);

/** Bytes with a unit: `812 B`, `26.8 KB`, `5.2 MB` (1 KB = 1,000 B). */
export function formatBytes(n: number): string {
  if (!Number.isFinite(n)) return '—';
  if (Math.abs(n) < 1000) return `${intFmt.format(n)} B`;
  if (Math.abs(n) < 1_000_000) return `${oneFmt.format(n / 1000)} KB`;
  return `${oneFmt.format(n / 1_000_000)} MB`;
}

/** A duration in ms: `74 ms`, `2.1 s`, `3 min 5 s`. */
export function formatMs(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return '—';
  if (ms < 1000) return `${intFmt.format(ms)} ms`;
  if (ms < 60_000) return `${oneFmt.format(ms / 1000)} s`;
  const min = Math.floor(ms / 60_000);
  return `${min} min ${Math.round((ms % 60_000) / 1000)} s`;
}

/** Virtual time as a clock: `0:02.074` (minutes:seconds.millis), hours when needed. */
export function formatClock(ms: number): string {
  const t = Math.max(0, Math.floor(ms));
  const h = Math.floor(t / 3_600_000);
  const m = Math.floor((t % 3_600_000) / 60_000);
  const s = Math.floor((t % 60_000) / 1000);
  const milli = t % 1000;
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}.${String(milli).padStart(3, '0')}`;
}

/** A percentage from a 0–1 (or larger) fraction: `82 %`. */
export const formatPct = (fraction: number): string => `${intFmt.format(fraction * 100)} %`;
