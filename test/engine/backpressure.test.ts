// Proves backpressure protects the gateway: over random spikes, gateway sizes and retry policies,
// with backpressure on the load never stays above 100 % for more than one measurement window and
// the gateway never crashes; with it off, a large enough spike crashes it and the report shows
// the load that did.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RetryPolicy } from '../../src/engine/model/retry-policy';
import type { ScenarioFile } from '../../src/engine/scenario/scenario';
import { runScenario } from './run-scenario';

const policy: fc.Arbitrary<RetryPolicy> = fc.oneof(
  fc.record({ kind: fc.constant('fixed' as const), delayMs: fc.integer({ min: 0, max: 5000 }) }),
  fc
    .tuple(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 5000 }))
    .map(([minMs, span]) => ({ kind: 'jitter' as const, minMs, maxMs: minMs + span })),
  fc
    .tuple(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 0, max: 30_000 }))
    .map(([baseMs, extra]) => ({ kind: 'exponential' as const, baseMs, capMs: baseMs + extra })),
);

const spikeScenario = (
  connections: number,
  withinSec: number,
  maxConnections: number,
  workPerSec: number,
  retry: RetryPolicy,
  backpressure: boolean,
  durationSec = 40,
): ScenarioFile => ({
  name: 'random spike',
  seed: connections + maxConnections,
  durationSec,
  encryption: false,
  gateway: { maxConnections, workPerSec, backpressure, thresholdPct: 80 },
  retry,
  phones: [{ count: 20, protocol: 'mqtt' }],
  actions: [{ at: 5, do: 'spike', connections, withinSec, protocol: 'mqtt', messagesEach: 1 }],
});

describe('backpressure', () => {
  it('with backpressure on, load never stays above 100 % for two windows and nothing crashes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 100, max: 3000 }),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 500, max: 5000 }),
        fc.integer({ min: 2000, max: 20_000 }),
        policy,
        (connections, withinSec, maxConnections, workPerSec, retry) => {
          const { report } = runScenario(
            spikeScenario(connections, withinSec, maxConnections, workPerSec, retry, true),
          );
          expect(report.gateway.crashes).toBe(0);
          expect(report.gateway.longestOverloadSec).toBeLessThanOrEqual(1);
          expect(report.messages.lost).toBe(0);
          expect(report.messages.duplicated).toBe(0);
        },
      ),
      { numRuns: 10, seed: 1414 },
    );
  });

  it('with backpressure off, a spike beyond capacity crashes it, and the peak load shows why', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1000, max: 3000 }),
        fc.integer({ min: 0, max: 1 }),
        policy,
        (connections, withinSec, retry) => {
          // 10 work units per handshake: `connections` in ≤ 2 s is at least 5,000 units a second.
          const { report } = runScenario(
            spikeScenario(connections, withinSec, 10_000, 4000, retry, false, 12),
          );
          expect(report.gateway.crashes).toBeGreaterThan(0);
          expect(report.gateway.peakLoad).toBeGreaterThan(1);
        },
      ),
      { numRuns: 5, seed: 1415 },
    );
  });

  it('a refusal costs the gateway far less than a handshake', () => {
    // The same spike against a gateway that can hold only a tenth of it: nearly every attempt
    // is refused, and refusing stays cheap enough that the load holds.
    const { report } = runScenario(
      spikeScenario(2000, 0, 200, 2000, { kind: 'immediate' }, true, 15),
    );
    expect(report.gateway.refusedConnections).toBeGreaterThan(20_000);
    expect(report.gateway.longestOverloadSec).toBeLessThanOrEqual(1);
    expect(report.gateway.crashes).toBe(0);
  });
});
