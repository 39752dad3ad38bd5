// Proves the classroom server end to end with MQTT.js against Mosquitto: it serves the built page
// and nothing outside it, refuses a wrong join code (CONNACK 4) and a full room (CONNACK 3) before
// the broker sees them, answers a SUBSCRIBE to $SYS or another room with a failure, closes a
// connection that publishes outside its room, and carries a message from one student to another.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import mqtt, { type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  inboxFilter,
  inboxTopic,
  joinPassword,
  stepTopic,
  studentClientId,
} from '../../src/lab/classroom/room-protocol';
import { startClassroomLab, type ClassroomLab } from '../../src/lab/node/classroom-lab';
import { staticFile } from '../../src/lab/node/classroom-server';
import { mosquittoInstalled } from '../../src/lab/node/mosquitto-process';

const ROOT = resolve(__dirname, '../..');
let dir = '';
let lab: ClassroomLab;
let wsUrl = '';
const clients: MqttClient[] = [];

beforeAll(async () => {
  if (!mosquittoInstalled()) return;
  dir = mkdtempSync(join(tmpdir(), 'doubletick-classroom-'));
  mkdirSync(join(dir, 'dist'));
  writeFileSync(join(dir, 'dist/classroom.html'), '<!doctype html><title>room</title>');
  writeFileSync(join(dir, 'secret.txt'), 'outside dist');
  lab = await startClassroomLab({
    configPath: resolve(ROOT, 'lab/mosquitto.conf'),
    dataDir: join(dir, 'data'),
    distDir: join(dir, 'dist'),
    host: '127.0.0.1',
    size: 2,
  });
  wsUrl = `ws://127.0.0.1:${lab.server.port}/mqtt`;
});

afterAll(async () => {
  for (const c of clients) c.end(true);
  await lab?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function student(name: string, key: string, code = lab.room.code): Promise<MqttClient> {
  const c = mqtt.connect(wsUrl, {
    clientId: studentClientId(code, name),
    username: name,
    password: joinPassword(code, key),
    clean: false,
    reconnectPeriod: 0,
    protocolVersion: 4,
  });
  clients.push(c);
  return new Promise((ok, fail) => {
    c.once('connect', () => ok(c));
    c.once('error', fail);
  });
}

const refusal = (p: Promise<unknown>): Promise<number | undefined> =>
  p.then(
    () => undefined,
    (e: { code?: number }) => e.code,
  );

describe.skipIf(!mosquittoInstalled())('classroom server', () => {
  it('serves the built page and nothing outside dist/', async () => {
    const page = await fetch(`http://127.0.0.1:${lab.server.port}/classroom.html?code=X`);
    expect(page.status).toBe(200);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(staticFile(join(dir, 'dist'), '/../secret.txt')).toBeNull();
    expect(staticFile(join(dir, 'dist'), '/%2e%2e/secret.txt')).toBeNull();
    expect(staticFile(join(dir, 'dist'), '/classroom.html')).not.toBeNull();
  });

  it('refuses a wrong join code with CONNACK 4', async () => {
    expect(await refusal(student('Ann', 'k'.repeat(20), 'WRONG2'))).toBe(4);
  });

  it('carries a message from one student to another, and refuses the third of a room of two', async () => {
    const ann = await student('Ann', 'a'.repeat(20));
    const ben = await student('Ben', 'b'.repeat(20));
    await ben.subscribeAsync(inboxFilter(lab.room.code, 'Ben'), { qos: 1 });
    const got = new Promise<[string, string]>((ok) =>
      ben.on('message', (t, p) => ok([t, p.toString()])),
    );
    await ann.publishAsync(inboxTopic(lab.room.code, 'Ben', 'Ann'), '<b>hello</b>', { qos: 1 });
    expect(await got).toEqual([inboxTopic(lab.room.code, 'Ben', 'Ann'), '<b>hello</b>']);

    expect(await refusal(student('Cy', 'c'.repeat(20)))).toBe(3);
    expect(await refusal(student('Ann', 'x'.repeat(20)))).toBe(2);
  });

  it('fails a SUBSCRIBE to $SYS or another room, and closes a PUBLISH outside the room', async () => {
    const ann = await student('Ann', 'a'.repeat(20));
    // MQTT.js turns a SUBACK failure (0x80) into an error carrying the packet.
    const granted = (topic: string) =>
      ann.subscribeAsync(topic, { qos: 0 }).then(
        (g) => g.map((x) => x.qos),
        (e: { packet?: { granted?: number[] } }) => e.packet?.granted,
      );
    expect(await granted('$SYS/#')).toEqual([128]);
    expect(await granted(stepTopic('OTHER2'))).toEqual([128]);
    const own = await ann.subscribeAsync(stepTopic(lab.room.code), { qos: 1 });
    expect(own.map((g) => g.qos)).toEqual([1]);

    const closed = new Promise<void>((ok) => ann.once('close', () => ok()));
    ann.publish(inboxTopic(lab.room.code, 'Ben', 'Cy'), 'as someone else', { qos: 0 });
    await closed;
  });
});
