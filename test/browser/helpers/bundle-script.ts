/** Bundles one TypeScript module into a classic script a test evaluates in a page (`page.evaluate`). */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';

export async function bundleScript(entry: string): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'doubletick-script-'));
  try {
    await build({
      configFile: false,
      logLevel: 'warn',
      build: {
        outDir,
        emptyOutDir: true,
        target: 'es2022',
        minify: false,
        lib: { entry, formats: ['iife'], name: 'bundled', fileName: () => 'script.js' },
      },
    });
    return readFileSync(join(outDir, 'script.js'), 'utf8');
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
