// Proves the bench's load probe: CPU the machine spent beyond this process, per wall second, and
// that a real spinner in another process shows up in it.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
  machineLoadRow,
  otherProcessCores,
  sampleCpu,
  stealMs,
  type CpuSample,
} from '../../src/cli/machine-load';

const at = (wallMs: number, machineBusyMs: number, processMs: number): CpuSample => ({
  wallMs,
  machineBusyMs,
  processMs,
  cores: 2,
});

describe('otherProcessCores', () => {
  it('is the machine time not spent by this process, per wall millisecond', () => {
    expect(otherProcessCores(at(0, 1_000, 200), at(2_000, 4_000, 1_200))).toBeCloseTo(1, 6);
    expect(otherProcessCores(at(0, 0, 0), at(1_000, 500, 500))).toBe(0);
  });

  it('never reads below zero (counters of different granularity) and is 0 over no time', () => {
    expect(otherProcessCores(at(0, 0, 0), at(1_000, 990, 1_000))).toBe(0);
    expect(otherProcessCores(at(5, 0, 0), at(5, 100, 0))).toBe(0);
  });
});

describe('sampleCpu', () => {
  it('sees a process spinning on another core', async () => {
    const spinner = spawn(process.execPath, ['-e', 'for(;;){}'], { stdio: 'ignore' });
    try {
      await new Promise((r) => setTimeout(r, 300));
      const before = sampleCpu();
      await new Promise((r) => setTimeout(r, 1_000));
      const after = sampleCpu();
      // One core spinning for the whole second; this process mostly sleeps. Other tests may run
      // beside this one, so only the floor is certain.
      expect(otherProcessCores(before, after)).toBeGreaterThan(0.5);
      expect(after.cores).toBeGreaterThanOrEqual(1);
    } finally {
      spinner.kill();
    }
  });
});

describe('stealMs', () => {
  it("reads the steal counter of /proc/stat's cpu line, in 10 ms ticks", () => {
    const stat =
      'cpu  2678172 26039 347751 1785140 2061 0 1345 5967 0 0\ncpu0 1 2 3 4 5 6 7 8 9 10\n';
    expect(stealMs(stat)).toBe(59_670);
  });

  it('is 0 where the system has no such counter', () => {
    expect(stealMs('')).toBe(0);
    expect(stealMs('cpu  1 2 3')).toBe(0);
  });
});

describe('machineLoadRow', () => {
  it('is met up to a tenth of the machine and names what would not compare beyond it', () => {
    const quiet = machineLoadRow('during the run', 0.2, 2, 'the wall time does not compare');
    expect(quiet).toMatchObject({
      name: 'CPU other processes (or the hypervisor) took during the run',
      value: 0.2,
      baseline: 2,
      ratio: 0.1,
      met: true,
    });
    expect(quiet.goal).toBe('≤ 0.1 of the machine, or the wall time does not compare');
    expect(machineLoadRow('during the run', 0.21, 2, 'x').met).toBe(false);
  });
});
