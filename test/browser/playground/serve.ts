/**
 * Builds the playground page alone and serves it with Vite's preview server, in-process (no child
 * processes to clean up). The playground is the site's front page, index.html.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { build, preview, type InlineConfig, type PreviewServer } from 'vite';

export const ROOT = resolve(import.meta.dirname, '../../..');

/** The playground's build settings: the project's own (vite.config.ts), with only this page as input. */
export function playgroundConfig(outDir: string): InlineConfig {
  return {
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    plugins: [react()],
    worker: { format: 'es' },
    build: {
      target: 'es2022',
      outDir,
      emptyOutDir: true,
      chunkSizeWarningLimit: 3000,
      rollupOptions: { input: { main: join(ROOT, 'index.html') } },
    },
  };
}

export interface Served {
  readonly url: string;
  readonly outDir: string;
  close(): Promise<void>;
}

/** Builds into a fresh temporary directory (or reuses `outDir` when given) and serves it. */
export async function buildAndServe(opts: { outDir?: string; skipBuild?: boolean } = {}): Promise<Served> {
  const outDir = opts.outDir ?? mkdtempSync(join(tmpdir(), 'pg-dist-'));
  const config = playgroundConfig(outDir);
  if (!opts.skipBuild) await build(config);
  const server: PreviewServer = await preview({ ...config, preview: { port: 0, host: '127.0.0.1', strictPort: false } });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview server has no port');
  return {
    url: `http://127.0.0.1:${address.port}/`,
    outDir,
    close: async () => {
      await new Promise<void>((done) => server.httpServer.close(() => done()));
      if (!opts.outDir) rmSync(outDir, { recursive: true, force: true });
    },
  };
}
