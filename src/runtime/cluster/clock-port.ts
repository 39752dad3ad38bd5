/**
 * The window protocol's hot path on a raw port of its own: grant out, report back. Comlink stays
 * for the rest of the control plane; windows are many and small, so they skip its proxies and ids.
 */
import type { Logger } from './host';
import type { HostName } from './partition';
import type { PortLike, WindowGrant, WindowReport } from './host-messages';
import { checkGrant } from './validate';

type ClockMessage = { type: 'doubletick.grant'; grant: WindowGrant };
type ClockReply =
  | { type: 'doubletick.report'; window: number; report: WindowReport }
  | { type: 'doubletick.fault'; window: number; error: string };

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;

/** Host side: answers each grant on `port` with the report of running it (or the error). */
export function serveClock(
  port: PortLike,
  name: HostName,
  run: (g: WindowGrant) => Promise<WindowReport>,
  log: Logger,
): void {
  let queue = Promise.resolve();
  port.addEventListener('message', (ev) => {
    const m = ev.data as ClockMessage;
    const bad =
      !isObject(m) || m.type !== 'doubletick.grant'
        ? 'type must be "doubletick.grant"'
        : checkGrant(m.grant, name);
    if (bad)
      return log(
        `[doubletick ${name}] rejected a message on the clock port: ${bad}; it was dropped`,
      );
    const grant = m.grant;
    queue = queue.then(async () => {
      try {
        const report = await run(grant);
        port.postMessage(
          { type: 'doubletick.report', window: grant.window, report } satisfies ClockReply,
          [report.trace.nums.buffer],
        );
      } catch (e) {
        port.postMessage({
          type: 'doubletick.fault',
          window: grant.window,
          error: (e as Error).message,
        } satisfies ClockReply);
      }
    });
  });
  port.start?.();
}

/** Coordinator side: sends grants on `port` and resolves each with its host's report. */
export function clockClient(
  port: PortLike,
  name: HostName,
  log: Logger,
): (g: WindowGrant) => Promise<WindowReport> {
  const waiting = new Map<
    number,
    { resolve: (r: WindowReport) => void; reject: (e: Error) => void }
  >();
  port.addEventListener('message', (ev) => {
    const m = ev.data as ClockReply;
    const w = isObject(m) && typeof m.window === 'number' ? waiting.get(m.window) : undefined;
    if (!w || (m.type !== 'doubletick.report' && m.type !== 'doubletick.fault'))
      return log(
        `[doubletick coordinator] rejected a message on ${name}'s clock port: not a report for a window it was granted; it was dropped`,
      );
    waiting.delete(m.window);
    if (m.type === 'doubletick.fault') w.reject(new Error(m.error));
    else if (
      !isObject(m.report) ||
      typeof m.report.nextMs !== 'number' ||
      !isObject(m.report.trace)
    )
      w.reject(new Error(`${name}: a malformed window report`));
    else w.resolve(m.report);
  });
  port.start?.();
  return (grant) =>
    new Promise<WindowReport>((resolve, reject) => {
      waiting.set(grant.window, { resolve, reject });
      port.postMessage({ type: 'doubletick.grant', grant } satisfies ClockMessage);
    });
}
