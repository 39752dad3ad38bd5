// Proves the store turns frame batches into view state: flights from hops, a log that time travel
// cuts back, chart samples, and actions forwarded to the host.
import { describe, expect, it } from 'vitest';
import type {
  FrameBatch,
  InputAction,
  Report,
  Snapshot,
  TraceEvent,
} from '../../../bridge/playground-api';
import type { PlaygroundHost } from '../../../bridge/playground-api';
import { RUN_RECORD_VERSION, type RunRecord } from '../../../bridge/run-record';
import { encodeShare } from '../../../bridge/share-link';
import { PlaygroundStore } from './playground-store';

/** The report of a quiet run (two phones online, nothing sent), field by field. */
const quietReport: Report = {
  scenario: 'Playground',
  seed: 1,
  durationMs: 0,
  phones: 2,
  events: 0,
  messages: {
    sent: 0,
    accepted: 0,
    delivered: 0,
    read: 0,
    stored: 0,
    deletedFromStore: 0,
    pendingInStore: 0,
    inFlight: 0,
    lost: 0,
    duplicated: 0,
    duplicatesSuppressed: 0,
    receipts: { stored: 0, deletedFromStore: 0, pendingInStore: 0 },
  },
  protocols: {},
  energy: {},
  latencyMs: { p50: null, p95: null, p99: null, pagingWait: { chats: 0, mean: null, p95: null } },
  gateway: {
    peakConnections: 2,
    connectionsNow: 2,
    refusedConnections: 0,
    peakLoad: 0,
    longestOverloadSec: 0,
    crashed: false,
    crashes: 0,
    bytesPerConnection: 0,
  },
  spike: {
    refusalsPerSec: [],
    connectsPerSec: [],
    timeToAllConnectedSec: 0,
    stillWaiting: 0,
    gaveUp: 0,
  },
  encryption: true,
  rejectedInputs: 0,
  traceHash: '',
};

const snap = (nowMs: number, running = true): Snapshot => ({
  nowMs,
  durationMs: 86_400_000,
  running,
  speed: 1,
  seed: 1,
  scenarioName: 'Playground',
  description: '',
  settings: {
    encryption: true,
    retry: { kind: 'jitter', minMs: 1000, maxMs: 5000 },
    protocolSettings: {
      shortPollIntervalMs: 5000,
      longPollHoldMs: 30_000,
      wsPingIntervalMs: 30_000,
      wsPingTimeoutMs: 10_000,
      mqttKeepAliveSec: 60,
      mqttQos: 1,
    },
  },
  pendingInputs: [],
  phoneCount: 2,
  phones: [
    {
      user: 1,
      name: 'alice',
      proto: 'mqtt',
      status: 'online',
      link: 'good',
      bytesUp: 0,
      bytesDown: 0,
      joules: 0,
      highPowerMs: 0,
      outbox: 0,
      unread: 0,
      chats: [],
    },
    {
      user: 2,
      name: 'bob',
      proto: 'mqtt',
      status: 'online',
      link: 'good',
      bytesUp: 0,
      bytesDown: 0,
      joules: 0,
      highPowerMs: 0,
      outbox: 0,
      unread: 0,
      chats: [],
    },
  ],
  groups: [],
  gateway: {
    connections: 2,
    load: 0,
    crashed: false,
    epoch: 1,
    maxConnections: 10_000,
    workPerSec: 20_000,
    backpressure: true,
    thresholdPct: 80,
    workUnits: { handshake: 10, message: 1, control: 0.25 },
  },
  sessions: { online: 2 },
  store: { pending: 0, byUser: [] },
  report: quietReport,
});

const hop = (t: number, from: number, to: number, msg = 1): TraceEvent => ({
  atMs: t,
  kind: 'frame',
  from,
  to,
  msg,
  bytes: 142,
  headerBytes: 12,
  arriveAtMs: t + 70,
  note: 'PUBLISH',
});

function fakeHost(): PlaygroundHost & { emit(b: FrameBatch): void; inputs: InputAction[] } {
  const listeners = new Set<(b: FrameBatch) => void>();
  const inputs: InputAction[] = [];
  const host = {
    inputs,
    emit: (b: FrameBatch) => listeners.forEach((l) => l(b)),
    subscribe: (fn: (b: FrameBatch) => void) => (listeners.add(fn), () => listeners.delete(fn)),
    load: async () => ({ ok: true as const }),
    play: async () => {},
    pause: async () => {},
    step: async () => undefined,
    setSpeed: async () => {},
    input: async (a: InputAction) => void inputs.push(a),
    seek: async () => {},
    inputLog: async () => [],
    inspect: async (msg: number) => ({ msg, events: [], serverView: [] }),
    select: async () => {},
    open: async () => ({ ok: true as const }),
    record: async () => {
      throw new Error('not in this test');
    },
    advanceBy: async () => 0,
    reopen: async () => undefined,
    fork: async () => {},
    snapshot: async () => snap(0),
  };
  return host;
}

describe('PlaygroundStore', () => {
  it('draws hops between drawn nodes as flights and keeps the log', async () => {
    let wall = 0;
    const host = fakeHost();
    const store = new PlaygroundStore(host, () => wall);
    await store.start(undefined, false);
    host.emit({ events: [hop(2000, 17, 1)], snapshot: snap(2010) });
    expect(store.motion.flights.map((f) => `${f.from}>${f.to}`)).toEqual(['phone-1>gateway']);
    expect(store.log.items).toHaveLength(1);
    expect(store.getState().snapshot?.nowMs).toBe(2010);
    wall += 1000;
    host.emit({ events: [], snapshot: snap(2200) });
    expect(store.motion.flights).toHaveLength(0); // landed at 2070
    expect(store.getState().history.length).toBeGreaterThan(0);
  });

  it('replaces the log with the rebuilt run’s after time travel', async () => {
    const host = fakeHost();
    const store = new PlaygroundStore(host, () => 0);
    await store.start(undefined, false);
    host.emit({ events: [hop(1000, 17, 1), hop(5000, 18, 1)], snapshot: snap(5000, false) });
    host.emit({
      events: [hop(1000, 17, 1)],
      snapshot: snap(3000, false),
      replaceLog: { dropped: 0 },
    });
    expect(store.log.items.map((e) => e.atMs)).toEqual([1000]);
    expect(store.getState().maxReachedMs).toBe(5000);
  });

  it('shows an input given while paused at once: Bob offline, pending', async () => {
    const host = fakeHost();
    const store = new PlaygroundStore(host, () => 0);
    await store.start(undefined, false);
    const paused = snap(7209, false);
    host.emit({
      events: [],
      snapshot: { ...paused, pendingInputs: [{ atMs: 7210, action: { do: 'offline', user: 2 } }] },
    });
    const bob = store.getState().snapshot?.phones.find((p) => p.user === 2);
    expect(bob?.status).toBe('offline');
  });

  it('forwards the learner’s actions as inputs', async () => {
    const host = fakeHost();
    const store = new PlaygroundStore(host, () => 0);
    await store.start(undefined, false);
    await store.setRetry('fixed');
    await store.setProtocolAll('short-poll');
    expect(host.inputs).toEqual([
      { do: 'retry', policy: { kind: 'fixed', delayMs: 1000 } },
      { do: 'protocol', user: 'all', protocol: 'short-poll' },
    ]);
  });

  describe('opening a shared link', () => {
    const record: RunRecord = {
      version: RUN_RECORD_VERSION,
      scenario: {
        name: 'Shared',
        seed: 3,
        durationSec: 60,
        phones: [{ count: 2, protocol: 'mqtt' }],
      },
      inputs: [],
      reached: { ms: 9000, inclusive: true },
      settings: { speed: 1 },
    };
    /** A host whose `open` finishes when the test says, and whose preview comes when it says. */
    function slowHost() {
      const host = fakeHost();
      let finishOpen!: () => void;
      let showPreview!: (b: FrameBatch) => void;
      const opening = new Promise<void>((r) => (finishOpen = r));
      return Object.assign(host, {
        open: async () => {
          await opening;
          host.emit({ events: [], snapshot: snap(9000, false), replaceLog: { dropped: 0 } });
          return { ok: true as const };
        },
        preview: () => new Promise<FrameBatch | undefined>((r) => (showPreview = r)),
        finishOpen: () => finishOpen(),
        showPreview: (b: FrameBatch) => showPreview(b),
      });
    }
    const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

    it('shows the preview while the host still opens the run', async () => {
      const host = slowHost();
      const store = new PlaygroundStore(host, () => 0);
      const opened = store.openShared(encodeShare(record));
      await tick();
      host.showPreview({
        events: [hop(1000, 17, 1)],
        snapshot: snap(9000, false),
        replaceLog: { dropped: 0 },
      });
      await tick();
      expect(store.getState().snapshot?.nowMs).toBe(9000);
      expect(store.log.items).toHaveLength(1);
      host.finishOpen();
      await opened;
      expect(store.getState().ready).toBe(true);
    });

    it('ignores a preview that comes after the host has opened the run', async () => {
      const host = slowHost();
      const store = new PlaygroundStore(host, () => 0);
      const opened = store.openShared(encodeShare(record));
      await tick();
      host.finishOpen();
      await opened;
      host.showPreview({
        events: [hop(1000, 17, 1)],
        snapshot: snap(4000, false),
        replaceLog: { dropped: 0 },
      });
      await tick();
      expect(store.getState().snapshot?.nowMs).toBe(9000);
      expect(store.log.items).toHaveLength(0);
    });
  });
});
