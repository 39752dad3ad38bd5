// Proves the work budget: every example fits it, its estimate never falls far below the events a
// run really takes (examples and random scenarios), and what the issue found running for minutes
// or exhausting the heap is refused before it starts, naming the budget and the costliest field.
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/engine/kernel/limits';
import type { Scenario } from '../../src/engine/scenario/scenario';
import { parseScenario, validateScenario } from '../../src/engine/scenario/validate-scenario';
import { estimateWork, roughly } from '../../src/engine/scenario/work-budget';
import { expectedAttempts } from '../../src/engine/scenario/retry-attempts';
import { Simulation } from '../../src/engine/sim/simulation';
import { SCENARIO_DIR } from './run-scenario';
import { scenarioArb } from './scenario-arbitrary';

const examples = [
  ...readdirSync(SCENARIO_DIR).filter((f) => f.endsWith('.json')),
  ...readdirSync(resolve(SCENARIO_DIR, 'retry-policies')).map((f) => `retry-policies/${f}`),
];

const scenarioOf = (file: string): Scenario => {
  const r = parseScenario(readFileSync(resolve(SCENARIO_DIR, file), 'utf8'));
  if (!r.ok) throw new Error(`${file}: ${r.errors.join('; ')}`);
  return r.scenario;
};

const eventsOf = (sc: Scenario): number => {
  const sim = new Simulation(sc);
  sim.run();
  return sim.kernel.eventsProcessed;
};

const errorsOf = (x: unknown): string[] => {
  const r = validateScenario(x);
  return r.ok ? [] : r.errors;
};

describe('work budget', () => {
  it.each(examples)('%s is within the budget', (file) => {
    expect(estimateWork(scenarioOf(file)).total).toBeLessThanOrEqual(LIMITS.maxWorkEvents);
  });

  // The least overcounted examples (measured ratios 1.2–2.6; immediate retry, 12, is left out
  // for time): an estimate below half the real count would let a heavier run through.
  it.each([
    'online-delivery.json',
    'offline-store-and-forward.json',
    'four-protocols.json',
    'flaky-network.json',
    'new-years-eve-jitter.json',
    'backpressure-off.json',
    'retry-policies/exponential-no-jitter.json',
  ])('%s: the estimate is at least half the events the run takes', (file) => {
    const sc = scenarioOf(file);
    const estimate = estimateWork(sc).total;
    const actual = eventsOf(sc);
    expect(estimate).toBeGreaterThanOrEqual(0.5 * actual);
    expect(estimate).toBeLessThanOrEqual(20 * actual);
  });

  it('on random small scenarios the estimate is at least half the events taken', () => {
    fc.assert(
      fc.property(scenarioArb({ maxPhones: 8, maxSec: 60 }), (file) => {
        const r = validateScenario(file);
        if (!r.ok) return; // the generator may name a phone a spike has not made yet
        expect(estimateWork(r.scenario).total).toBeGreaterThanOrEqual(0.5 * eventsOf(r.scenario));
      }),
      { numRuns: 25, seed: 13 },
    );
  });

  const base = { name: 't', seed: 1, durationSec: 3600, phones: [{ count: 10, protocol: 'mqtt' }] };

  it('refuses a spike of a million phones, naming the action and the budget', () => {
    const errors = errorsOf({
      ...base,
      actions: [
        { at: 1, do: 'crash' },
        { at: 60, do: 'spike', connections: 1_000_000, withinSec: 1 },
      ],
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      /^actions\[1\] \(a spike of 1,000,000 phones\) asks for ~[\d.]+×10[¹⁰⁹]+ events; a run may ask for at most 2×10⁸ \(LIMITS\.maxWorkEvents\)$/,
    );
  });

  it('refuses 20 spikes of a million phones, 2 million phones for a day, 6 million messages a minute', () => {
    const spikes = Array.from({ length: 20 }, (_, i) => ({
      at: 60 + i,
      do: 'spike',
      connections: 1_000_000,
      withinSec: 1,
    }));
    expect(errorsOf({ ...base, actions: spikes }).join()).toMatch(
      /^actions\[1\] \(a spike of 1,000,000 phones\) brings the run to 2,000,010 phones; .*LIMITS\.maxPhones/,
    );
    expect(
      errorsOf({
        ...base,
        durationSec: 86_400,
        gateway: { maxConnections: 10_000_000 },
        phones: [{ count: 2_000_000, protocol: 'mqtt' }],
      }).join(),
    ).toMatch(/^phones\[0\] \(2,000,000 mqtt phones\) asks for .*LIMITS\.maxWorkEvents/);
    expect(errorsOf({ ...base, traffic: { messagesPerMinute: 6_000_000 } }).join()).toMatch(
      /^traffic \(6,000,000 messages a minute\) asks for .*LIMITS\.maxWorkEvents/,
    );
  });

  it('names the costliest field when no one field, but the sum, is over the budget', () => {
    const spawn = { at: 1, do: 'spawn', count: 100_000, protocol: 'mqtt' };
    const errors = errorsOf({
      ...base,
      gateway: { maxConnections: 10_000_000, workPerSec: 1e9 },
      actions: Array.from({ length: 8 }, () => spawn),
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      /^the scenario asks for ~[\d.]+×10⁸ events, most for actions\[0\] \(a spawn of 100,000 phones\): ~[\d.]+×10⁷; a run may ask for at most 2×10⁸ \(LIMITS\.maxWorkEvents\)$/,
    );
  });

  it('counts retries: an immediate retry costs more than a jittered one, and maxAttempts caps it', () => {
    expect(expectedAttempts({ kind: 'immediate' }, 7_000)).toBe(100);
    expect(expectedAttempts({ kind: 'immediate', maxAttempts: 5 }, 7_000)).toBe(5);
    expect(expectedAttempts({ kind: 'jitter', minMs: 1000, maxMs: 5000 }, 30_700)).toBe(10);
    expect(expectedAttempts({ kind: 'exponential', baseMs: 0, capMs: 0 }, 700)).toBe(10);
    const exp = expectedAttempts({ kind: 'exponential', baseMs: 100, capMs: 60_000 }, 3_600_000);
    expect(exp).toBeGreaterThan(100);
    expect(exp).toBeLessThan(200);
  });

  it('writes large numbers as powers of ten', () => {
    expect(roughly(2e8)).toBe('2×10⁸');
    expect(roughly(4.14e9)).toBe('4.1×10⁹');
    expect(roughly(1.2e10)).toBe('1.2×10¹⁰');
    expect(roughly(1234)).toBe('1,234');
  });
});
