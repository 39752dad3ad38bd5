// Proves each example scenario shows what it is there to teach, from the simulation's own figures.
import { describe, expect, it } from 'vitest';
import { LTE_PROFILE } from '../../src/engine/radio/lte-profile';
import { runScenario } from './run-scenario';

describe('example scenarios', () => {
  it('online delivery: pushed at once, never stored, read receipts back', () => {
    const { report } = runScenario('online-delivery.json');
    expect(report.messages).toMatchObject({
      sent: 3,
      accepted: 3,
      delivered: 3,
      read: 3,
      stored: 0,
      lost: 0,
      duplicated: 0,
    });
    expect(report.latencyMs.p95).toBeLessThan(1000);
  });

  it('store and forward: ✓ at once, ✓✓ only after Bob connects; delivered, then deleted', () => {
    const { sim, report } = runScenario('offline-store-and-forward.json');
    expect(report.messages).toMatchObject({
      sent: 3,
      delivered: 3,
      stored: 3,
      deletedFromStore: 3,
      pendingInStore: 0,
      lost: 0,
    });
    expect(sim.store.store.size).toBe(0);
    const alice = sim.fleet.phone(1)!;
    for (const m of alice.chats!.sent.values()) {
      expect(m.status).toBe('read');
      expect(m.acceptedAtMs).toBeLessThan(15_000); // ✓ long before Bob came online at 15 s
    }
    expect(report.latencyMs.p50).toBeGreaterThan(10_000);
  });

  it('four protocols: polling pays headers, WebSocket and MQTT do not; energy follows wake-ups', () => {
    const { report } = runScenario('four-protocols.json');
    const p = report.protocols;
    const bpm = (k: keyof typeof p) => p[k]!.bytesPerDeliveredMessage!;
    expect(report.messages.delivered).toBe(report.messages.sent);
    expect(bpm('short-poll')).toBeGreaterThan(bpm('long-poll'));
    expect(bpm('long-poll')).toBeGreaterThan(bpm('websocket'));
    expect(bpm('websocket')).toBeGreaterThan(bpm('mqtt'));
    expect(bpm('short-poll') / bpm('mqtt')).toBeGreaterThan(20);
    expect(p['short-poll']!.headerBytes).toBeGreaterThan(10 * p['short-poll']!.payloadBytes);
    const e = report.energy;
    expect(e['short-poll']!.joulesPerPhoneHour).toBeGreaterThan(3 * e.mqtt!.joulesPerPhoneHour);
  });

  it("New Year's Eve: jitter spreads the herd; both stay up with backpressure", () => {
    const jitter = runScenario('new-years-eve-jitter.json').report;
    const fixed = runScenario('new-years-eve-no-jitter.json').report;
    for (const r of [jitter, fixed]) {
      expect(r.gateway.crashed).toBe(false);
      expect(r.gateway.refusedConnections).toBeGreaterThan(0);
      expect(r.messages.lost).toBe(0);
      expect(r.messages.delivered).toBe(r.messages.sent);
    }
    expect(fixed.gateway.refusedConnections).toBeGreaterThan(
      1.5 * jitter.gateway.refusedConnections,
    );
  });

  it('backpressure off: the gateway crashes, and still nothing is lost', () => {
    const { report } = runScenario('backpressure-off.json');
    expect(report.gateway.crashed).toBe(true);
    expect(report.gateway.refusedConnections).toBe(0);
    expect(report.messages.lost).toBe(0);
    expect(report.messages.duplicated).toBe(0);
  });

  it('flaky network: drops and resends, nothing lost or shown twice', () => {
    const { report } = runScenario('flaky-network.json');
    expect(report.messages.lost).toBe(0);
    expect(report.messages.duplicated).toBe(0);
    expect(report.messages.delivered).toBe(report.messages.sent);
    expect(report.latencyMs.p99).toBeGreaterThan(report.latencyMs.p50 ?? Infinity);
  });

  it('sleeping phone: a push to an idle radio waits for its page; one to an awake radio does not', () => {
    const { sim, report } = runScenario('sleeping-phone.json');
    expect(report.messages).toMatchObject({ sent: 3, delivered: 3, lost: 0, duplicated: 0 });
    // The first and third find Bob's radio asleep; the second, 3 s after the first, finds it awake.
    expect([...sim.metrics.pagingWaitMs.keys()].sort()).toEqual([1, 3]);
    const latency = (msg: number) =>
      sim.metrics.deliveredAt.get(msg)! - sim.metrics.createdAt.get(msg)!;
    expect(latency(2)).toBeLessThan(500);
    for (const msg of [1, 3])
      expect(latency(msg)).toBeGreaterThan(latency(2) + LTE_PROFILE.promotionMs);
  });
});
