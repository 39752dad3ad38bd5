import type { Report } from '../engine/sim/report';

const n = (x: number): string => x.toLocaleString('en-US');

/** The report as a few readable lines for a terminal. */
export function formatSummary(r: Report): string[] {
  const m = r.messages;
  const lines = [
    `${r.scenario} — seed ${r.seed}, ${n(r.durationMs / 1000)} s virtual, ${n(r.phones)} phones, ${n(r.events)} events`,
    '',
    `messages   sent ${n(m.sent)} · ✓ accepted ${n(m.accepted)} · ✓✓ delivered ${n(m.delivered)} · read ${n(m.read)}`,
    `store      stored ${n(m.stored)} · deleted ${n(m.deletedFromStore)} · pending now ${n(m.pendingInStore)}`,
    `integrity  in flight ${n(m.inFlight)} · lost ${n(m.lost)} · duplicated ${n(m.duplicated)} (copies dropped by id: ${n(m.duplicatesSuppressed)})`,
    `latency    p50 ${n(r.latencyMs.p50)} ms · p95 ${n(r.latencyMs.p95)} ms · p99 ${n(r.latencyMs.p99)} ms`,
    `gateway    peak ${n(r.gateway.peakConnections)} connections · refused ${n(r.gateway.refusedConnections)} · peak load ${Math.round(r.gateway.peakLoad * 100)} % · ${r.gateway.crashed ? `CRASHED ${r.gateway.crashes}×` : 'never crashed'} · ~${r.gateway.bytesPerConnection} B per connection`,
    '',
    'protocol     phones   bytes up  bytes down  B/delivered  requests   J/phone-hour  high-power s/h',
  ];
  for (const [proto, p] of Object.entries(r.protocols)) {
    const e = r.energy[proto as keyof Report['energy']];
    lines.push(
      `${proto.padEnd(12)} ${n(p.clients).padStart(6)} ${n(p.bytesUp).padStart(10)} ${n(p.bytesDown).padStart(11)} ${(p.bytesPerDeliveredMessage === null ? '—' : n(p.bytesPerDeliveredMessage)).padStart(12)} ${n(p.requests).padStart(9)} ${(e ? n(e.joulesPerPhoneHour) : '—').padStart(14)} ${(e ? n(e.highPowerSecondsPerPhoneHour) : '—').padStart(15)}`,
    );
  }
  lines.push(
    '',
    `encryption ${r.encryption ? 'on (the server carried ciphertext only)' : 'off'} · trace hash ${r.traceHash}`,
  );
  return lines;
}
