/**
 * `npm run lab -- --classroom`: one room (a join code, a size, a teacher secret), Mosquitto on
 * loopback (or an external broker such as an EMQX or VerneMQ cluster), and the classroom server
 * that serves the page and gates the WebSocket, listening beyond loopback because the teacher
 * asked for a classroom.
 */
import { networkInterfaces } from 'node:os';
import { ClassroomGate, createRoom, type Room } from './classroom-gate';
import { startClassroomServer, type ClassroomServer } from './classroom-server';
import { LAB_MAX_PACKET_BYTES } from './lab-broker';
import { startMosquitto, type Mosquitto } from './mosquitto-process';

export interface ClassroomLabOptions {
  readonly configPath: string;
  readonly dataDir: string;
  readonly distDir: string;
  /** Where the page and the bridge listen; 0.0.0.0 by default (every interface). */
  readonly host?: string;
  readonly port?: number;
  readonly size?: number;
  /** mqtt://host:port of a broker to use instead of starting Mosquitto (e.g. a cluster's balancer). */
  readonly brokerUrl?: string;
  readonly onLog?: (line: string) => void;
  readonly onRefuse?: (reason: string) => void;
}

export interface ClassroomLab {
  readonly room: Room;
  readonly server: ClassroomServer;
  /** Null when the lab uses an external broker. */
  readonly broker: Mosquitto | null;
  /** http://<address>:<port>/classroom.html?code=…, one per LAN address (loopback if none). */
  readonly studentUrls: readonly string[];
  /** The teacher's page, on this machine. */
  readonly teacherUrl: string;
  stop(): Promise<void>;
}

/** IPv4 addresses other machines can reach this one on (no loopback, no link-local). */
export function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flatMap((list) => list ?? [])
    .filter((a) => a.family === 'IPv4' && !a.internal && !a.address.startsWith('169.254.'))
    .map((a) => a.address);
}

/** The broker behind the bridge: mqtt://host:port (TCP; the bridge speaks WebSocket itself). */
export function parseBrokerUrl(url: string): { host: string; port: number } {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new Error(`--broker ${url} is not a URL: use mqtt://host:1883`);
  }
  if (u.protocol !== 'mqtt:') throw new Error(`--broker takes mqtt://host:port, not ${u.protocol}`);
  if (u.username || u.password) throw new Error('--broker takes no credentials in the URL');
  return { host: u.hostname.replace(/^\[|\]$/g, ''), port: Number(u.port || 1883) };
}

export async function startClassroomLab(opts: ClassroomLabOptions): Promise<ClassroomLab> {
  const room = createRoom(opts.size);
  const external = opts.brokerUrl ? parseBrokerUrl(opts.brokerUrl) : null;
  const broker = external ? null : await startMosquitto(opts);
  let server: ClassroomServer;
  try {
    server = await startClassroomServer({
      host: opts.host ?? '0.0.0.0',
      port: opts.port ?? 0,
      distDir: opts.distDir,
      gate: new ClassroomGate([room]),
      brokerHost: external?.host ?? '127.0.0.1',
      brokerPort: external?.port ?? broker!.port,
      maxPacketBytes: LAB_MAX_PACKET_BYTES,
      // Each student may have a tab or two open, and the teacher a few.
      maxConnections: room.size * 3 + 10,
      onRefuse: opts.onRefuse,
    });
  } catch (e) {
    await broker?.stop();
    throw e;
  }
  const page = (host: string) => `http://${host}:${server.port}/classroom.html?code=${room.code}`;
  const host = opts.host ?? '0.0.0.0';
  const lan = host === '0.0.0.0' ? lanAddresses() : [host];
  const hosts = lan.length > 0 ? lan : ['127.0.0.1'];
  return {
    room,
    server,
    broker,
    studentUrls: hosts.map(page),
    // On the same address as the students' link: the teacher's page shows its own address as the
    // link (and QR code) to join.
    teacherUrl: `${page(hosts[0]!)}&teacher=${room.teacherSecret}`,
    async stop() {
      await server.close();
      await broker?.stop();
    },
  };
}
