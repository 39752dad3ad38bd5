/**
 * Serves `examples/embed.html` from a second origin (another port), with the app's address put
 * where the file says `http://localhost:5173/` — so the embeds are cross-origin, as on a docs site.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { ROOT } from '../helpers/serve-build';

export interface HostPage {
  readonly url: string;
  close(): Promise<void>;
}

/** Serves `html` (default: examples/embed.html) at `/`; `appUrl` ends in `/`. */
export async function serveHostPage(appUrl: string, html?: string): Promise<HostPage> {
  const text = (html ?? readFileSync(join(ROOT, 'examples/embed.html'), 'utf8')).replaceAll(
    'http://localhost:5173/',
    appUrl,
  );
  const server = createServer((req, res) => {
    if (req.url === '/' || req.url === '/embed.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(text);
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((done) => server.listen(0, 'localhost', done));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the host page has no port');
  return {
    url: `http://localhost:${address.port}/`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
