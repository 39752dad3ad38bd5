// Proves `sim run`: the JSON report has every documented field, bad scenarios exit 2 naming the
// field, and --server-view prints one hex body per line that holds no plaintext.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScenarioCommand } from '../../src/cli/run';

const scenario = (name: string) => resolve(__dirname, '../../scenarios', name);

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runScenarioCommand(args, {
    stdout: (l) => out.push(l),
    stderr: (l) => err.push(l),
  });
  return { code, out, err };
}

describe('sim run', () => {
  it('--json prints one report with the documented fields', async () => {
    const { code, out } = await run([scenario('offline-store-and-forward.json'), '--json']);
    expect(code).toBe(0);
    expect(out).toHaveLength(1);
    const r = JSON.parse(out[0]!);
    expect(Object.keys(r.messages)).toEqual(
      expect.arrayContaining([
        'sent',
        'accepted',
        'delivered',
        'read',
        'stored',
        'deletedFromStore',
        'pendingInStore',
        'inFlight',
        'lost',
        'duplicated',
      ]),
    );
    expect(Object.keys(r.protocols.mqtt)).toEqual(
      expect.arrayContaining([
        'clients',
        'bytesUp',
        'bytesDown',
        'bytesPerDeliveredMessage',
        'requests',
      ]),
    );
    expect(Object.keys(r.energy.mqtt)).toEqual([
      'joulesPerPhoneHour',
      'highPowerSecondsPerPhoneHour',
    ]);
    expect(Object.keys(r.latencyMs)).toEqual(['p50', 'p95', 'p99', 'pagingWait']);
    expect(Object.keys(r.latencyMs.pagingWait)).toEqual(['chats', 'mean', 'p95']);
    expect(Object.keys(r.gateway)).toEqual(
      expect.arrayContaining([
        'peakConnections',
        'refusedConnections',
        'peakLoad',
        'crashed',
        'bytesPerConnection',
      ]),
    );
    expect(r.traceHash).toMatch(/^[0-9a-f]{16}$/);
    expect(r.messages).toMatchObject({ sent: 3, delivered: 3, stored: 3, deletedFromStore: 3 });
  });

  it('without --json prints a readable summary', async () => {
    const { code, out } = await run([scenario('online-delivery.json')]);
    expect(code).toBe(0);
    expect(out.join('\n')).toMatch(/✓✓ delivered 3/);
    expect(out.join('\n')).toMatch(/mqtt\s+2/);
  });

  it('a malformed scenario exits 2 with errors naming the fields', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dt-'));
    const file = join(dir, 'bad.json');
    writeFileSync(
      file,
      JSON.stringify({
        name: 'bad',
        seed: 1,
        durationSec: 5,
        phones: [{ count: 2, protocol: 'carrier-pigeon' }],
      }),
    );
    const { code, out, err } = await run([file, '--json']);
    expect(code).toBe(2);
    expect(out).toEqual([]);
    expect(err.join('\n')).toContain('phones[0].protocol must be one of');
  });

  it('a scenario over the work budget exits 2 before running, naming the budget and the field', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dt-'));
    const file = join(dir, 'midnight.json');
    writeFileSync(
      file,
      JSON.stringify({
        name: 'every phone at once',
        seed: 1,
        durationSec: 3600,
        phones: [{ count: 10, protocol: 'mqtt' }],
        actions: [{ at: 60, do: 'spike', connections: 1_000_000, withinSec: 1 }],
      }),
    );
    const { code, out, err } = await run([file, '--json']);
    expect(code).toBe(2);
    expect(out).toEqual([]);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(
      /midnight\.json: actions\[0\] \(a spike of 1,000,000 phones\) asks for ~.* events; a run may ask for at most 2×10⁸ \(LIMITS\.maxWorkEvents\)$/,
    );
  });

  it('a file that is not JSON gets its error on one line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dt-'));
    const file = join(dir, 'notes.json');
    writeFileSync(file, 'not json {\n  at all\n');
    const { code, err } = await run([file]);
    expect(code).toBe(2);
    expect(err).toHaveLength(1);
    expect(err[0]).toContain('is not valid JSON');
    expect(err[0]).not.toContain('\n');
  });

  it('a missing file or an unknown option exits 2', async () => {
    expect((await run(['/nonexistent.json'])).code).toBe(2);
    expect((await run([scenario('online-delivery.json'), '--colour'])).err[0]).toMatch(
      /unknown option --colour/,
    );
  });

  it('--server-view prints hex ciphertext bodies, none containing the plaintext', async () => {
    const { code, out } = await run([scenario('online-delivery.json'), '--server-view']);
    expect(code).toBe(0);
    expect(out).toHaveLength(3);
    for (const line of out) expect(line).toMatch(/^[0-9a-f]+$/);
    expect(out.join('')).not.toContain(Buffer.from('Hi Bob').toString('hex'));
  });
});
