// Proves the comparison runs the same seeded traffic per protocol, reads every figure from the run,
// and yields between slices so the host's thread stays responsive.
import { describe, expect, it } from 'vitest';
import { compareProtocols, comparisonScenario, resolveComparison } from './compare-protocols';

describe('compareProtocols', () => {
  it('gives each protocol the same traffic and its own bytes', async () => {
    let yields = 0;
    const clock = { nowMs: () => performance.now(), yieldNow: async () => void yields++ };
    const options = resolveComparison(
      { protocols: ['short-poll', 'mqtt'], phones: 6, messagesPerMinute: 30, encryption: false },
      { seed: 7, encryption: true },
    );
    const seen: string[] = [];
    const rows = await compareProtocols(60, options, clock, (r) => seen.push(r.protocol));
    expect(seen).toEqual(['short-poll', 'mqtt']);
    const [poll, mqtt] = rows;
    expect(poll!.sent).toBe(mqtt!.sent);
    expect(poll!.sent).toBeGreaterThan(0);
    expect(poll!.seed).toBe(7);
    expect(poll!.bytesPerDeliveredMessage!).toBeGreaterThan(mqtt!.bytesPerDeliveredMessage! * 5);
    expect(poll!.requests).toBeGreaterThan(mqtt!.requests);
    expect(yields).toBeGreaterThanOrEqual(2);
  });

  it('clamps requests to its limits', () => {
    const o = resolveComparison(
      { phones: 1_000_000, messagesPerMinute: -5 },
      { seed: 1, encryption: true },
    );
    expect(o.phones).toBe(1000);
    expect(o.messagesPerMinute).toBe(0);
    expect(o.protocols).toEqual(['short-poll', 'long-poll', 'websocket', 'mqtt']);
    expect(comparisonScenario('mqtt', 1e9, o).durationSec).toBe(3600);
  });
});
