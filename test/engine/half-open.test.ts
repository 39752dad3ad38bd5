// Proves the two ways to go offline. Closing the app is clean: the gateway lets the connection go
// at once, even during its set-up. Losing signal is silent: the gateway keeps a half-open
// connection until its keep-alive runs out, and what it pushed meanwhile goes back to the store;
// at any moment, for any phone and protocol, with traffic, nothing is lost or shown twice and
// each chat's order is kept once the phone returns.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTOR, phoneActor } from '../../src/engine/model/actors';
import type { ProtocolName } from '../../src/engine/model/protocols';
import type { TraceEvent } from '../../src/engine/kernel/trace';
import type { ScenarioFile } from '../../src/engine/scenario/scenario';
import { validateScenario } from '../../src/engine/scenario/validate-scenario';
import { Simulation } from '../../src/engine/sim/simulation';
import { allViolations, recordAll, runAndDrain } from './invariants';

const PROTOCOLS = ['mqtt', 'websocket', 'long-poll', 'short-poll'] as const;

/** Alice and Bob; Bob goes offline at `offAt` s the way given, and is back at `backAt` (if any). */
function aliceAndBob(
  protocol: ProtocolName,
  how: 'close' | 'lose-signal',
  offAt: number,
  backAt?: number,
): ScenarioFile {
  const actions: Record<string, unknown>[] = [
    { at: offAt, do: 'offline', user: 'bob', how },
    { at: offAt + 2, do: 'send', from: 'alice', to: 'bob', text: 'while Bob is away' },
  ];
  if (backAt !== undefined) actions.push({ at: backAt, do: 'online', user: 'bob' });
  return {
    name: 'half-open',
    seed: 7,
    durationSec: 300,
    phones: [{ count: 2, protocol, names: ['alice', 'bob'] }],
    actions,
  } as ScenarioFile;
}

function run(file: ScenarioFile): { sim: Simulation; events: TraceEvent[] } {
  const v = validateScenario(file);
  if (!v.ok) throw new Error(v.errors.join('; '));
  const rec = recordAll();
  const sim = new Simulation(v.scenario, { sinks: [rec.sink] });
  sim.run();
  return { sim, events: rec.events };
}

/** When the gateway let Bob's connection go (its own 'disconnect' towards him), after `fromMs`. */
const gatewayLetGoAt = (events: readonly TraceEvent[], fromMs: number): number | undefined =>
  events.find(
    (e) =>
      e.kind === 'disconnect' &&
      e.from === ACTOR.gateway &&
      e.to === phoneActor(2) &&
      e.atMs >= fromMs,
  )?.atMs;

describe('going offline: close the app or lose signal', () => {
  for (const protocol of PROTOCOLS) {
    it(`closing the app during set-up lets the gateway know at once (${protocol})`, () => {
      // 0.1 s: Bob's first connection is still being set up (0–0.4 s).
      const { sim, events } = run(aliceAndBob(protocol, 'close', 0.1));
      expect(events.some((e) => e.kind === 'disconnect' && e.note?.startsWith('TCP FIN'))).toBe(
        true,
      );
      expect(sim.gateway.conns.get(2)).toBeUndefined();
      // The chat sent while he is away is stored, not pushed into a connection to nobody.
      const letGo = gatewayLetGoAt(events, 0) ?? Infinity;
      expect(letGo).toBeLessThan(1_000);
      expect(sim.metrics.storedChats.size).toBe(1);
    });

    it(`losing signal leaves a half-open connection until the keep-alive runs out (${protocol})`, () => {
      const { events } = run(aliceAndBob(protocol, 'lose-signal', 5));
      const letGo = gatewayLetGoAt(events, 5_000);
      expect(letGo).toBeDefined();
      // The gateway learns late: a keep-alive, ping or held poll had to run out first.
      expect(letGo! - 5_000).toBeGreaterThan(10_000);
      // Nothing of it reached Bob's phone after he lost signal.
      expect(
        events.some((e) => e.to === phoneActor(2) && e.kind === 'delivered' && e.atMs > 5_000),
      ).toBe(false);
    });

    it(`a chat pushed into the half-open connection is delivered once when he returns (${protocol})`, () => {
      const { sim, events } = run(aliceAndBob(protocol, 'lose-signal', 5, 200));
      const bob = sim.fleet.phone(2)!;
      expect([...bob.chats!.received.values()].map((m) => m.text)).toEqual(['while Bob is away']);
      const shown = events.filter((e) => e.kind === 'delivered' && e.to === phoneActor(2));
      expect(shown).toHaveLength(1);
      expect(shown[0]!.atMs).toBeGreaterThan(200_000);
    });
  }

  it('closing the app while online still says goodbye, with no FIN (traces as before)', () => {
    const { events } = run(aliceAndBob('mqtt', 'close', 5));
    expect(events.some((e) => e.note?.startsWith('TCP FIN'))).toBe(false);
    expect(gatewayLetGoAt(events, 5_000)! - 5_000).toBeLessThan(1_000);
  });

  it('losing signal at any moment loses nothing and shows nothing twice', () => {
    fc.assert(
      fc.property(
        fc.record({
          seed: fc.integer({ min: 0, max: 0xffffffff }),
          protocol: fc.constantFrom(...PROTOCOLS),
          qos: fc.constantFrom(0, 1),
          phones: fc.integer({ min: 2, max: 5 }),
          victim: fc.nat(),
          offMs: fc.integer({ min: 0, max: 20_000 }),
          awayMs: fc.integer({ min: 1, max: 150_000 }),
          encryption: fc.boolean(),
        }),
        (r) => {
          const victim = (r.victim % r.phones) + 1;
          const other = (victim % r.phones) + 1;
          const off = r.offMs / 1000;
          const back = off + r.awayMs / 1000;
          const sends = [-0.3, 0, 0.05, 0.2, 1, 3].map((d, i) => ({
            at: Math.max(0, Math.round((off + d) * 1000) / 1000),
            do: 'send',
            from: other,
            to: victim,
            text: `to the victim ${i}`,
          }));
          const file = {
            name: 'lose signal',
            seed: r.seed,
            durationSec: Math.ceil(back) + 5,
            encryption: r.encryption,
            protocolSettings: { mqttQos: r.qos as 0 | 1 },
            phones: [{ count: r.phones, protocol: r.protocol }],
            traffic: { messagesPerMinute: 240, bodyBytes: 40 },
            actions: [
              ...sends,
              { at: off, do: 'offline', user: victim, how: 'lose-signal' },
              { at: back, do: 'online', user: victim },
            ].sort((a, b) => a.at - b.at),
          } as ScenarioFile;
          const found = runAndDrain(file);
          expect(allViolations(found), JSON.stringify(file)).toEqual([]);
        },
      ),
      { numRuns: 40, seed: 20261204 },
    );
  }, 600_000);
});
