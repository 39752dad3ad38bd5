/**
 * The engine's bench figures, run in a child Node process (bundled, with `--expose-gc` and a
 * larger young generation) so each figure and its baseline share one process and one moment.
 * Prints one JSON BenchRow per line.
 */
import { CalendarQueue } from '../engine/kernel/calendar-queue';
import { Kernel } from '../engine/kernel/kernel';
import { createRng } from '../engine/kernel/rng';
import { Gateway } from '../engine/gateway/gateway';
import { DEFAULT_GATEWAY } from '../engine/model/gateway-config';
import { encodeMqtt } from '../engine/protocols/mqtt/codec';
import { DEFAULT_PROTOCOL_SETTINGS } from '../engine/protocols/protocol-settings';
import { validateScenario } from '../engine/scenario/validate-scenario';
import type { ScenarioFile } from '../engine/scenario/scenario';
import { ACTOR } from '../engine/model/actors';
import type { SimMessage } from '../engine/model/messages';
import { Simulation } from '../engine/sim/simulation';
import { median, type BenchRow } from './bench-row';
import { machineLoadRow, otherProcessCores, sampleCpu } from './machine-load';

declare const gc: () => void;
const emit = (row: BenchRow): void => console.log(JSON.stringify(row));
const heap = (): number => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};

/** Erlang process at spawn, OTP 27, 64-bit: 327 words = 2,616 B (FACTS.md §5). */
const ERLANG_PROCESS_BYTES = 2616;

function simulate(file: ScenarioFile): { sim: Simulation; wallMs: number } {
  const v = validateScenario(file);
  if (!v.ok) throw new Error(v.errors.join('; '));
  const sim = new Simulation(v.scenario);
  const t0 = performance.now();
  sim.run();
  return { sim, wallMs: performance.now() - t0 };
}

/** A bare loop over the kernel's own queue with `pending` events, doing no work: events/s. */
function bareLoop(pending: number, events: number): number {
  const q = new CalendarQueue<number>();
  const rng = createRng(1);
  let seq = 0;
  for (let i = 0; i < pending; i++)
    q.push({ atMs: rng.int(0, 60_000), src: i, seq: ++seq, to: i, msg: 0 });
  const t0 = performance.now();
  for (let i = 0; i < events; i++) {
    const e = q.pop()!;
    q.push({ atMs: e.atMs + 1 + rng.int(0, 60_000), src: e.src, seq: ++seq, to: e.to, msg: 0 });
  }
  return events / ((performance.now() - t0) / 1000);
}

/**
 * Events per second of `file` against the bare loop, each the median of three runs after one
 * untimed run: a first run of the engine is mostly the JIT compiling it (0.6 M ev/s cold against
 * 1.1–1.5 M warm for the idle fleet), while the bare loop is one small loop that compiles at once.
 * The ≥ 0.25 goal is the kernel's overhead on a fleet that mostly keeps alive (`goal`); a busy
 * fleet's events each parse and build real HTTP heads and frames, so its ratio shows what that
 * work costs and carries no goal.
 */
function rate(label: string, file: ScenarioFile, goal: boolean): void {
  const { sim } = simulate(file);
  const events = sim.kernel.eventsProcessed;
  const simRate = median([0, 1, 2].map(() => events / (simulate(file).wallMs / 1000)));
  const pending = Math.max(1000, sim.kernel.pending);
  bareLoop(pending, 200_000);
  const bare = median([0, 1, 2].map(() => bareLoop(pending, 2_000_000)));
  const row = {
    name: `simulated events per second, ${label}`,
    value: simRate,
    unit: 'ev/s',
    baseline: bare,
    baselineName: 'bare event-queue loop, no work (medians of 3 warm runs)',
    ratio: simRate / bare,
  };
  emit(goal ? { ...row, goal: '≥ 0.25 of the bare loop', met: simRate / bare >= 0.25 } : row);
}

function eventsPerSecond(): void {
  rate(
    '20,000 idle MQTT phones',
    {
      name: 'bench: idle',
      seed: 2,
      durationSec: 600,
      encryption: false,
      gateway: { maxConnections: 100_000, workPerSec: 1e12 },
      phones: [{ count: 20_000, protocol: 'mqtt' }],
    },
    true,
  );
  rate(
    'busy mixed fleet (1,300 phones, 50 msg/s, all four protocols, real HTTP and frames per event)',
    {
      name: 'bench: busy mixed fleet',
      seed: 9,
      durationSec: 300,
      encryption: false,
      gateway: { maxConnections: 100_000, workPerSec: 1e9 },
      phones: [
        { count: 500, protocol: 'mqtt' },
        { count: 500, protocol: 'websocket' },
        { count: 200, protocol: 'long-poll' },
        { count: 100, protocol: 'short-poll' },
      ],
      traffic: { messagesPerMinute: 3000, bodyBytes: 100 },
    },
    false,
  );
}

function gatewayHeapPerConnection(n: number): void {
  const k = new Kernel<SimMessage>();
  const gw = new Gateway(
    { ...DEFAULT_GATEWAY, maxConnections: 10_000_000, workPerSec: 1e12 },
    { settings: DEFAULT_PROTOCOL_SETTINGS, recordWire: false },
  );
  k.register(ACTOR.gateway, gw);
  k.enqueue(ACTOR.input, ACTOR.gateway, { type: 'timer', name: 'boot', conn: 0, gen: 0 }, 0);
  k.runUntil(0, true);
  const before = heap();
  for (let u = 1; u <= n; u++) {
    const connect = encodeMqtt({
      type: 'CONNECT',
      protocolName: 'MQTT',
      protocolLevel: 4,
      clientId: `u${u}`,
      keepAlive: 60,
      cleanSession: false,
    });
    k.enqueue(
      16 + u,
      ACTOR.gateway,
      { type: 'up', user: u, conn: 1, proto: 'mqtt', chunks: [connect] },
      1,
    );
  }
  k.runUntil(50, true); // every CONNECT handled; replies to absent phones are dropped
  const after = heap();
  if (gw.conns.size !== n) throw new Error(`expected ${n} connections, have ${gw.conns.size}`);
  const perConn = (after - before) / n;
  emit({
    name: `gateway heap per held connection (${n.toLocaleString('en-US')} MQTT)`,
    value: perConn,
    unit: 'B',
    baseline: ERLANG_PROCESS_BYTES,
    baselineName: 'Erlang process, 327 words (FACTS §5)',
    ratio: perConn / ERLANG_PROCESS_BYTES,
    goal: '≤ 300 B, an eighth of an Erlang process',
    met: perConn <= 300,
  });
}

function millionIdle(n: number): void {
  const cpu0 = sampleCpu();
  const t0 = performance.now();
  const { sim } = simulate({
    name: 'bench: idle MQTT phones',
    seed: 1,
    durationSec: 600,
    encryption: false,
    gateway: { maxConnections: 2_000_000, workPerSec: 1e12 },
    phones: [{ count: n, protocol: 'mqtt' }],
  });
  const wallSec = (performance.now() - t0) / 1000;
  const others = otherProcessCores(cpu0, sampleCpu());
  if (sim.gateway.conns.size !== n)
    throw new Error(`only ${sim.gateway.conns.size} of ${n} phones connected`);
  const events = sim.kernel.eventsProcessed;
  const bareSec = events / bareLoop(n, Math.min(events, 5_000_000));
  emit({
    name: `${n.toLocaleString('en-US')} idle MQTT phones, 10 virtual min (${(events / 1e6).toFixed(1)} M events)`,
    value: wallSec,
    unit: 's',
    baseline: bareSec,
    baselineName: 'bare queue loop, same event count',
    ratio: wallSec / bareSec,
    goal: '≤ 60 s wall',
    met: wallSec <= 60,
  });
  // A wall-clock figure on a shared machine: what else ran meanwhile says whether it compares.
  emit(
    machineLoadRow(
      `during the ${n.toLocaleString('en-US')}-phone run`,
      others,
      cpu0.cores,
      'the wall time above does not compare',
    ),
  );
  emit({
    name: 'whole process heap per idle phone (phone + link + radio + gateway + sessions)',
    value: heap() / n,
    unit: 'B',
    baseline: ERLANG_PROCESS_BYTES,
    baselineName: 'Erlang process (FACTS §5)',
    ratio: heap() / n / ERLANG_PROCESS_BYTES,
  });
}

function encryptionCost(): void {
  const file = (encryption: boolean): ScenarioFile => ({
    name: 'bench: chatter',
    seed: 3,
    durationSec: 120,
    encryption,
    // Ten friends chatting: each pair's session is set up once (X3DH), then ratcheted.
    phones: [{ count: 10, protocol: 'mqtt' }],
    traffic: { messagesPerMinute: 1200, bodyBytes: 200 },
  });
  const off = simulate(file(false));
  const on = simulate(file(true));
  const perMsg = (r: { sim: Simulation; wallMs: number }) =>
    (r.wallMs * 1000) / r.sim.metrics.createdAt.size;
  emit({
    name: `run cost per message with E2E encryption (${on.sim.metrics.createdAt.size} messages)`,
    value: perMsg(on),
    unit: 'µs',
    baseline: perMsg(off),
    baselineName: 'same run, encryption off',
    ratio: perMsg(on) / perMsg(off),
  });
}

const which = process.argv[2] ?? 'all';
const million = Number(process.env['BENCH_PHONES'] ?? 1_000_000);
if (which === 'all' || which === 'events') eventsPerSecond();
if (which === 'all' || which === 'heap') gatewayHeapPerConnection(200_000);
// `heap:<n>`: the same figure for another count (the lab bench compares it with Mosquitto's).
if (which.startsWith('heap:')) gatewayHeapPerConnection(Number(which.slice(5)));
if (which === 'all' || which === 'crypto') encryptionCost();
if (which === 'all' || which === 'million') millionIdle(million);
