/**
 * `npm run lab -- --classroom [--size N] [--port N] [--host ADDR] [--broker mqtt://host:port]
 * [--dist DIR]`: a room for a class. Serves the built page and the gated WebSocket on one port on
 * every interface (the flag is the teacher's consent to that; Mosquitto stays on loopback), and
 * prints the students' URL, its QR code, and the teacher's link.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { startClassroomLab } from '../src/lab/node/classroom-lab';
import { DEFAULT_ROOM_SIZE } from '../src/lab/node/classroom-gate';
import { terminalQr } from '../src/lab/node/terminal-qr';

const HERE = import.meta.dirname;

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

export async function runClassroom(): Promise<void> {
  const distDir = resolve(arg('--dist') ?? resolve(HERE, '../dist'));
  if (!existsSync(resolve(distDir, 'classroom.html')))
    throw new Error(
      `the classroom page is not built (no ${distDir}/classroom.html): run \`npm run build\` first`,
    );
  const port = Number(arg('--port') ?? 0);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error('--port takes 0–65535');
  const size = Number(arg('--size') ?? DEFAULT_ROOM_SIZE);
  const lab = await startClassroomLab({
    configPath: resolve(HERE, 'mosquitto.conf'),
    dataDir: resolve(arg('--data') ?? resolve(HERE, '.data')),
    distDir,
    host: arg('--host') ?? '0.0.0.0',
    port,
    size,
    brokerUrl: arg('--broker'),
    onLog: process.argv.includes('--verbose') ? (l) => console.log(`mosquitto: ${l}`) : undefined,
    onRefuse: (why) => console.log(`refused: ${why}`),
  });
  const [first, ...others] = lab.studentUrls;
  console.log(`DoubleTick classroom: room ${lab.room.code}, up to ${lab.room.size} students`);
  console.log(
    lab.broker
      ? `  broker: Mosquitto on 127.0.0.1:${lab.broker.port} (loopback only)`
      : `  broker: ${arg('--broker')}`,
  );
  console.log(`  Students open: ${first}`);
  for (const u of others) console.log(`            or: ${u}`);
  if (!process.argv.includes('--no-qr') && first) console.log(terminalQr(first));
  console.log(`  Teacher (keep this link to yourself): ${lab.teacherUrl}`);
  console.log(`Type r and Enter to restart the broker; Ctrl-C stops the classroom.`);

  let stopping = false;
  const stop = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    await lab.stop();
    console.log('classroom stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  process.stdin.on('data', (b) => {
    if (b.toString().trim() !== 'r' || !lab.broker) return;
    lab.broker.restart().then(
      () => console.log('broker restarted'),
      (e: unknown) => console.error(`restart failed: ${(e as Error).message}`),
    );
  });
  process.stdin.on('error', () => {});
}
