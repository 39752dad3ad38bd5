// Proves determinism: the same scenario and seed give the same trace hash (and report), with
// encryption on or off; another seed gives another hash.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile, runScenario, SCENARIO_DIR } from './run-scenario';

const quick = readdirSync(SCENARIO_DIR).filter(
  (f) => f.endsWith('.json') && !f.startsWith('new-years') && !f.startsWith('backpressure'),
);

describe('determinism', () => {
  for (const name of quick) {
    it(`${name}: same seed, same trace hash and report`, () => {
      const a = runScenario(name);
      const b = runScenario(name);
      expect(a.report.traceHash).toMatch(/^[0-9a-f]{16}$/);
      expect(b.report).toEqual(a.report);
      expect(a.report.events).toBeGreaterThan(50);
    });
  }

  it('another seed gives another hash', () => {
    const file = loadScenarioFile('flaky-network.json');
    const a = runScenario(file).report.traceHash;
    const b = runScenario({ ...file, seed: file.seed + 1 }).report.traceHash;
    expect(b).not.toBe(a);
  });

  it('encryption keeps runs deterministic, and changes the bytes', () => {
    const file = loadScenarioFile('offline-store-and-forward.json');
    const on1 = runScenario({ ...file, encryption: true }).report;
    const on2 = runScenario({ ...file, encryption: true }).report;
    const off = runScenario({ ...file, encryption: false }).report;
    expect(on2.traceHash).toBe(on1.traceHash);
    expect(off.traceHash).not.toBe(on1.traceHash);
    expect(on1.protocols.mqtt!.payloadBytes).toBeGreaterThan(off.protocols.mqtt!.payloadBytes);
  });
});
