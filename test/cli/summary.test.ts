// Proves the readable summary: thousands separators, singular units, "—" for latency with nothing
// delivered, and table columns that stay apart however wide the figures grow.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScenarioCommand } from '../../src/cli/run';
import { formatSummary } from '../../src/cli/summary';
import type { Report } from '../../src/engine/sim/report';

async function report(
  file = resolve(__dirname, '../../scenarios/online-delivery.json'),
): Promise<Report> {
  const out: string[] = [];
  await runScenarioCommand([file, '--json'], { stdout: (l) => out.push(l), stderr: () => {} });
  return JSON.parse(out[0]!) as Report;
}

describe('formatSummary', () => {
  it('separates thousands in peak load and says "1 connection"', async () => {
    const r = await report();
    const text = formatSummary({
      ...r,
      gateway: { ...r.gateway, peakLoad: 50.02, peakConnections: 1 },
    }).join('\n');
    expect(text).toContain('peak load 5,002 %');
    expect(text).toContain('peak 1 connection ·');
  });

  it('gives null latency and prints "—" when nothing was delivered (Bob never comes online)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dt-'));
    const file = join(dir, 'never-online.json');
    writeFileSync(
      file,
      JSON.stringify({
        name: 'Never online',
        seed: 1,
        durationSec: 10,
        phones: [
          { count: 1, protocol: 'mqtt', names: ['alice'] },
          { count: 1, protocol: 'mqtt', names: ['bob'], online: false },
        ],
        actions: [{ at: 2, do: 'send', from: 'alice', to: 'bob', text: 'hi' }],
      }),
    );
    const r = await report(file);
    expect(r.messages.sent).toBe(1);
    expect(r.messages.delivered).toBe(0);
    expect(r.latencyMs).toEqual({
      p50: null,
      p95: null,
      p99: null,
      pagingWait: { chats: 0, mean: null, p95: null },
    });
    expect(formatSummary(r).join('\n')).toContain('latency    p50 — · p95 — · p99 —');
    // Once something is delivered the figures are numbers again.
    expect((await report()).latencyMs.p50).toEqual(expect.any(Number));
  });

  it('keeps columns apart at 100,002 phones', async () => {
    const r = await report();
    const [proto, p] = Object.entries(r.protocols)[0]!;
    const big = { ...p, clients: 100_002, bytesUp: 12_345_678_901, bytesDown: 98_765_432_101 };
    const lines = formatSummary({ ...r, protocols: { ...r.protocols, [proto]: big } });
    const row = lines.find((l) => l.startsWith(proto))!;
    expect(row).toMatch(/ {2}100,002 {2}/);
    expect(row).toMatch(/ {2}12,345,678,901 {2}98,765,432,101 {2}/);
  });

  it('prints the spike line from the report when a rush of connections was refused, and none without', async () => {
    const r = await report(resolve(__dirname, '../../scenarios/new-years-eve-no-jitter.json'));
    const peak = Math.max(...r.spike.refusalsPerSec);
    const at = r.spike.refusalsPerSec.indexOf(peak);
    const line = formatSummary(r).find((l) => l.startsWith('spike'))!;
    expect(line).toContain(
      `busiest second ${at}–${at + 1} s with ${peak.toLocaleString('en-US')} refused`,
    );
    expect(line).toContain(
      `all connected ${r.spike.timeToAllConnectedSec!.toLocaleString('en-US')} s`,
    );
    expect(line).toContain(`gave up ${r.spike.gaveUp}`);
    const waiting = formatSummary({
      ...r,
      spike: { ...r.spike, timeToAllConnectedSec: null, stillWaiting: 12 },
    }).find((l) => l.startsWith('spike'))!;
    expect(waiting).toContain('12 phones still waiting');
    expect(formatSummary(await report()).some((l) => l.startsWith('spike'))).toBe(false);
  });
});
