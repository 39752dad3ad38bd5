// Proves the side-by-side replay: the lab's inputs become a valid scenario at the same moments,
// the simulation's packets are read per user, a run compared with itself shows no difference, and
// where the two runs differ (the gateway's receipts, a crash that forgets sessions) the row says why.
import { describe, expect, it } from 'vitest';
import {
  compareRuns,
  replayScenario,
  SETTLE_SEC,
  simulateRun,
  type ComparedPacket,
  type RealRun,
} from './side-by-side';

const STORY: RealRun = {
  users: ['alice', 'bob'],
  elapsedMs: 9_400,
  delivered: 3,
  packets: [],
  inputs: [
    { atMs: 2_000, do: 'offline', user: 'bob', how: 'close' },
    { atMs: 3_000, do: 'send', from: 'alice', to: 'bob', text: 'one' },
    { atMs: 3_500, do: 'send', from: 'alice', to: 'bob', text: 'two' },
    { atMs: 4_000, do: 'send', from: 'alice', to: 'bob', text: 'three' },
    { atMs: 8_000, do: 'online', user: 'bob' },
  ],
};

const rowOf = (c: ReturnType<typeof compareRuns>, measure: string) =>
  c.rows.find((r) => r.measure === measure);

/** What a topic broker would have carried for the story: the simulation's packets minus receipts. */
function asBroker(sim: readonly ComparedPacket[]): ComparedPacket[] {
  const out: ComparedPacket[] = [];
  for (const p of sim) {
    // The gateway's ✓✓ receipts to Alice, and her PUBACKs for them, have no broker counterpart.
    if (p.client === 'alice' && p.session.dir === 'down' && p.session.type === 'PUBLISH') continue;
    if (p.client === 'alice' && p.session.dir === 'up' && p.session.type === 'PUBACK') continue;
    out.push(p);
  }
  return out;
}

describe('the side-by-side replay', () => {
  it('replays every input at its moment, and runs a few seconds past the lab', () => {
    const s = replayScenario({
      ...STORY,
      inputs: [
        ...STORY.inputs,
        { atMs: 8_500, do: 'offline', user: 'alice', how: 'lose-signal' },
        { atMs: 8_600, do: 'spike', connections: 20 },
        { atMs: 9_000, do: 'broker-restart' },
      ],
    });
    expect(s.durationSec).toBe(10 + SETTLE_SEC);
    expect(s.phones).toEqual([{ count: 2, protocol: 'mqtt', names: ['alice', 'bob'] }]);
    expect(s.protocolSettings).toMatchObject({ mqttQos: 1 });
    expect(s.actions).toEqual([
      { at: 2, do: 'offline', user: 'bob', how: 'close' },
      { at: 3, do: 'send', from: 'alice', to: 'bob', text: 'one' },
      { at: 3.5, do: 'send', from: 'alice', to: 'bob', text: 'two' },
      { at: 4, do: 'send', from: 'alice', to: 'bob', text: 'three' },
      { at: 8, do: 'online', user: 'bob' },
      { at: 8.5, do: 'offline', user: 'alice', how: 'lose-signal' },
      { at: 8.6, do: 'spike', connections: 20, withinSec: 1, protocol: 'mqtt' },
      { at: 9, do: 'crash' },
    ]);
  });

  it("reads the simulation's packets per user: Bob's session as the real-broker test saw it", () => {
    const sim = simulateRun(STORY);
    expect(sim.delivered).toBe(3);
    const bob = sim.packets.filter((p) => p.client === 'bob').map((p) => p.session);
    expect(bob.filter((p) => p.dir === 'down' && p.type === 'CONNACK')).toEqual([
      { dir: 'down', type: 'CONNACK', sessionPresent: false },
      { dir: 'down', type: 'CONNACK', sessionPresent: true },
    ]);
    expect(bob.filter((p) => p.type === 'PUBLISH')).toEqual(
      Array(3).fill({ dir: 'down', type: 'PUBLISH', qos: 1, dup: false }),
    );
    expect(sim.packets.every((p) => p.byteLength > 0)).toBe(true);
  });

  it('a run compared with itself differs nowhere', () => {
    const sim = simulateRun(STORY);
    const c = compareRuns({ ...STORY, packets: sim.packets }, sim);
    expect(c.rows.filter((r) => !r.same)).toEqual([]);
    expect(rowOf(c, 'sessionPresent on reconnect')?.real).toBe('bob: true');
    expect(rowOf(c, 'Messages delivered')).toMatchObject({ real: '3', simulated: '3' });
  });

  it("says why where a topic broker and the simulation's chat router differ", () => {
    const sim = simulateRun(STORY);
    const c = compareRuns({ ...STORY, packets: asBroker(sim.packets) }, sim);
    const pub = rowOf(c, 'PUBLISH server → phone')!;
    expect(pub.real).toMatch(/^3 \(/);
    expect(pub.simulated).toMatch(/^6 \(/);
    expect(pub.same).toBe(false);
    expect(pub.why).toMatch(/chat router, not a topic broker/);
    expect(rowOf(c, 'PUBACK phone → server')?.same).toBe(false);
    expect(rowOf(c, 'CONNECT')?.same).toBe(true);
    expect(rowOf(c, 'CONNECT')?.why).toBeUndefined();
    const bytes = rowOf(c, 'Bytes per delivered message')!;
    expect(bytes.same).toBe(false);
    expect(bytes.real).toMatch(/^\d+ B$/);
  });

  it('a crash: the simulated gateway forgets the session, the real broker kept it', () => {
    const run: RealRun = {
      ...STORY,
      inputs: [
        ...STORY.inputs.slice(0, 4),
        { atMs: 5_000, do: 'broker-restart' },
        STORY.inputs[4]!,
      ],
    };
    const sim = simulateRun(run);
    const real = sim.packets.map((p) =>
      p.session.type === 'CONNACK' ? { ...p, session: { ...p.session, sessionPresent: true } } : p,
    );
    const c = compareRuns({ ...run, packets: real }, sim);
    const row = rowOf(c, 'sessionPresent on reconnect')!;
    expect(row.simulated).toMatch(/false/);
    expect(row.why).toMatch(/lost the session/);
  });

  it('with nothing delivered, bytes per message says so instead of dividing by zero', () => {
    const run: RealRun = {
      users: ['alice', 'bob'],
      elapsedMs: 1_000,
      delivered: 0,
      packets: [],
      inputs: [],
    };
    const c = compareRuns(run, { packets: [], delivered: 0 });
    expect(rowOf(c, 'Bytes per delivered message')).toMatchObject({
      real: '— (nothing delivered)',
      same: true,
    });
  });
});
