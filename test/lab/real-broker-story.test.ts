// Proves the store-and-forward story on real software: Bob (clean: false, QoS 1) goes offline,
// Alice sends three messages, Mosquitto restarts in the middle (persistence on), and Bob comes
// back with sessionPresent true and gets all three exactly once, in order. Then the same story
// through the simulation gives Bob's session the same MQTT packet types, and the one place where
// it does not (a gateway crash forgets sessions) is pinned here, so a change to either shows.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import mqtt, { type MqttClient } from 'mqtt';
import type { Packet } from 'mqtt-packet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../src/engine/kernel/trace';
import { ACTOR, phoneActor } from '../../src/engine/model/actors';
import type { ScenarioFile } from '../../src/engine/scenario/scenario';
import { startLab, type Lab } from '../../src/lab/node/lab-broker';
import { mosquittoInstalled, MOSQUITTO_BIN } from '../../src/lab/node/mosquitto-process';
import {
  sessionPacket,
  simulatedPackets,
  splitSessions,
  type SessionLog,
  type SessionPacket,
} from '../../src/lab/session-packets';
import { runScenario } from '../engine/run-scenario';
import { fromTheirs } from '../protocols/mqtt-packet-shape';
import { STORY_KEEPALIVE_SEC, STORY_SCENARIO } from './story-scenario';

const HAVE_BROKER = mosquittoInstalled();
if (!HAVE_BROKER)
  console.warn(
    `lab tests skipped: no mosquitto at ${MOSQUITTO_BIN} (apt-get install -y mosquitto)`,
  );

/** Bob's inbox: one topic per user, the engine's own scheme (`u/<user>`). */
const BOB_TOPIC = 'u/2';

function record(client: MqttClient, into: SessionPacket[]): void {
  client.on('packetsend', (p: Packet) => into.push(sessionPacket('up', fromTheirs(p))));
  client.on('packetreceive', (p: Packet) => into.push(sessionPacket('down', fromTheirs(p))));
}

/** A client as the engine's phone is one: persistent session, QoS 1, reconnecting after a drop. */
function client(url: string, clientId: string, log?: SessionPacket[]): MqttClient {
  const c = mqtt.connect(url, {
    clientId,
    clean: false,
    protocolVersion: 4,
    keepalive: STORY_KEEPALIVE_SEC,
    reconnectPeriod: 100,
    resubscribe: false,
    manualConnect: true, // so the recorder sees the CONNECT too
  });
  if (log) record(c, log);
  c.connect();
  return c;
}

const connected = (c: MqttClient): Promise<{ sessionPresent: boolean }> =>
  new Promise((ok, fail) => {
    c.once('connect', ok);
    c.once('error', fail);
  });

/** Like the engine's phone, subscribe only when the broker kept no session. */
async function phone(url: string, clientId: string, log?: SessionPacket[]): Promise<MqttClient> {
  const c = client(url, clientId, log);
  if (!(await connected(c)).sessionPresent) await c.subscribeAsync(BOB_TOPIC, { qos: 1 });
  return c;
}

function simulatedBobSessions(scenario: ScenarioFile): SessionLog[] {
  const trace: TraceEvent[] = [];
  runScenario(scenario, { recordWire: true, sinks: [{ emit: (e) => trace.push(e) }] });
  return splitSessions(simulatedPackets(trace, phoneActor(2), ACTOR.gateway));
}

const types = (ps: readonly SessionPacket[]): string[] => ps.map((p) => p.type);

describe.skipIf(!HAVE_BROKER)('the story on a real broker (Mosquitto)', () => {
  let lab: Lab;
  let dataDir: string;
  const bobLog: SessionPacket[] = [];
  const received: string[] = [];

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'doubletick-lab-'));
    lab = await startLab({ configPath: resolve(__dirname, '../../lab/mosquitto.conf'), dataDir });
  });
  afterAll(async () => {
    await lab?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('Bob gets all three exactly once, in order, across a broker restart', async () => {
    // Bob over the WebSocket bridge (the browser's path), Alice over TCP.
    const bob1 = await phone(lab.wsUrl, 'bob', bobLog);
    await bob1.endAsync(); // DISCONNECT: Bob is offline, his session stays on the broker

    const alice = await phone(lab.tcpUrl, 'alice');
    await alice.publishAsync(BOB_TOPIC, 'one', { qos: 1 });
    await alice.publishAsync(BOB_TOPIC, 'two', { qos: 1 });
    const back = new Promise((ok) => alice.once('connect', ok));
    await lab.broker.restart(); // SIGTERM saves mosquitto.db; the new process loads it
    await back;
    await alice.publishAsync(BOB_TOPIC, 'three', { qos: 1 });
    await alice.endAsync();

    const bob2 = client(lab.wsUrl, 'bob', bobLog);
    const three = new Promise<void>((ok) =>
      bob2.on('message', (_t, payload) => {
        received.push(payload.toString());
        if (received.length === 3) ok();
      }),
    );
    const connack = await connected(bob2);
    expect(connack.sessionPresent).toBe(true);
    await three;
    await bob2.endAsync(); // the PUBACKs go out before the DISCONNECT, on one connection

    expect(received).toEqual(['one', 'two', 'three']);
    const [first, second] = splitSessions(bobLog);
    expect(types(first!.up)).toEqual(['CONNECT', 'SUBSCRIBE', 'DISCONNECT']);
    expect(second!.down).toEqual([
      { dir: 'down', type: 'CONNACK', sessionPresent: true },
      ...Array(3).fill({ dir: 'down', type: 'PUBLISH', qos: 1, dup: false }),
    ]);
    expect(types(second!.up)).toEqual(['CONNECT', 'PUBACK', 'PUBACK', 'PUBACK', 'DISCONNECT']);
  });

  it('the simulation gives Bob the same packets when its gateway does not crash', () => {
    const actions = STORY_SCENARIO.actions!.filter((a) => a.do !== 'crash');
    // The real Bob ends his session with DISCONNECT; so does the simulated one.
    actions.push({ at: 25, do: 'offline', user: 'bob' });
    const real = splitSessions(bobLog);
    expect(simulatedBobSessions({ ...STORY_SCENARIO, actions })).toEqual(real);
  });

  it('where they differ: a simulated gateway crash forgets sessions, Mosquitto persists them', () => {
    const [, sim] = simulatedBobSessions(STORY_SCENARIO);
    const [, real] = splitSessions(bobLog);
    // The messages survive either way (the simulation's store is its own actor), but the
    // restarted gateway has no session for Bob: sessionPresent false, so Bob subscribes again,
    // and its chat router pushes his inbox before the SUBACK (it delivers to a user, not to a
    // subscription). Mosquitto reloads Bob's session and subscription from mosquitto.db.
    expect(sim!.down[0]).toEqual({ dir: 'down', type: 'CONNACK', sessionPresent: false });
    expect(types(sim!.up)).toEqual(['CONNECT', 'SUBSCRIBE', 'PUBACK', 'PUBACK', 'PUBACK']);
    expect(types(sim!.down)).toEqual(['CONNACK', 'PUBLISH', 'PUBLISH', 'PUBLISH', 'SUBACK']);
    expect(sim!.down.filter((p) => p.type === 'PUBLISH')).toEqual(
      real!.down.filter((p) => p.type === 'PUBLISH'),
    );
  });
});
