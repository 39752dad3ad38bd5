/**
 * What a gateway crash sends, worked out apart from the coordinator that sends it: the trace
 * event, and the notices `Gateway.crash()` gives in one thread — a reset to every connected phone
 * and the session manager's "gateway down" — at the same virtual moments, so both hosts agree.
 */
import type { TraceEvent } from '../../engine/kernel/trace';
import { CORE_NETWORK_MS, DATACENTER_MS } from '../../engine/model/latency';
import { ACTOR, phoneActor } from '../../engine/model/actors';
import type { ScheduledInput } from '../../engine/sim/simulation';

/** The crash as the trace shows it: the gateway's worker terminated at `atMs`. */
export function crashEvent(atMs: number): TraceEvent {
  return {
    atMs,
    kind: 'crash',
    from: ACTOR.gateway,
    to: ACTOR.gateway,
    msg: 0,
    bytes: 0,
    headerBytes: 0,
    arriveAtMs: atMs,
    note: 'gateway worker terminated',
  };
}

/** The resets and the session manager's notice for a crash at `atMs` of gateway `epoch − 1`. */
export function crashNotices(
  atMs: number,
  epoch: number,
  connected: readonly { readonly user: number; readonly conn: number }[],
): ScheduledInput[] {
  const notices: ScheduledInput[] = connected.map((c) => ({
    to: phoneActor(c.user),
    atMs: atMs + CORE_NETWORK_MS,
    msg: {
      type: 'down',
      conn: c.conn,
      chunks: [],
      close: 'gateway crashed',
      proto: undefined,
      msg: 0,
    },
  }));
  notices.push({
    to: ACTOR.sessions,
    atMs: atMs + DATACENTER_MS,
    msg: { type: 'sm.gateway-down', epoch: epoch - 1 },
  });
  return notices;
}
