/**
 * How much CPU other processes took while a bench figure was measured. The workers group divides
 * a throughput by raw port round trips; both move when something else holds a core (the pipeline
 * loses CPU, and a round trip gets faster because the vCPUs stay awake), so the bench prints this
 * beside them rather than leaving a reader to guess why a ratio swung.
 */
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import type { BenchRow } from './bench-row';

/** Above this share of the machine taken by others, a figure measured meanwhile does not compare. */
export const QUIET_SHARE = 0.1;

/** Cumulative CPU time at one moment: the machine's, and this process's (every thread of it). */
export interface CpuSample {
  /**
   * Milliseconds all cores spent in user, system and interrupt time at normal priority, plus the
   * time the hypervisor ran something else on them (steal), where the system reports it.
   */
  readonly machineBusyMs: number;
  /** Milliseconds this process has used (`process.cpuUsage`, user + system). */
  readonly processMs: number;
  readonly wallMs: number;
  readonly cores: number;
}

/**
 * Reads the counters now. Time in niced processes is left out on purpose: a `nice 19` spinner
 * keeps the cores awake but yields them at once, so it changes the wake-up latency, not the CPU
 * the bench gets.
 */
export function sampleCpu(): CpuSample {
  const all = cpus();
  let busy = 0;
  for (const c of all) busy += c.times.user + c.times.sys + c.times.irq;
  busy += stealMs();
  const own = process.cpuUsage();
  return {
    machineBusyMs: busy,
    processMs: (own.user + own.system) / 1000,
    wallMs: performance.now(),
    cores: all.length,
  };
}

/**
 * Steal time from Linux's /proc/stat (the 8th counter of the `cpu` line, in 10 ms ticks), or 0
 * where there is none: on a shared virtual machine it is CPU another guest took from this one.
 */
export function stealMs(stat = readProcStat()): number {
  const fields = /^cpu +(.*)$/m.exec(stat)?.[1]?.trim().split(/ +/);
  const steal = Number(fields?.[7]);
  return Number.isFinite(steal) ? steal * 10 : 0;
}

function readProcStat(): string {
  try {
    return readFileSync('/proc/stat', 'utf8');
  } catch {
    return '';
  }
}

/**
 * Cores other processes kept busy, on average, between two samples (never below zero: the
 * counters tick at different granularities, and a bench run itself under `nice` counts as niced).
 */
export function otherProcessCores(before: CpuSample, after: CpuSample): number {
  const wall = after.wallMs - before.wallMs;
  if (!(wall > 0)) return 0;
  const others = after.machineBusyMs - before.machineBusyMs - (after.processMs - before.processMs);
  return Math.max(0, others / wall);
}

/** The bench row that says how busy the machine was: `during` names the span, `otherwise` what breaks. */
export function machineLoadRow(
  during: string,
  others: number,
  cores: number,
  otherwise: string,
): BenchRow {
  return {
    name: `CPU other processes (or the hypervisor) took ${during}`,
    value: others,
    unit: 'cores',
    baseline: cores,
    baselineName: 'cores of this machine',
    ratio: others / cores,
    goal: `≤ ${QUIET_SHARE} of the machine, or ${otherwise}`,
    met: others / cores <= QUIET_SHARE,
  };
}
