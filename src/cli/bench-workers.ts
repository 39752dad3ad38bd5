/**
 * Bench of the engine across worker_threads: messages per second through the whole pipeline
 * (phone → gateway → session manager → store → gateway → phone) beside raw MessageChannel round
 * trips measured in the same run, and what one window of the coordinator costs when nothing happens.
 */
import { Worker } from 'node:worker_threads';
import type { Scenario, ScenarioFile } from '../engine/scenario/scenario';
import { validateScenario } from '../engine/scenario/validate-scenario';
import { buildReport } from '../engine/sim/report';
import { Simulation } from '../engine/sim/simulation';
import { Cluster } from '../runtime/cluster/cluster';
import { Coordinator } from '../runtime/cluster/coordinator';
import { LOOKAHEAD_MS } from '../runtime/cluster/partition';
import { nodeWorkerSpawner } from '../runtime/node/worker-spawner';
import { median, type BenchRow } from './bench-row';
import { machineLoadRow, otherProcessCores, QUIET_SHARE, sampleCpu } from './machine-load';

/** Senders and as many recipients, offline until every message is stored. */
const PAIRS = 200;
const MESSAGES_EACH = 50;
const ROUND_TRIPS = 10_000;
const IDLE_WINDOWS = 2_000;

/**
 * The pipeline's workload, at saturation: 10,000 messages sent in one 20 ms burst (a throughput
 * figure needs work waiting; messages trickling in one per window would measure the window clock,
 * and a small burst the 400 connections' handshakes). Every message is stored, then fetched and
 * delivered when its recipient connects.
 */
export function pipelineScenario(): ScenarioFile {
  const actions: ScenarioFile['actions'] = [];
  for (let k = 0; k < MESSAGES_EACH; k++)
    for (let i = 1; i <= PAIRS; i++)
      actions.push({
        at: 1 + (k * PAIRS + i) / (MESSAGES_EACH * 10_000),
        do: 'send',
        from: i,
        to: PAIRS + i,
        text: `message ${k} from u${i}`,
      });
  for (let i = 1; i <= PAIRS; i++) actions.push({ at: 3, do: 'online', user: PAIRS + i });
  return {
    name: 'Pipeline bench',
    seed: 3,
    durationSec: 8,
    encryption: false,
    phones: [
      { count: PAIRS, protocol: 'websocket' },
      { count: PAIRS, protocol: 'websocket', online: false },
    ],
    actions,
  };
}

/** Raw MessageChannel round trips per second between this thread and a worker thread, one at a time. */
async function rawRoundTripsPerSec(n: number): Promise<number> {
  const echo = new Worker(
    `const { parentPort } = require('node:worker_threads'); parentPort.once('message', (port) => port.on('message', (m) => port.postMessage(m)));`,
    { eval: true },
  );
  const { port1, port2 } = new MessageChannel();
  echo.postMessage(port2, [port2 as unknown as import('node:worker_threads').MessagePort]);
  try {
    const trip = () =>
      new Promise<void>((resolve) => {
        port1.onmessage = () => resolve();
        port1.postMessage({ t: 1, seq: 2 });
      });
    for (let i = 0; i < 500; i++) await trip(); // warm up
    const t0 = performance.now();
    for (let i = 0; i < n; i++) await trip();
    return n / ((performance.now() - t0) / 1000);
  } finally {
    port1.close();
    await echo.terminate();
  }
}

/** Runs `f` `warm` times unmeasured (JIT), then `n` times; returns the median wall time in ms and the last result. */
async function timed<T>(
  warm: number,
  n: number,
  f: () => Promise<T> | T,
): Promise<{ ms: number; last: T }> {
  for (let i = 0; i < warm; i++) await f();
  const times: number[] = [];
  let last!: T;
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    last = await f();
    times.push(performance.now() - t0);
  }
  return { ms: median(times), last };
}

/** Attempts at most while other processes take more than `QUIET_SHARE` of the machine. */
const ATTEMPTS = 3;
const SETTLE_MS = 5_000;

interface Attempt {
  readonly rtPerSec: number;
  readonly pipelineMs: number;
  readonly oneThreadMs: number;
  readonly run: Coordinator;
  /** Cores other processes (or the hypervisor) kept busy meanwhile. */
  readonly others: number;
}

/**
 * The pipeline, one thread, and the raw baseline three times across them (the machine is shared
 * and noisy), with what other processes took meanwhile.
 */
async function measure(cluster: Cluster, scenario: Scenario, messages: number): Promise<Attempt> {
  const cpu0 = sampleCpu();
  const rts = [await rawRoundTripsPerSec(ROUND_TRIPS)];
  const pipeline = await timed(3, 3, async () => {
    const run = await Coordinator.start(
      cluster,
      scenario,
      { recordWire: false, store: { persistence: 'none' } },
      'fresh',
    );
    await run.runUntil(scenario.durationMs, true);
    return run;
  });
  const run = pipeline.last;
  const r = buildReport(run.reportView(await run.parts()));
  if (r.messages.delivered !== messages || r.messages.stored !== messages)
    throw new Error(
      `the pipeline bench did not store and deliver every message: ${JSON.stringify(r.messages)}`,
    );
  rts.push(await rawRoundTripsPerSec(ROUND_TRIPS));
  const oneThread = await timed(3, 3, () => new Simulation(scenario).run());
  rts.push(await rawRoundTripsPerSec(ROUND_TRIPS));
  return {
    rtPerSec: median(rts),
    pipelineMs: pipeline.ms,
    oneThreadMs: oneThread.ms,
    run,
    others: otherProcessCores(cpu0, sampleCpu()),
  };
}

export async function benchWorkers(): Promise<BenchRow[]> {
  const parsed = validateScenario(pipelineScenario());
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  const scenario = parsed.scenario;
  const messages = PAIRS * MESSAGES_EACH;
  const cores = sampleCpu().cores;

  const cluster = await Cluster.create(nodeWorkerSpawner());
  try {
    // A raw round trip is a wake-up latency, and another process holding a core changes it (and
    // takes that core from the pipeline): measure again while the machine is not quiet, and keep
    // the quietest attempt. Its load is printed with the figures either way.
    let best = await measure(cluster, scenario, messages);
    for (let n = 1; n < ATTEMPTS && best.others / cores > QUIET_SHARE; n++) {
      console.error(
        `workers: other processes took ${best.others.toFixed(2)} of ${cores} cores while measuring; measuring again in ${SETTLE_MS / 1000} s`,
      );
      await new Promise((r) => setTimeout(r, SETTLE_MS));
      const next = await measure(cluster, scenario, messages);
      if (next.others < best.others) best = next;
    }
    const { rtPerSec, run, others } = best;
    const rtUs = 1e6 / rtPerSec;
    const pipelinePerSec = messages / (best.pipelineMs / 1000);
    const crossPerSec = run.crossEvents / (best.pipelineMs / 1000);

    const idle = await Coordinator.start(
      cluster,
      scenario,
      { recordWire: false, store: { persistence: 'none' } },
      'fresh',
    );
    for (let i = 0; i < 200; i++) await idle.idleWindow();
    const t0 = performance.now();
    for (let i = 0; i < IDLE_WINDOWS; i++) await idle.idleWindow();
    const idleUs = ((performance.now() - t0) / IDLE_WINDOWS) * 1000;
    const rt = { baseline: rtPerSec, baselineName: 'raw MessageChannel round trips/s' };

    return [
      {
        name: `workers: chat messages/s through the pipeline (${messages.toLocaleString('en-US')} in a burst: stored, fetched, delivered)`,
        value: pipelinePerSec,
        unit: 'msg/s',
        ...rt,
        ratio: pipelinePerSec / rtPerSec,
        goal: '≥ 0.5 of raw round trips, through batching',
        met: pipelinePerSec / rtPerSec >= 0.5,
      },
      {
        name: 'workers: engine messages/s crossing worker ports (batched)',
        value: crossPerSec,
        unit: 'msg/s',
        ...rt,
        ratio: crossPerSec / rtPerSec,
        goal: '≥ 0.5 of raw round trips, through batching',
        met: crossPerSec / rtPerSec >= 0.5,
      },
      {
        name: 'workers: chat messages/s, pipeline vs the same run in one thread',
        value: pipelinePerSec,
        unit: 'msg/s',
        baseline: messages / (best.oneThreadMs / 1000),
        baselineName: 'one thread',
        ratio: pipelinePerSec / (messages / (best.oneThreadMs / 1000)),
      },
      {
        name: 'workers: one coordinator window when nothing happens (4 hosts)',
        value: idleUs,
        unit: 'µs',
        baseline: rtUs,
        baselineName: 'one raw round trip',
        ratio: idleUs / rtUs,
      },
      {
        name: 'workers: windows granted for the pipeline run',
        value: run.windows,
        unit: 'windows',
        baseline: scenario.durationMs / LOOKAHEAD_MS,
        baselineName: 'without idle skipping',
        ratio: run.windows / (scenario.durationMs / LOOKAHEAD_MS),
      },
      machineLoadRow(
        `while the workers figures above were measured (quietest of up to ${ATTEMPTS} attempts)`,
        others,
        cores,
        'the round-trip ratios above do not compare',
      ),
    ];
  } finally {
    await cluster.dispose();
  }
}

// `tsx src/cli/bench-workers.ts` runs this group alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { formatBenchRows } = await import('./bench-row');
  for (const line of formatBenchRows(await benchWorkers())) console.log(line);
}
