// Proves per-chat order across the store-and-forward boundary: messages stored while Bob was
// offline reach him before live ones sent while the gateway drains the store for him.
import { describe, expect, it } from 'vitest';
import type { ProtocolName } from '../../src/engine/model/protocols';
import { validateScenario } from '../../src/engine/scenario/validate-scenario';
import { Simulation } from '../../src/engine/sim/simulation';
import { drainedViolations, recordAll, violations } from './invariants';

function burstAroundReconnect(protocol: ProtocolName, seed: number) {
  const actions: Record<string, unknown>[] = [
    { at: 1, do: 'send', from: 'alice', to: 'bob', text: 'stored 1' },
    { at: 1.5, do: 'send', from: 'alice', to: 'bob', text: 'stored 2' },
    { at: 5, do: 'online', user: 'bob' },
  ];
  // A burst every 2 ms across the moment Bob's connection opens and the store drains.
  for (let i = 0; i < 300; i++)
    actions.push({ at: 5 + i * 0.002, do: 'send', from: 'alice', to: 'bob', text: `live ${i}` });
  const v = validateScenario({
    name: 'burst around reconnect',
    seed,
    durationSec: 120,
    encryption: false,
    phones: [
      { count: 1, protocol, names: ['alice'] },
      { count: 1, protocol, online: false, names: ['bob'] },
    ],
    actions,
  });
  if (!v.ok) throw new Error(v.errors.join('; '));
  const rec = recordAll();
  const sim = new Simulation(v.scenario, { sinks: [rec.sink] });
  sim.run();
  return { sim, events: rec.events };
}

describe('per-chat order through the store', () => {
  for (const protocol of ['mqtt', 'websocket', 'long-poll', 'short-poll'] as const) {
    it(`holds for a burst during the store drain (${protocol})`, () => {
      const { sim, events } = burstAroundReconnect(protocol, 11);
      expect(violations(sim, events)).toEqual([]);
      expect(drainedViolations(sim)).toEqual([]);
      // The stored messages really were in the store, and live ones arrived during the drain.
      expect(sim.metrics.storedChats.size).toBeGreaterThanOrEqual(2);
      const bob = sim.fleet.phone(2)!;
      const texts = bob.chats!.timeline.get(1)!.map((id) => bob.chats!.received.get(id)!.text);
      expect(texts.slice(0, 2)).toEqual(['stored 1', 'stored 2']);
      expect(texts).toHaveLength(302);
    });
  }
});
