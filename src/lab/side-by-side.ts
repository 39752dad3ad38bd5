/**
 * The side-by-side view: the inputs a learner gave the real broker, replayed through the simulation
 * (in this thread), and the two runs' MQTT packets compared type by type — counts, bytes per
 * delivered message, sessionPresent on reconnect, redelivered PUBLISHes with DUP — with a sentence
 * saying why where they differ.
 */
import {
  SPIKE_CLIENT,
  type LabComparison,
  type LabComparisonRow,
  type LabOfflineHow,
} from '../bridge/lab-api';
import type { TraceEvent } from '../engine/kernel/trace';
import { ACTOR, isPhoneActor, userOfActor } from '../engine/model/actors';
import { decodeMqtt } from '../engine/protocols/mqtt/codec';
import type { ScenarioFile } from '../engine/scenario/scenario';
import { validateScenario } from '../engine/scenario/validate-scenario';
import { buildReport } from '../engine/sim/report';
import { Simulation } from '../engine/sim/simulation';
import { sessionPacket, type SessionPacket } from './session-packets';

/** A learner's input to the lab, with when it happened (ms since the lab started). */
export type LabInput = { readonly atMs: number } & (
  | { readonly do: 'send'; readonly from: string; readonly to: string; readonly text: string }
  | { readonly do: 'offline'; readonly user: string; readonly how: LabOfflineHow }
  | { readonly do: 'online'; readonly user: string }
  | { readonly do: 'spike'; readonly connections: number }
  /** The broker dropped every connection at once (a restart): the simulation's gateway crash. */
  | { readonly do: 'broker-restart' }
);

/** One packet of either run: whose (a user's name, or `spike`), what, how long. */
export interface ComparedPacket {
  readonly client: string;
  readonly session: SessionPacket;
  readonly byteLength: number;
}

/** The real run as the lab recorded it. */
export interface RealRun {
  readonly users: readonly string[];
  readonly inputs: readonly LabInput[];
  readonly elapsedMs: number;
  readonly packets: readonly ComparedPacket[];
  /** Distinct messages that reached their recipient. */
  readonly delivered: number;
}

/** The replay runs this long past the lab's time, so what was in flight then arrives. */
export const SETTLE_SEC = 5;

const replaySec = (run: RealRun): number =>
  Math.max(1, Math.ceil(run.elapsedMs / 1000)) + SETTLE_SEC;

/** The real run's inputs as a scenario: same users (MQTT, QoS 1), same inputs at the same times. */
export function replayScenario(run: RealRun): ScenarioFile {
  const actions: ({ at: number } & Record<string, unknown>)[] = run.inputs.map((i) => {
    const at = i.atMs / 1000;
    switch (i.do) {
      case 'send':
        return { at, do: 'send', from: i.from, to: i.to, text: i.text };
      case 'offline':
        return { at, do: 'offline', user: i.user, how: i.how };
      case 'online':
        return { at, do: 'online', user: i.user };
      case 'spike':
        return { at, do: 'spike', connections: i.connections, withinSec: 1, protocol: 'mqtt' };
      case 'broker-restart':
        return { at, do: 'crash' };
    }
  });
  return {
    name: 'The lab run, simulated',
    seed: 1,
    durationSec: replaySec(run),
    // The lab's payloads are plain text; so are the simulation's here.
    encryption: false,
    gateway: { restartSec: 1 },
    protocolSettings: { mqttQos: 1, mqttKeepAliveSec: 60 },
    phones: [{ count: run.users.length, protocol: 'mqtt', names: [...run.users] }],
    actions,
  };
}

/** Runs the replay and returns its MQTT packets between the gateway and each phone. */
export function simulateRun(run: RealRun): { packets: ComparedPacket[]; delivered: number } {
  const v = validateScenario(replayScenario(run));
  if (!v.ok) throw new Error(`the lab's inputs do not replay: ${v.errors.join('; ')}`);
  const trace: TraceEvent[] = [];
  const sim = new Simulation(v.scenario, {
    recordWire: true,
    sinks: [{ emit: (e) => trace.push(e) }],
  });
  sim.run();
  const packets: ComparedPacket[] = [];
  for (const ev of trace) {
    if (ev.proto !== 'mqtt' || !ev.wire || ev.bytes === 0 || ev.kind === 'lost') continue;
    const up = ev.to === ACTOR.gateway && isPhoneActor(ev.from);
    const down = ev.from === ACTOR.gateway && isPhoneActor(ev.to);
    if (!up && !down) continue;
    const user = userOfActor(up ? ev.from : ev.to);
    const client = run.users[user - 1] ?? SPIKE_CLIENT;
    for (const chunk of ev.wire) {
      const r = decodeMqtt(chunk);
      if (r.ok)
        packets.push({
          client,
          session: sessionPacket(up ? 'up' : 'down', r.value),
          byteLength: chunk.length,
        });
    }
  }
  return { packets, delivered: buildReport(sim).messages.delivered };
}

/** The packet types the table lists, in the order a session uses them. */
const ROWS: readonly { type: string; dir: 'up' | 'down'; label: string; why: string }[] = [
  {
    type: 'CONNECT',
    dir: 'up',
    label: 'CONNECT',
    why: 'Reconnects differ: MQTT.js tries again every second after a drop; a simulated phone waits its retry policy (1–5 s of jitter), and a refused one tries again. And a browser opens at most a few hundred WebSockets (Chromium 255), so a bigger spike connects fewer real phones.',
  },
  {
    type: 'CONNACK',
    dir: 'down',
    label: 'CONNACK',
    why: 'Each CONNECT answered gets one CONNACK, so these follow the CONNECTs.',
  },
  {
    type: 'SUBSCRIBE',
    dir: 'up',
    label: 'SUBSCRIBE',
    why: 'A phone subscribes only when the server kept no session: the simulated gateway keeps sessions in memory and forgets them when it crashes; Mosquitto keeps them on disk.',
  },
  { type: 'SUBACK', dir: 'down', label: 'SUBACK', why: 'Each SUBSCRIBE gets one SUBACK.' },
  {
    type: 'PUBLISH',
    dir: 'up',
    label: 'PUBLISH phone → server',
    why: 'The simulated phones also publish receipts (✓✓ and read) for the gateway to pass on; the lab’s phones publish only messages.',
  },
  {
    type: 'PUBLISH',
    dir: 'down',
    label: 'PUBLISH server → phone',
    why: 'The simulated gateway is a chat router, not a topic broker: it also pushes the sender a ✓✓ receipt of its own for each delivered message; a broker forwards only what clients publish.',
  },
  {
    type: 'PUBACK',
    dir: 'up',
    label: 'PUBACK phone → server',
    why: 'One PUBACK per QoS 1 PUBLISH received: these follow the PUBLISHes pushed to the phones.',
  },
  {
    type: 'PUBACK',
    dir: 'down',
    label: 'PUBACK server → phone',
    why: 'One PUBACK per QoS 1 PUBLISH sent: these follow the PUBLISHes the phones sent.',
  },
  {
    type: 'PINGREQ',
    dir: 'up',
    label: 'PINGREQ',
    why: 'Keep-alive timing: MQTT.js pings after 60 s without sending anything, on the wall clock; the simulated phone pings on its virtual clock from its own connect time.',
  },
  { type: 'PINGRESP', dir: 'down', label: 'PINGRESP', why: 'Each PINGREQ gets one PINGRESP.' },
  {
    type: 'DISCONNECT',
    dir: 'up',
    label: 'DISCONNECT',
    why: 'A phone says goodbye only when it closes the app; losing signal, a crash or a restart sends none.',
  },
];

const WHY_BYTES =
  'The simulation’s PUBLISH carries the engine’s chat envelope (message id, sender, chat, time) on topics msg/<user> and u/<n>, and its receipts add packets of their own; the lab’s carries a small JSON with the text on dt/<run>/u/<name>.';
const WHY_SESSION =
  'After a crash the simulated gateway has lost the session (it was in memory), so sessionPresent is false; Mosquitto reloads sessions from disk, so a restart leaves it true.';
const WHY_DUP =
  'A PUBLISH is sent again with DUP only when it was in flight (sent, not yet acknowledged) as the connection dropped; a real drop and a simulated one rarely catch a packet at the same moment.';
const WHY_DELIVERED =
  'A message still in flight when the comparison ran (or sent to a phone that is offline) counts on one side only.';

interface Tally {
  readonly count: Map<string, number>;
  readonly bytes: Map<string, number>;
  /** sessionPresent of each CONNACK after a user's first, per user. */
  readonly reconnects: Map<string, boolean[]>;
  dup: number;
  /** Bytes of the named users' packets (the spike's carry no messages). */
  userBytes: number;
}

function tally(packets: readonly ComparedPacket[]): Tally {
  const t: Tally = {
    count: new Map(),
    bytes: new Map(),
    reconnects: new Map(),
    dup: 0,
    userBytes: 0,
  };
  const connacks = new Map<string, number>();
  for (const p of packets) {
    const key = `${p.session.type} ${p.session.dir}`;
    t.count.set(key, (t.count.get(key) ?? 0) + 1);
    t.bytes.set(key, (t.bytes.get(key) ?? 0) + p.byteLength);
    if (p.session.type === 'PUBLISH' && p.session.dup) t.dup++;
    if (p.client === SPIKE_CLIENT) continue;
    t.userBytes += p.byteLength;
    if (p.session.type === 'CONNACK') {
      const n = (connacks.get(p.client) ?? 0) + 1;
      connacks.set(p.client, n);
      if (n > 1)
        t.reconnects.set(p.client, [
          ...(t.reconnects.get(p.client) ?? []),
          p.session.sessionPresent === true,
        ]);
    }
  }
  return t;
}

const perMessage = (bytes: number, delivered: number): string =>
  delivered === 0
    ? '— (nothing delivered)'
    : `${Math.round(bytes / delivered).toLocaleString('en-US')} B`;

function reconnectText(t: Tally): string {
  const parts = [...t.reconnects].map(([user, list]) => `${user}: ${list.join(', ')}`);
  return parts.length === 0 ? 'no reconnects' : parts.join('; ');
}

const row = (measure: string, real: string, simulated: string, why: string): LabComparisonRow =>
  real === simulated
    ? { measure, real, simulated, same: true }
    : { measure, real, simulated, same: false, why };

/** Compares the real run with its replay in the simulation. */
export function compareRuns(
  run: RealRun,
  sim: { packets: readonly ComparedPacket[]; delivered: number },
): LabComparison {
  const real = tally(run.packets);
  const simd = tally(sim.packets);
  const rows: LabComparisonRow[] = [];
  for (const r of ROWS) {
    const key = `${r.type} ${r.dir}`;
    const rc = real.count.get(key) ?? 0;
    const sc = simd.count.get(key) ?? 0;
    if (rc === 0 && sc === 0) continue;
    const text = (c: number, b: number): string => `${c} (${b.toLocaleString('en-US')} B)`;
    const line = row(r.label, String(rc), String(sc), r.why);
    rows.push({
      ...line,
      real: text(rc, real.bytes.get(key) ?? 0),
      simulated: text(sc, simd.bytes.get(key) ?? 0),
    });
  }
  rows.push(row('Messages delivered', String(run.delivered), String(sim.delivered), WHY_DELIVERED));
  rows.push(
    row(
      'Bytes per delivered message',
      perMessage(real.userBytes, run.delivered),
      perMessage(simd.userBytes, sim.delivered),
      WHY_BYTES,
    ),
  );
  rows.push(
    row('sessionPresent on reconnect', reconnectText(real), reconnectText(simd), WHY_SESSION),
  );
  rows.push(row('PUBLISH redelivered with DUP', String(real.dup), String(simd.dup), WHY_DUP));
  return {
    durationSec: replaySec(run),
    inputs: run.inputs.length,
    rows,
  };
}

/** The whole side-by-side: replay, then compare. */
export const sideBySide = (run: RealRun): LabComparison => compareRuns(run, simulateRun(run));
