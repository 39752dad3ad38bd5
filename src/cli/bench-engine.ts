/**
 * Runs the engine's bench figures in a child process: the code is bundled first (as it ships,
 * without the test loader's per-import overhead) and run with `--expose-gc` for heap figures.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import type { BenchRow } from './bench-row';

export async function benchEngine(which = 'all'): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'doubletick-bench-'));
  try {
    const outfile = join(dir, 'bench-engine.mjs');
    await build({
      entryPoints: [resolve(import.meta.dirname, 'bench-engine-child.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      outfile,
      logLevel: 'warning',
    });
    const r = spawnSync(
      process.execPath,
      ['--expose-gc', '--max-semi-space-size=64', '--max-old-space-size=8192', outfile, which],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 24 },
    );
    if (r.status !== 0) throw new Error(`engine bench failed (exit ${r.status})`);
    return r.stdout
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as BenchRow);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
