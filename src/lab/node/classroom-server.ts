/**
 * The classroom's one address: an HTTP server that serves the built site (dist/) to the students'
 * browsers and, on the same port, upgrades `/mqtt` to the gated WebSocket bridge. One URL, one
 * port to allow through a firewall, and nothing of the broker's own is exposed.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { WebSocketServer } from 'ws';
import { CLASSROOM_WS_PATH } from '../classroom/room-protocol';
import type { ClassroomGate } from './classroom-gate';
import { pipeThroughGate } from './classroom-pipe';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
};

export interface ClassroomServerOptions {
  readonly host: string;
  /** 0 picks a free port. */
  readonly port: number;
  /** The built site (`npm run build` writes dist/). */
  readonly distDir: string;
  readonly gate: ClassroomGate;
  readonly brokerHost: string;
  readonly brokerPort: number;
  readonly maxPacketBytes: number;
  readonly maxConnections: number;
  readonly onRefuse?: (reason: string) => void;
}

export interface ClassroomServer {
  readonly port: number;
  connections(): number;
  close(): Promise<void>;
}

/** The file under `root` a URL path names, or null if it leaves the root or does not exist. */
export function staticFile(root: string, urlPath: string): string | null {
  let path: string;
  try {
    path = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return null;
  }
  if (path.includes('\0')) return null;
  const base = resolve(root);
  const file = resolve(base, `.${normalize(path.endsWith('/') ? `${path}index.html` : path)}`);
  if (file !== base && !file.startsWith(base + sep)) return null;
  return existsSync(file) && statSync(file).isFile() ? file : null;
}

function serve(root: string, req: IncomingMessage, res: ServerResponse): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return;
  }
  const file = staticFile(root, req.url ?? '/');
  if (!file) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found\n');
    return;
  }
  res.writeHead(200, {
    'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
  });
  if (req.method === 'HEAD') res.end();
  else createReadStream(file).pipe(res);
}

export function startClassroomServer(opts: ClassroomServerOptions): Promise<ClassroomServer> {
  if (!existsSync(join(opts.distDir, 'classroom.html')))
    return Promise.reject(
      new Error(`${opts.distDir} has no classroom.html: run \`npm run build\` first`),
    );
  const http = createServer((req, res) => serve(opts.distDir, req, res));
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: opts.maxPacketBytes,
    // MQTT-6.0.0-4: the subprotocol the server selects and returns must be "mqtt".
    handleProtocols: (offered) => (offered.has('mqtt') ? 'mqtt' : false),
  });
  http.on('upgrade', (req, socket, head) => {
    const path = (req.url ?? '').split('?')[0];
    if (path !== CLASSROOM_WS_PATH || wss.clients.size >= opts.maxConnections) {
      socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => pipeThroughGate(ws, opts.gate, opts));
  });
  return new Promise((ok, fail) => {
    http.once('error', fail);
    http.listen(opts.port, opts.host, () => {
      ok({
        port: (http.address() as AddressInfo).port,
        connections: () => wss.clients.size,
        close: () =>
          new Promise<void>((done) => {
            for (const c of wss.clients) c.terminate();
            wss.close();
            http.closeAllConnections();
            http.close(() => done());
          }),
      });
    });
  });
}
