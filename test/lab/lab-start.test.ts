// Proves `npm run lab` starts Mosquitto and its WebSocket bridge, prints where they are, refuses
// to listen beyond loopback without --expose, and stops both on SIGTERM; and that the bridge
// speaks MQTT over WebSocket as §6 asks (the "mqtt" subprotocol, binary frames only).
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { resolve } from 'node:path';
import mqtt from 'mqtt';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { renderMosquittoConfig } from '../../src/lab/node/mosquitto-config';
import { mosquittoInstalled } from '../../src/lab/node/mosquitto-process';
import { exited, labScript, output, ROOT } from './lab-script';

const { start: startScript } = labScript('doubletick-lab-');

const tcpRefused = (port: number): Promise<boolean> =>
  new Promise((ok) => {
    const s = connect({ host: '127.0.0.1', port });
    s.once('connect', () => (s.destroy(), ok(false)));
    s.once('error', () => ok(true));
  });

describe('lab/mosquitto.conf', () => {
  it('runs as written but for the listener port and the data directory', () => {
    const template = readFileSync(resolve(ROOT, 'lab/mosquitto.conf'), 'utf8');
    const run = renderMosquittoConfig(template, { port: 40001, dataDir: '/tmp/x' });
    const changed = run.split('\n').filter((l, i) => l !== template.split('\n')[i]);
    expect(changed).toEqual(['persistence_location /tmp/x/', 'listener 40001 127.0.0.1']);
    expect(run).toMatch(/^allow_anonymous true$/m);
    expect(run).toMatch(/^persistence true$/m);
    expect(() => renderMosquittoConfig('persistence true\n', { port: 1, dataDir: '/' })).toThrow(
      /listener <port> 127\.0\.0\.1/,
    );
  });
});

describe.skipIf(!mosquittoInstalled())('npm run lab', () => {
  it('prints its URLs, carries MQTT over WebSocket, and SIGTERM stops both processes', async () => {
    const child = startScript();
    const text = await output(child, /Ctrl-C stops both/);
    const wsUrl = /WebSocket for browsers: (ws:\/\/127\.0\.0\.1:\d+)/.exec(text)?.[1];
    const tcpPort = Number(/MQTT over TCP: +mqtt:\/\/127\.0\.0\.1:(\d+)/.exec(text)?.[1]);
    expect(wsUrl).toBeDefined();

    const c = await mqtt.connectAsync(wsUrl!, { clientId: 'probe', reconnectPeriod: 0 });
    await c.subscribeAsync('probe/echo', { qos: 1 });
    const echo = new Promise<string>((ok) => c.on('message', (_t, p) => ok(p.toString())));
    await c.publishAsync('probe/echo', 'hello', { qos: 1 });
    expect(await echo).toBe('hello');

    // MQTT-6.0.0-4: the bridge returns the "mqtt" subprotocol; MQTT-6.0.0-1: text frames close it.
    const ws = new WebSocket(wsUrl!, ['mqtt']);
    await new Promise((ok) => ws.once('open', ok));
    expect(ws.protocol).toBe('mqtt');
    const closed = new Promise<number>((ok) => ws.once('close', (code) => ok(code)));
    ws.send('not binary');
    expect(await closed).toBe(1003);

    await c.endAsync();
    child.kill('SIGTERM');
    expect(await exited(child)).toBe(0);
    expect(await tcpRefused(tcpPort)).toBe(true);
    expect(await tcpRefused(Number(new URL(wsUrl!).port))).toBe(true);
  });

  it('refuses a non-loopback address without --expose', async () => {
    const child = startScript('--host', '0.0.0.0');
    const text = await output(child, /refusing to listen on 0\.0\.0\.0.*--expose/);
    expect(text).toMatch(/--expose/);
    expect(await exited(child)).toBe(1);
  });
});
