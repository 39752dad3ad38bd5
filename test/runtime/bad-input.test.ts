// Proves a malformed message on any port — a peer's data port or a host's control port, in this
// thread or in a worker — is rejected with a logged error that names what is wrong, and that the
// host keeps running with nothing lost (the run still gives the one-thread trace hash).
import { afterEach, describe, expect, it } from 'vitest';
import * as Comlink from 'comlink';
import { Cluster } from '../../src/runtime/cluster/cluster';
import { Coordinator } from '../../src/runtime/cluster/coordinator';
import { memoryPortPair, memorySpawner } from '../../src/runtime/cluster/memory-spawner';
import type { HostSpawner } from '../../src/runtime/cluster/cluster';
import type { PortLike } from '../../src/runtime/cluster/host-messages';
import { nodeWorkerSpawner } from '../../src/runtime/node/worker-spawner';
import { sessionsComponent } from '../../src/runtime/cluster/components';
import { Host } from '../../src/runtime/cluster/host';
import type { HostControl } from '../../src/runtime/cluster/host-messages';
import { serveHost } from '../../src/runtime/cluster/serve-host';
import { clockClient, serveClock } from '../../src/runtime/cluster/clock-port';
import { encodeEvents } from '../../src/runtime/cluster/event-codec';
import { inProcess, loadScenario, MEMORY_STORE } from './helpers';

const s = loadScenario('offline-store-and-forward.json');
const bytes = new Uint8Array([1, 2, 3]);
type Ev = Parameters<typeof encodeEvents>[0][number];
const ev = (msg: unknown, over: object = {}): Ev =>
  ({ atMs: 50_000, src: 16 + 1, seq: 999, to: 1, msg, ...over }) as Ev;
/** A batch whose events are packed, then (optionally) spoiled byte by byte. */
const batch = (events: Ev[], over: object = {}, spoil?: (b: Uint8Array) => Uint8Array) => {
  const packed = new Uint8Array(encodeEvents(events));
  const out = spoil ? spoil(packed) : packed;
  return {
    type: 'doubletick.batch',
    run: 1,
    from: 'phones',
    window: 1,
    endMs: 0,
    inclusive: false,
    events: out.slice().buffer,
    ...over,
  };
};
const set = (at: number, v: number) => (b: Uint8Array) => ((b[at] = v), b);
const setF64 = (at: number, v: number) => (b: Uint8Array) => (
  new DataView(b.buffer).setFloat64(at, v),
  b
);
/** Byte offsets in a one-event batch: the count (4), the event's t, src, seq, to (8 each), then its type. */
const T = 4;
const TO = 28;
const TYPE = 36;
const FIELDS = 37;
const up = ev({ type: 'up', user: 1, conn: 1, proto: 'mqtt', chunks: [bytes] });

/** Malformed data-plane messages, each with the words its rejection must contain. */
const BAD_BATCHES: [string, unknown, string][] = [
  ['a string', 'hello', 'must be an object'],
  ['null', null, 'must be an object'],
  ['an unknown type', { type: 'doubletick.nope' }, 'type must be "doubletick.batch"'],
  [
    'a batch without events',
    batch([], { events: undefined }),
    'events must be an ArrayBuffer of packed events (got undefined)',
  ],
  [
    'events as objects, not packed',
    batch([], { events: [up] }),
    'events must be an ArrayBuffer of packed events (got an array)',
  ],
  [
    'an unknown message type',
    batch([up], {}, set(TYPE, 200)),
    'events[0].msg.type 200 (byte 36) is not a known message type',
  ],
  [
    'a cut-off event',
    batch([up], {}, (b) => b.subarray(0, b.length - 2)),
    'events[0].msg.chunks[0] is cut off at byte',
  ],
  [
    'a bad protocol',
    batch([up], {}, set(FIELDS + 16, 9)),
    'events[0].msg.proto must be one of short-poll, long-poll, websocket, mqtt (got index 9 at byte 53)',
  ],
  [
    'a time that is not a number',
    batch([up], {}, setF64(T, Number.NaN)),
    'events[0].atMs must be a time',
  ],
  ['an event for another host', batch([up], {}, setF64(TO, 3)), 'lives on store, not on gateway'],
  [
    'a fraction where an integer belongs',
    batch([up], {}, setF64(FIELDS, 1.5)),
    'events[0].msg.user must be an integer',
  ],
  [
    'a flag that is neither 0 nor 1',
    batch(
      [ev({ type: 'sm.result', req: 1, user: 2, online: true, conn: 3, epoch: 1 })],
      {},
      set(FIELDS + 16, 7),
    ),
    'events[0].msg.online must be 0 or 1 (got 7 at byte 53)',
  ],
  [
    'text that is not UTF-8',
    batch([ev({ type: 'store.delete', user: 2, key: 'c1' })], {}, set(FIELDS + 12, 0xff)),
    'events[0].msg.key is not valid UTF-8',
  ],
  [
    'more events counted than sent',
    batch([up], {}, set(0, 1)),
    'the event count 16777217 is more than the',
  ],
  [
    'bytes left over',
    batch([up], {}, (b) => Uint8Array.from([...b, 0])),
    '1 bytes are left over after the last event',
  ],
];

describe('a malformed message on a peer data port', () => {
  it.each(BAD_BATCHES)(
    '%s is rejected with a clear error, and the run goes on unchanged',
    async (_what, message, words) => {
      const logged: string[] = [];
      const spawner = memorySpawner(
        () => undefined,
        (m) => logged.push(m),
      );
      const cluster = await Cluster.create(spawner);
      try {
        const run = await Coordinator.start(
          cluster,
          s,
          { recordWire: false, store: MEMORY_STORE },
          'fresh',
        );
        await run.runUntil(10_000);
        // An extra link into the gateway, as if a peer had gone wrong.
        const { port1, port2 } = memoryPortPair();
        await cluster.host('gateway').connect('phones', port1);
        port2.postMessage(message);
        await new Promise((r) => setTimeout(r, 10));
        expect(logged).toHaveLength(1);
        expect(logged[0]).toContain(
          '[doubletick gateway] rejected a message on the port from phones',
        );
        expect(logged[0]).toContain(words);
      } finally {
        await cluster.dispose();
      }
    },
  );

  it('garbage between real batches loses nothing: the run gives the one-thread hash', async () => {
    const logged: string[] = [];
    const spies: PortLike[] = [];
    const base = memorySpawner(
      () => undefined,
      (m) => logged.push(m),
    );
    // Keep the phones' end of the gateway link so the test can write on it.
    const spawner: HostSpawner = {
      spawn: (n) => base.spawn(n),
      channel: () => {
        const pair = base.channel();
        spies.push(pair.port2);
        return pair;
      },
    };
    const cluster = await Cluster.create(spawner);
    try {
      const run = await Coordinator.start(
        cluster,
        s,
        { recordWire: false, store: MEMORY_STORE },
        'fresh',
      );
      const toGateway = [spies[0]!, spies[1]!, spies[2]!]; // sessions, store and phones ends of their gateway links
      for (let t = 1_000; t <= s.durationMs; t += 1_000) {
        await run.runUntil(t);
        for (const p of toGateway) for (const [, bad] of BAD_BATCHES) p.postMessage(bad);
      }
      await run.runUntil(s.durationMs, true);
      expect(logged.length).toBe(40 * 3 * BAD_BATCHES.length);
      expect(run.traceHash).toBe(inProcess(s).hash);
    } finally {
      await cluster.dispose();
    }
  });

  it('an event inside a window already run is a lookahead violation, reported clearly', async () => {
    const cluster = await Cluster.create(memorySpawner(() => undefined));
    try {
      const run = await Coordinator.start(
        cluster,
        s,
        { recordWire: false, store: MEMORY_STORE },
        'fresh',
      );
      await run.runUntil(10_000);
      const { port1, port2 } = memoryPortPair();
      await cluster.host('gateway').connect('phones', port1);
      port2.postMessage(
        batch([ev({ type: 'timer', name: 'x', conn: 0, gen: 0 }, { atMs: 9_000 })], {
          endMs: 8_000,
          run: 1,
        }),
      );
      await new Promise((r) => setTimeout(r, 10));
      await expect(cluster.host('gateway').control.sync({})).rejects.toThrow(
        /gateway: lookahead violated: event for actor 1 \(timer\) from phones at 9000 ms, .* this host is at \d+ ms/,
      );
    } finally {
      await cluster.dispose();
    }
  });
});

describe('a malformed message on a control port', () => {
  let cleanup: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await cleanup?.();
    cleanup = undefined;
  });

  it('in this thread: dropped before comlink sees it, logged, and the host still answers', async () => {
    const logged: string[] = [];
    const host = new Host('sessions', sessionsComponent, (m) => logged.push(m));
    const { port1, port2 } = new MessageChannel();
    cleanup = async () => {
      port1.close();
      port2.close();
    };
    serveHost(host, port2 as unknown as Comlink.Endpoint, (m) => logged.push(m));
    const control = Comlink.wrap<HostControl>(port1 as unknown as Comlink.Endpoint);
    await control.init({ run: 1, scenario: s, recordWire: false });
    for (const bad of [
      'hello',
      null,
      42,
      { id: 7 },
      { id: 'x', type: 'EXPLODE' },
      { id: 'x', type: 'APPLY', path: 'run', argumentList: 3 },
    ])
      port1.postMessage(bad);
    await new Promise((r) => setTimeout(r, 20));
    expect(logged).toEqual([
      '[doubletick sessions] rejected a message on the control port: the message must be an object (got string); it was dropped',
      '[doubletick sessions] rejected a message on the control port: the message must be an object (got null); it was dropped',
      '[doubletick sessions] rejected a message on the control port: the message must be an object (got number); it was dropped',
      '[doubletick sessions] rejected a message on the control port: id must be a string; it was dropped',
      '[doubletick sessions] rejected a message on the control port: type "EXPLODE" is not a comlink request; it was dropped',
      '[doubletick sessions] rejected a message on the control port: path must be a list of names; it was dropped',
    ]);
    // A bad grant through the API is rejected with a reason; the host goes on.
    await expect(
      control.run({ window: 'one', endMs: 5, inclusive: false, expect: {}, inputs: [] } as never),
    ).rejects.toThrow('sessions: rejected a window grant: window must be an integer');
    await expect(
      control.run({
        window: 1,
        endMs: 5,
        inclusive: false,
        expect: { mars: 1 },
        inputs: [],
      } as never),
    ).rejects.toThrow('expect names an unknown host "mars"');
    await expect(
      control.run({
        window: 1,
        endMs: 5,
        inclusive: false,
        expect: {},
        inputs: [{ atMs: 1, src: 0, seq: 1, to: 1, msg: { type: 'sm.lookup' } }],
      } as never),
    ).rejects.toThrow('inputs[0].to is actor 1, which lives on gateway, not on sessions');
    await expect(
      control.run({ window: 1, endMs: 5, inclusive: false, expect: {}, inputs: [] }),
    ).resolves.toMatchObject({ window: 1, nextMs: Infinity });
  });

  it('on the clock port (window grants): garbage either way is logged and dropped; windows still run', async () => {
    const logged: string[] = [];
    const host = new Host('sessions', sessionsComponent, (m) => logged.push(m));
    await host.init({ run: 1, scenario: s, recordWire: false });
    const { port1, port2 } = new MessageChannel();
    cleanup = async () => {
      port1.close();
      port2.close();
    };
    serveClock(
      port2 as unknown as PortLike,
      'sessions',
      (g) => host.run(g),
      (m) => logged.push(m),
    );
    for (const bad of [
      'tick',
      {
        type: 'doubletick.grant',
        grant: { window: 1, endMs: -5, inclusive: false, expect: {}, inputs: [] },
      },
    ])
      port1.postMessage(bad);
    await new Promise((r) => setTimeout(r, 20));
    expect(logged).toEqual([
      '[doubletick sessions] rejected a message on the clock port: type must be "doubletick.grant"; it was dropped',
      '[doubletick sessions] rejected a message on the clock port: endMs must be a time in ms ≥ 0 (got -5); it was dropped',
    ]);
    const run = clockClient(port1 as unknown as PortLike, 'sessions', (m) => logged.push(m));
    port2.postMessage({ type: 'doubletick.report', window: 99 });
    await expect(
      run({ window: 1, endMs: 5, inclusive: false, expect: {}, inputs: [] }),
    ).resolves.toMatchObject({ window: 1, nextMs: Infinity, sentEvents: 0 });
    expect(logged[2]).toBe(
      "[doubletick coordinator] rejected a message on sessions's clock port: not a report for a window it was granted; it was dropped",
    );
  });

  it('in a worker thread: garbage on its control port is logged by the worker, which keeps its state', async () => {
    const spawner = nodeWorkerSpawner();
    const cluster = await Cluster.create(spawner);
    cleanup = () => cluster.dispose();
    const run = await Coordinator.start(
      cluster,
      s,
      { recordWire: false, store: MEMORY_STORE },
      'fresh',
    );
    await run.runUntil(10_000);
    const worker = spawner.workers.get('store')!;
    const stderr: string[] = [];
    // The worker's console goes through the parent's process streams; collect what it writes.
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string | Uint8Array) => {
      stderr.push(String(chunk));
      return true;
    }) as typeof process.stderr.write;
    try {
      for (const bad of [
        'hello',
        null,
        42,
        { id: 7 },
        { id: 'x', type: 'EXPLODE' },
        { id: 'x', type: 'APPLY', path: 'run', argumentList: 3 },
      ])
        worker.postMessage(bad);
      await new Promise((r) => setTimeout(r, 200));
    } finally {
      process.stderr.write = write;
    }
    const text = stderr.join('');
    expect(text).toContain('[doubletick store] rejected a message on the control port');
    expect(text).toContain('type "EXPLODE" is not a comlink request');
    expect(text).toContain('path must be a list of names');
    await run.runUntil(s.durationMs, true);
    expect(run.traceHash).toBe(inProcess(s).hash);
  });
});
