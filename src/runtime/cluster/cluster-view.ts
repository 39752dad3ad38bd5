/** Puts the hosts' parts together into the report view and the snapshot a one-thread run gives. */
import { emptyStats, type GatewayStats } from '../../engine/gateway/admission';
import type { MetricsCollector } from '../../engine/sim/metrics';
import { buildReport, type Report, type ReportView } from '../../engine/sim/report';
import type { Scenario } from '../../engine/scenario/scenario';
import type { assembleSnapshot } from '../snapshot';
import type { HostName } from './partition';
import type { HostPart } from './host-messages';

/** Every host's part at one instant. */
export type ClusterParts = ReadonlyMap<HostName, HostPart>;

/** What terminated hosts had counted before they went (events run, gateway figures). */
export interface Carried {
  events: number;
  stats: GatewayStats;
}

export const noCarry = (): Carried => ({
  events: 0,
  stats: emptyStats(),
});

function pick<H extends HostName>(parts: ClusterParts, host: H): Extract<HostPart, { host: H }> {
  const p = parts.get(host);
  if (p?.host !== host) throw new Error(`no part from the ${host} host`);
  return p as Extract<HostPart, { host: H }>;
}

/** Gateway figures across incarnations: peaks are the highest, counts add up. */
export function mergeStats(a: GatewayStats, b: GatewayStats): GatewayStats {
  return {
    peakConnections: Math.max(a.peakConnections, b.peakConnections),
    refusedConnections: a.refusedConnections + b.refusedConnections,
    peakLoad: Math.max(a.peakLoad, b.peakLoad),
    crashes: a.crashes + b.crashes,
    longestOverloadSec: Math.max(a.longestOverloadSec, b.longestOverloadSec),
    refusalsPerSec: addSeries(a.refusalsPerSec, b.refusalsPerSec),
    connectsPerSec: addSeries(a.connectsPerSec, b.connectsPerSec),
    lastConnectMs: Math.max(a.lastConnectMs, b.lastConnectMs),
  };
}

/** Two per-second series added second by second. */
function addSeries(a: readonly number[], b: readonly number[]): number[] {
  return Array.from({ length: Math.max(a.length, b.length) }, (_, i) => (a[i] ?? 0) + (b[i] ?? 0));
}

/** The report view of a run spread over hosts. */
export function clusterReportView(
  run: {
    scenario: Scenario;
    nowMs: number;
    metrics: MetricsCollector;
    traceHash: string;
    carried: Carried;
  },
  parts: ClusterParts,
): ReportView {
  const g = pick(parts, 'gateway');
  const st = pick(parts, 'store');
  const ph = pick(parts, 'phones');
  const onWire = new Set<number>();
  let events = run.carried.events;
  for (const p of parts.values()) {
    events += p.events;
    for (const id of p.onWire) onWire.add(id);
  }
  return {
    scenario: run.scenario,
    nowMs: run.nowMs,
    events,
    metrics: run.metrics,
    traceHash: run.traceHash,
    phoneCount: ph.phones.phoneCount,
    fleet: ph.fleet,
    pending: {
      inStore: new Set(st.storedChats),
      inGateway: new Set(g.held),
      onWire,
      inOutbox: new Set(ph.outbox),
      receiptsInStore: st.storedReceipts,
    },
    gateway: { stats: mergeStats(run.carried.stats, g.stats), connections: g.gateway.connections },
  };
}

/** What a snapshot is assembled from: the hosts' parts and the report, at one instant. */
export interface ClusterSnapshotParts {
  readonly parts: Parameters<typeof assembleSnapshot>[1];
  readonly report: Report;
}

/** The snapshot's content of a run spread over hosts: the same fields, from the parts. */
export function clusterSnapshotParts(parts: ClusterParts, view: ReportView): ClusterSnapshotParts {
  return {
    parts: {
      phones: pick(parts, 'phones').phones,
      gateway: pick(parts, 'gateway').gateway,
      sessions: { online: pick(parts, 'sessions').online },
      store: pick(parts, 'store').store,
    },
    report: buildReport(view),
  };
}
