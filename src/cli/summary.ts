import type { Report } from '../engine/sim/report';

const n = (x: number): string => x.toLocaleString('en-US');
const plural = (x: number, one: string, many: string): string => `${n(x)} ${x === 1 ? one : many}`;

/** Latency is only measured on delivered messages: with none, there is no figure to show. */
const ms = (x: number | null): string => (x === null ? '—' : `${n(x)} ms`);

const HEADER = [
  'protocol',
  'phones',
  'bytes up',
  'bytes down',
  'B/delivered',
  'requests',
  'J/phone-hour',
  'high-power s/h',
];

/** Rows as columns two spaces apart, each as wide as its widest cell (first left, rest right). */
function table(rows: string[][]): string[] {
  const widths = HEADER.map((_, i) => Math.max(...rows.map((row) => (row[i] ?? '').length)));
  return rows.map((row) =>
    row
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
      .join('  ')
      .trimEnd(),
  );
}

/**
 * How a rush of connections went, when there was one (refusals, or phones still waiting): the
 * busiest second, when the last phone got in, and who gave up.
 */
function spikeLines(r: Report): string[] {
  const sp = r.spike;
  const refused = sp.refusalsPerSec.reduce((a, b) => a + b, 0);
  if (refused === 0 && sp.stillWaiting === 0 && sp.gaveUp === 0) return [];
  const peakAt = sp.refusalsPerSec.indexOf(Math.max(...sp.refusalsPerSec, 0));
  const busiest =
    refused > 0
      ? `busiest second ${peakAt}–${peakAt + 1} s with ${n(sp.refusalsPerSec[peakAt]!)} refused`
      : 'none refused';
  const done =
    sp.timeToAllConnectedSec === null
      ? `${plural(sp.stillWaiting, 'phone', 'phones')} still waiting`
      : `all connected ${n(sp.timeToAllConnectedSec)} s after the last arrivals`;
  return [
    `spike      ${busiest} · ${done} · gave up ${n(sp.gaveUp)} · longest overload ${n(r.gateway.longestOverloadSec)} s`,
  ];
}

/** How much of the latency chats spent waiting for an idle radio's paging occasion. */
function pagingLine(w: Report['latencyMs']['pagingWait']): string {
  if (w.chats === 0) return '  paging   no chat waited for an idle radio to be paged';
  return `  paging   ${plural(w.chats, 'chat', 'chats')} waited for an idle radio's paging occasion: mean ${ms(w.mean)} · p95 ${ms(w.p95)} (then the promotion)`;
}

/** The report as a few readable lines for a terminal. */
export function formatSummary(r: Report): string[] {
  const m = r.messages;
  const lines = [
    `${r.scenario} — seed ${r.seed}, ${n(r.durationMs / 1000)} s virtual, ${n(r.phones)} phones, ${n(r.events)} events`,
    '',
    `messages   sent ${n(m.sent)} · ✓ accepted ${n(m.accepted)} · ✓✓ delivered ${n(m.delivered)} · read ${n(m.read)}`,
    `store      stored ${n(m.stored)} · deleted ${n(m.deletedFromStore)} · pending now ${n(m.pendingInStore)}`,
    `integrity  in flight ${n(m.inFlight)} · lost ${n(m.lost)} · duplicated ${n(m.duplicated)} (copies dropped by id: ${n(m.duplicatesSuppressed)})`,
    `latency    p50 ${ms(r.latencyMs.p50)} · p95 ${ms(r.latencyMs.p95)} · p99 ${ms(r.latencyMs.p99)}`,
    pagingLine(r.latencyMs.pagingWait),
    `gateway    peak ${plural(r.gateway.peakConnections, 'connection', 'connections')} · refused ${n(r.gateway.refusedConnections)} · peak load ${n(Math.round(r.gateway.peakLoad * 100))} % · ${r.gateway.crashed ? `CRASHED ${r.gateway.crashes}×` : 'never crashed'} · ~${r.gateway.bytesPerConnection} B per connection`,
    ...spikeLines(r),
    '',
  ];
  const rows = [HEADER];
  for (const [proto, p] of Object.entries(r.protocols)) {
    const e = r.energy[proto as keyof Report['energy']];
    rows.push([
      proto,
      n(p.clients),
      n(p.bytesUp),
      n(p.bytesDown),
      p.bytesPerDeliveredMessage === null ? '—' : n(p.bytesPerDeliveredMessage),
      n(p.requests),
      e ? n(e.joulesPerPhoneHour) : '—',
      e ? n(e.highPowerSecondsPerPhoneHour) : '—',
    ]);
  }
  lines.push(...table(rows));
  lines.push(
    '',
    `encryption ${r.encryption ? 'on (the server carried ciphertext only)' : 'off'} · trace hash ${r.traceHash}`,
  );
  return lines;
}
