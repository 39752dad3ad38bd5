/** The playground (the site's front page, index.html) built and served for the browser tests. */
import { serveBuild, type Served } from '../helpers/serve-build';

export { ROOT, type Served } from '../helpers/serve-build';

/** Builds index.html with the project's Vite config into a fresh directory and serves it. */
export function buildAndServe(opts: { outDir?: string } = {}): Promise<Served> {
  return serveBuild({
    inputs: ['index.html'],
    ...(opts.outDir !== undefined ? { outDir: opts.outDir } : {}),
  });
}
