// Proves paging: a push to a phone whose radio is idle reaches it no earlier than the phone's next
// paging occasion plus the promotion, and no later than one DRX cycle plus the promotion after it
// reached the phone's cell, plus the link's latency; nothing is lost and nothing shown twice.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TraceEvent, TraceSink } from '../../src/engine/kernel/trace';
import { ACTOR, phoneActor } from '../../src/engine/model/actors';
import { CORE_NETWORK_MS } from '../../src/engine/model/latency';
import type { Phone } from '../../src/engine/phone/phone';
import { LTE_DRX_CYCLE_MS, LTE_PROFILE } from '../../src/engine/radio/lte-profile';
import { pagingOffsetMs } from '../../src/engine/radio/paging-offset';
import type { ScenarioFile } from '../../src/engine/scenario/scenario';
import { validateScenario } from '../../src/engine/scenario/validate-scenario';
import { buildReport } from '../../src/engine/sim/report';
import { Simulation } from '../../src/engine/sim/simulation';

const BOB = 2;
const PROMOTION_MS = LTE_PROFILE.promotionMs;

/** A push to Bob as the gateway sent it, and whether his radio was idle when it reached his cell. */
interface Push {
  readonly msg: number;
  readonly sentMs: number;
  readonly idleAtCell: boolean;
}

/** Notes each push to Bob with his radio's state at the moment it reaches his cell tower. */
function pushWatcher(bob: () => Phone | undefined): TraceSink & { pushes: Push[] } {
  const pushes: Push[] = [];
  return {
    pushes,
    emit(ev: TraceEvent) {
      if (ev.kind !== 'pushed' || ev.from !== ACTOR.gateway || ev.to !== phoneActor(BOB)) return;
      const phone = bob();
      const atCell = ev.atMs + CORE_NETWORK_MS;
      if (phone)
        pushes.push({
          msg: ev.msg,
          sentMs: ev.atMs,
          idleAtCell: phone.radio.state(atCell) === 'idle',
        });
    },
  };
}

interface Checked {
  readonly idlePushes: number;
  /** Per idle push: delivery minus arrival at the cell minus the link's latency. */
  readonly extraMs: number[];
}

/** Alice writes to Bob at the given seconds; Bob's link loses nothing, so its latency is exact. */
function run(
  protocol: 'mqtt' | 'websocket' | 'long-poll',
  seed: number,
  sendsMs: number[],
): Checked {
  const file = {
    name: 'paging',
    seed,
    durationSec: 200,
    phones: [{ count: 2, protocol, names: ['alice', 'bob'] }],
    actions: sendsMs.map((ms, i) => ({
      at: ms / 1000,
      do: 'send',
      from: 'alice',
      to: 'bob',
      text: `to a sleeping phone ${i}`,
    })),
  } as ScenarioFile;
  const v = validateScenario(file);
  if (!v.ok) throw new Error(v.errors.join('; '));
  const events: TraceEvent[] = [];
  // The watcher reads Bob's phone only while the run is going, after `sim` is set.
  const watcher = pushWatcher(() => sim.fleet.phone(BOB));
  const sim: Simulation = new Simulation(v.scenario, {
    sinks: [watcher, { emit: (e) => events.push(e) }],
  });
  sim.runUntil(1);
  // A lost packet would add a retransmission to the link's latency; these links lose nothing.
  for (const p of sim.fleet.phones) p.linkProfile = { ...p.linkProfile, lossRate: 0 };
  sim.run();
  const report = buildReport(sim);
  expect(report.messages.lost).toBe(0);
  expect(report.messages.duplicated).toBe(0);
  expect(report.messages.delivered).toBe(sendsMs.length);

  const bob = sim.fleet.phone(BOB)!;
  const offset = pagingOffsetMs(BOB, LTE_DRX_CYCLE_MS);
  const linkMs = bob.linkLatencyMs;
  const extraMs: number[] = [];
  for (const push of watcher.pushes.filter((p) => p.idleAtCell)) {
    const atCell = push.sentMs + CORE_NETWORK_MS;
    const delivered = events.find((e) => e.kind === 'delivered' && e.msg === push.msg);
    if (!delivered || delivered.atMs < atCell) continue; // an earlier copy had already arrived
    const paging = events.find(
      (e) => e.kind === 'paging' && e.msg === push.msg && e.atMs === atCell,
    );
    // No paging event only when the push reached the cell exactly at an occasion.
    const occasion = paging?.arriveAtMs ?? atCell;
    expect((((occasion - offset) % LTE_DRX_CYCLE_MS) + LTE_DRX_CYCLE_MS) % LTE_DRX_CYCLE_MS).toBe(
      0,
    );
    expect(occasion).toBeGreaterThanOrEqual(atCell);
    expect(occasion).toBeLessThan(atCell + LTE_DRX_CYCLE_MS);
    expect(delivered.atMs).toBeGreaterThanOrEqual(occasion + PROMOTION_MS + linkMs);
    expect(delivered.atMs).toBeLessThanOrEqual(
      push.sentMs + CORE_NETWORK_MS + LTE_DRX_CYCLE_MS + PROMOTION_MS + linkMs,
    );
    extraMs.push(delivered.atMs - atCell - linkMs);
  }
  return { idlePushes: extraMs.length, extraMs };
}

describe('paging: a push to an idle phone', () => {
  it('waits for the next paging occasion, then the promotion, and arrives once', () => {
    const extra: number[] = [];
    fc.assert(
      fc.property(
        fc.constantFrom('mqtt' as const, 'websocket' as const, 'long-poll' as const),
        fc.integer({ min: 0, max: 0xffffffff }),
        fc.array(fc.integer({ min: 14_000, max: 150_000 }), { minLength: 1, maxLength: 4 }),
        (protocol, seed, sends) => {
          extra.push(...run(protocol, seed, sends).extraMs);
        },
      ),
      { numRuns: 40, seed: 20261204 },
    );
    // Most of these pushes find Bob's radio asleep (nothing else wakes it for 12 s or more) …
    expect(extra.length).toBeGreaterThan(40);
    // … and they wait on average about half a cycle for the page, plus the promotion.
    const mean = extra.reduce((a, b) => a + b, 0) / extra.length;
    expect(mean).toBeGreaterThan(PROMOTION_MS + 0.3 * LTE_DRX_CYCLE_MS);
    expect(mean).toBeLessThan(PROMOTION_MS + 0.7 * LTE_DRX_CYCLE_MS);
  }, 300_000);

  it('a push to a phone whose radio is connected does not wait for a page', () => {
    // Bob sends first, so his radio is connected (in its tail) when Alice's reply arrives.
    const file = {
      name: 'awake',
      seed: 3,
      durationSec: 60,
      phones: [{ count: 2, protocol: 'mqtt', names: ['alice', 'bob'] }],
      actions: [
        { at: 20, do: 'send', from: 'bob', to: 'alice', text: 'you there?' },
        { at: 21, do: 'send', from: 'alice', to: 'bob', text: 'yes' },
      ],
    } as ScenarioFile;
    const v = validateScenario(file);
    if (!v.ok) throw new Error(v.errors.join('; '));
    const events: TraceEvent[] = [];
    const sim = new Simulation(v.scenario, { sinks: [{ emit: (e) => events.push(e) }] });
    sim.run();
    const reply = events.find((e) => e.kind === 'sent' && e.from === phoneActor(1))!.msg;
    expect(events.some((e) => e.kind === 'paging' && e.msg === reply)).toBe(false);
    // Bob's own message found Alice's radio asleep: it is the one chat that waited for a page.
    const first = events.find((e) => e.kind === 'sent' && e.from === phoneActor(BOB))!.msg;
    expect(events.some((e) => e.kind === 'paging' && e.msg === first)).toBe(true);
    expect(buildReport(sim).latencyMs.pagingWait.chats).toBe(1);
  });
});
