/**
 * `npm run bench -- lab`: what a held connection costs on real software. Opens N MQTT
 * connections (clean: false, like the phones) to the lab's Mosquitto, timing them against bare
 * TCP connects to the same port, and reads the
 * broker's own heap figure ($SYS/broker/heap/current) before and after; beside it, the simulated
 * gateway's heap per connection for the same N. BENCH_LAB_CONNECTIONS sets N (default 500).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { connect } from 'node:net';
import { join, resolve } from 'node:path';
import mqtt, { type MqttClient } from 'mqtt';
import { startLab } from '../lab/node/lab-broker';
import { mosquittoInstalled, MOSQUITTO_BIN } from '../lab/node/mosquitto-process';
import type { BenchRow } from './bench-row';
import { benchEngine } from './bench-engine';

const CONFIG = resolve(import.meta.dirname, '../../lab/mosquitto.conf');
/** The page's spike is bounded at 500 real connections; so is this bench by default. */
const DEFAULT_CONNECTIONS = 500;

/** The next two $SYS heap readings after now (sys_interval is 1 s): the later one is settled. */
async function brokerHeapBytes(url: string): Promise<number> {
  const c = await mqtt.connectAsync(url, { clientId: `heap-${Date.now()}`, clean: true });
  try {
    const readings: number[] = [];
    await new Promise<void>((ok) => {
      c.on('message', (_t, p) => {
        readings.push(Number(p.toString()));
        if (readings.length === 2) ok();
      });
      void c.subscribeAsync('$SYS/broker/heap/current');
    });
    return readings[1]!;
  } finally {
    await c.endAsync();
  }
}

/** Seconds to open and close n bare TCP connections to the port, ten at a time: the floor. */
async function tcpConnectSeconds(port: number, n: number): Promise<number> {
  const t0 = performance.now();
  for (let i = 0; i < n; i += 10) {
    const batch = Array.from(
      { length: Math.min(10, n - i) },
      () =>
        new Promise<void>((ok, fail) => {
          const s = connect({ host: '127.0.0.1', port }, () => (s.destroy(), ok()));
          s.once('error', fail);
        }),
    );
    await Promise.all(batch);
  }
  return (performance.now() - t0) / 1000;
}

export async function benchLab(): Promise<BenchRow[]> {
  if (!mosquittoInstalled()) {
    console.log(`  skipped: no mosquitto at ${MOSQUITTO_BIN} (sudo apt-get install -y mosquitto)`);
    return [];
  }
  const n = Number(process.env['BENCH_LAB_CONNECTIONS'] ?? DEFAULT_CONNECTIONS);
  if (!Number.isInteger(n) || n < 1 || n > 1000)
    throw new Error('BENCH_LAB_CONNECTIONS must be 1–1000 (the lab broker holds at most 1000)');
  const dataDir = mkdtempSync(join(tmpdir(), 'doubletick-bench-lab-'));
  const lab = await startLab({ configPath: CONFIG, dataDir });
  const clients: MqttClient[] = [];
  try {
    const tcpSeconds = await tcpConnectSeconds(lab.broker.port, n);
    const before = await brokerHeapBytes(lab.tcpUrl);
    const t0 = performance.now();
    // Ten at a time: a spike, but not one the loopback accept queue turns into retries.
    for (let i = 0; i < n; i += 10) {
      const batch = Array.from({ length: Math.min(10, n - i) }, (_, j) =>
        mqtt.connectAsync(lab.tcpUrl, {
          clientId: `u${i + j + 1}`,
          clean: false,
          keepalive: 60,
          reconnectPeriod: 0,
        }),
      );
      clients.push(...(await Promise.all(batch)));
    }
    const seconds = (performance.now() - t0) / 1000;
    const after = await brokerHeapBytes(lab.tcpUrl);
    const perConn = (after - before) / n;
    const [sim] = await benchEngine(`heap:${n}`);
    const count = n.toLocaleString('en-US');
    return [
      {
        name: `Mosquitto: connections per second (${count}, MQTT.js over loopback TCP)`,
        value: n / seconds,
        unit: '/s',
        baseline: n / tcpSeconds,
        baselineName: 'bare TCP connect and close, same port',
        ratio: tcpSeconds / seconds,
      },
      {
        name: `Mosquitto heap per held connection (${count}, $SYS/broker/heap/current)`,
        value: perConn,
        unit: 'B',
        baseline: sim!.value,
        baselineName: `simulated gateway, same ${count}`,
        ratio: perConn / sim!.value,
      },
    ];
  } finally {
    await Promise.all(clients.map((c) => c.endAsync(true)));
    await lab.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
