// Proves the retry policies rank as Brooker's "Exponential Backoff and Jitter" (AWS Architecture
// Blog, 2015; FACTS.md §6.1) found, on one spike: exponential backoff without jitter makes clearly
// more calls and finishes much later than full jitter; decorrelated jitter is close to full
// jitter; and with backpressure on, every policy connects everyone and never crashes.
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/engine/sim/report';
import { runScenario, SCENARIO_DIR } from './run-scenario';

const DIR = 'retry-policies';
const files = readdirSync(resolve(SCENARIO_DIR, DIR)).filter((f) => f.endsWith('.json'));
const reports = new Map<string, Report>();
const report = (policy: string): Report => {
  let r = reports.get(policy);
  if (r === undefined) {
    r = runScenario(`${DIR}/${policy}.json`).report;
    reports.set(policy, r);
  }
  return r;
};

/** Connection attempts the gateway answered: refusals plus connections opened. */
const calls = (r: Report): number =>
  r.gateway.refusedConnections + r.spike.connectsPerSec.reduce((a, b) => a + b, 0);

describe('retry policies on the same spike', () => {
  it('has one scenario per policy', () => expect(files.length).toBe(7));

  it.each(files)('%s: with backpressure on, everyone connects and nothing crashes', (f) => {
    const r = report(f.replace(/\.json$/, ''));
    expect(r.gateway.crashes).toBe(0);
    expect(r.gateway.longestOverloadSec).toBeLessThanOrEqual(1);
    expect(r.spike.stillWaiting).toBe(0);
    expect(r.spike.timeToAllConnectedSec).not.toBeNull();
    expect(r.messages.lost).toBe(0);
    expect(r.messages.duplicated).toBe(0);
  });

  it('exponential backoff without jitter makes more calls and finishes far later than full jitter', () => {
    const none = report('exponential-no-jitter');
    const full = report('full-jitter');
    expect(calls(none)).toBeGreaterThan(1.15 * calls(full));
    expect(none.spike.timeToAllConnectedSec!).toBeGreaterThan(
      3 * full.spike.timeToAllConnectedSec!,
    );
  });

  it('decorrelated jitter is close to full jitter in calls and time', () => {
    const dec = report('decorrelated-jitter');
    const full = report('full-jitter');
    expect(Math.abs(calls(dec) / calls(full) - 1)).toBeLessThan(0.1);
    expect(dec.spike.timeToAllConnectedSec!).toBeLessThan(1.5 * full.spike.timeToAllConnectedSec!);
  });

  it('lock-step waves: without jitter the refusals come in bursts, with full jitter they spread', () => {
    // Seconds after the spike's first 10 with any refusal: waves leave most seconds empty.
    const busySeconds = (r: Report): number =>
      r.spike.refusalsPerSec.slice(70).filter((n) => n > 0).length;
    const none = report('exponential-no-jitter');
    const full = report('full-jitter');
    const spanNone = none.spike.refusalsPerSec.length - 70;
    expect(busySeconds(none) / spanNone).toBeLessThan(0.25);
    expect(busySeconds(full) / (full.spike.refusalsPerSec.length - 70)).toBeGreaterThan(0.5);
  });
});
