/**
 * `npm run lab [-- --port N] [-- --host ADDR --expose]`: Mosquitto with lab/mosquitto.conf and the
 * WebSocket bridge in front of it. Prints the URLs; Ctrl-C or SIGTERM stops both; typing `r` and
 * Enter restarts the broker (sessions and queued messages survive: persistence is on).
 * `-- --classroom` runs a classroom instead (lab/classroom.ts).
 */
import { resolve } from 'node:path';
import { startLab } from '../src/lab/node/lab-broker';
import { runClassroom } from './classroom';

const HERE = import.meta.dirname;

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const port = Number(arg('--port') ?? 0);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error('--port takes 0–65535');
  const lab = await startLab({
    configPath: resolve(HERE, 'mosquitto.conf'),
    dataDir: resolve(arg('--data') ?? resolve(HERE, '.data')),
    host: arg('--host') ?? '127.0.0.1',
    wsPort: port,
    expose: process.argv.includes('--expose'),
    onLog: process.argv.includes('--verbose') ? (l) => console.log(`mosquitto: ${l}`) : undefined,
  });
  console.log(`DoubleTick lab: Mosquitto (persistence on) and its WebSocket bridge`);
  console.log(`  WebSocket for browsers: ${lab.wsUrl}`);
  console.log(`  MQTT over TCP:          ${lab.tcpUrl}`);
  console.log(`Type r and Enter to restart the broker; Ctrl-C stops both.`);

  let stopping = false;
  const stop = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    await lab.stop();
    console.log('lab stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  process.stdin.on('data', (b) => {
    if (b.toString().trim() !== 'r') return;
    lab.broker.restart().then(
      () => console.log('broker restarted'),
      (e: unknown) => console.error(`restart failed: ${(e as Error).message}`),
    );
  });
  process.stdin.on('error', () => {});
}

(process.argv.includes('--classroom') ? runClassroom() : main()).catch((e: unknown) => {
  console.error(`lab: ${(e as Error).message}`);
  process.exit(1);
});
