import { spawn, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from './free-port';
import { renderMosquittoConfig } from './mosquitto-config';

/** Where Debian installs the broker; MOSQUITTO_PATH overrides it. */
export const MOSQUITTO_BIN = process.env.MOSQUITTO_PATH || '/usr/sbin/mosquitto';
const START_TIMEOUT_MS = 10_000;
const STOP_TIMEOUT_MS = 5_000;
const PORT_TRIES = 5;

export const mosquittoInstalled = (bin = MOSQUITTO_BIN): boolean => existsSync(bin);

export interface MosquittoOptions {
  /** The repository's config file (lab/mosquitto.conf). */
  readonly configPath: string;
  /** Persistence directory; created if missing, kept across restarts. */
  readonly dataDir: string;
  readonly bin?: string;
  /** Called with each line the broker logs. */
  readonly onLog?: (line: string) => void;
}

/** A running Mosquitto on a loopback port that stays the same across restarts. */
export interface Mosquitto {
  readonly port: number;
  /** The last lines it logged, for error messages. */
  logTail(): string;
  /** SIGTERM (it saves its database), then start it again on the same port. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** Run as root, Mosquitto drops to its own user: that user must own the data directory. */
function giveToBrokerUser(dir: string): void {
  if (process.getuid?.() !== 0) return;
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('mosquitto:'));
  const [, , uid, gid] = line?.split(':') ?? [];
  if (uid !== undefined && gid !== undefined) chownSync(dir, Number(uid), Number(gid));
}

function launch(bin: string, confPath: string, log: string[], onLog?: (l: string) => void) {
  const child = spawn(bin, ['-c', confPath], { stdio: ['ignore', 'pipe', 'pipe'] });
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error('mosquitto did not start in time')),
      START_TIMEOUT_MS,
    );
    const onData = (b: Buffer): void => {
      for (const line of b.toString('utf8').split('\n').filter(Boolean)) {
        log.push(line);
        if (log.length > 40) log.shift();
        onLog?.(line);
        if (/ running$/.test(line)) {
          clearTimeout(timer);
          resolve();
        }
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`mosquitto exited (${code}): ${log.slice(-5).join(' | ')}`));
    });
    child.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
  return { child, ready };
}

function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Starts Mosquitto with the repository's config on a free loopback port. */
export async function startMosquitto(opts: MosquittoOptions): Promise<Mosquitto> {
  const bin = opts.bin ?? MOSQUITTO_BIN;
  if (!mosquittoInstalled(bin))
    throw new Error(`mosquitto not found at ${bin}: sudo apt-get install -y mosquitto`);
  mkdirSync(opts.dataDir, { recursive: true });
  giveToBrokerUser(opts.dataDir);
  const template = readFileSync(opts.configPath, 'utf8');
  const confPath = join(opts.dataDir, 'mosquitto.run.conf');
  const log: string[] = [];
  let child: ChildProcess | undefined;
  let port = 0;

  const startOn = async (p: number): Promise<void> => {
    writeFileSync(confPath, renderMosquittoConfig(template, { port: p, dataDir: opts.dataDir }));
    const l = launch(bin, confPath, log, opts.onLog);
    child = l.child;
    await l.ready;
  };

  for (let tries = 1; ; tries++) {
    port = await freePort();
    try {
      await startOn(port);
      break;
    } catch (e) {
      // Another process took the port between our probe and the broker's bind: try another.
      if (tries >= PORT_TRIES || !/in use/i.test(log.join('\n'))) throw e;
    }
  }
  // The first exit listener rejects `ready`; later exits are reported by the caller's checks.
  return {
    port,
    logTail: () => log.slice(-10).join('\n'),
    async restart() {
      if (child) await terminate(child);
      for (let tries = 1; ; tries++) {
        try {
          await startOn(port);
          return;
        } catch (e) {
          // The old socket may linger a moment after the old process exits.
          if (tries >= PORT_TRIES) throw e;
          await new Promise((r) => setTimeout(r, 200 * tries));
        }
      }
    },
    async stop() {
      if (child) await terminate(child);
    },
  };
}
