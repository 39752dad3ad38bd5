/**
 * Builds pages with Vite (the project's own vite.config.ts, optionally for chosen inputs only)
 * and serves the result with Vite's programmatic preview server: no child processes to clean up.
 */
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build, preview, type InlineConfig, type PreviewServer } from 'vite';

export const ROOT = resolve(import.meta.dirname, '../../..');

export interface Served {
  /** Base URL, ending in `/`. */
  readonly url: string;
  readonly outDir: string;
  close(): Promise<void>;
}

export interface ServeOptions {
  /** HTML entries to build, relative to the root (default: every input in vite.config.ts). */
  readonly inputs?: readonly string[];
  /** Build here instead of a fresh temporary directory (kept after close). */
  readonly outDir?: string;
  /** Reuse `outDir` as it is when it was built after `freshAfterMs` (e.g. the newest source change). */
  readonly freshAfterMs?: number;
}

function config(outDir: string, inputs?: readonly string[]): InlineConfig {
  return {
    root: ROOT,
    configFile: join(ROOT, 'vite.config.ts'),
    // The config imports the lesson parser (TypeScript); the module runner loads it as the build does.
    configLoader: 'runner',
    logLevel: 'warn',
    build: {
      outDir,
      emptyOutDir: true,
      ...(inputs
        ? {
            rollupOptions: {
              input: Object.fromEntries(
                inputs.map((i) => [i.replace(/\.html$/, ''), join(ROOT, i)]),
              ),
            },
          }
        : {}),
    },
  };
}

/** Builds (unless a fresh build is there) and serves it on a free port of 127.0.0.1. */
export async function serveBuild(opts: ServeOptions = {}): Promise<Served> {
  const outDir = opts.outDir ?? mkdtempSync(join(tmpdir(), 'doubletick-dist-'));
  const c = config(outDir, opts.inputs);
  const index = join(outDir, opts.inputs?.[0] ?? 'index.html');
  const fresh =
    opts.outDir !== undefined &&
    opts.freshAfterMs !== undefined &&
    existsSync(index) &&
    statSync(index).mtimeMs > opts.freshAfterMs;
  if (!fresh) await build(c);
  const server: PreviewServer = await preview({
    ...c,
    preview: { port: 0, host: '127.0.0.1', strictPort: false },
  });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('the preview server has no port');
  return {
    url: `http://127.0.0.1:${address.port}/`,
    outDir,
    close: async () => {
      await new Promise<void>((done) => server.httpServer.close(() => done()));
      if (!opts.outDir) rmSync(outDir, { recursive: true, force: true });
    },
  };
}
