import type { Endpoint } from 'comlink';
import type { Logger } from './host';

const COMLINK_TYPES = ['GET', 'SET', 'APPLY', 'CONSTRUCT', 'ENDPOINT', 'RELEASE'];

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;

/** Why `data` is not a comlink request, or undefined when it is one. */
export function checkComlinkRequest(data: unknown): string | undefined {
  if (!isObject(data))
    return `the message must be an object (got ${data === null ? 'null' : typeof data})`;
  if (typeof data.id !== 'string') return 'id must be a string';
  if (!COMLINK_TYPES.includes(data.type as string))
    return `type "${String(data.type).slice(0, 30)}" is not a comlink request`;
  if (
    data.path !== undefined &&
    (!Array.isArray(data.path) || data.path.some((p) => typeof p !== 'string'))
  )
    return 'path must be a list of names';
  if (data.argumentList !== undefined) {
    if (!Array.isArray(data.argumentList)) return 'argumentList must be a list';
    for (const a of data.argumentList)
      if (!isObject(a) || (a.type !== 'RAW' && a.type !== 'HANDLER'))
        return 'each argument must be a comlink wire value';
  }
  return undefined;
}

/** Why `data` is not a comlink reply, or undefined when it is one. */
export function checkComlinkReply(data: unknown): string | undefined {
  if (!isObject(data))
    return `the message must be an object (got ${data === null ? 'null' : typeof data})`;
  if (typeof data.id !== 'string') return 'id must be a string';
  if (data.type !== 'RAW' && data.type !== 'HANDLER')
    return `type "${String(data.type).slice(0, 30)}" is not a comlink reply`;
  return undefined;
}

/**
 * Wraps a control endpoint so that anything that is not a well-formed comlink message is logged
 * with the reason and dropped before comlink sees it (comlink would throw on some shapes, and an
 * uncaught exception ends a Node worker).
 */
export function guardEndpoint(
  ep: Endpoint,
  check: (data: unknown) => string | undefined,
  label: string,
  log: Logger,
): Endpoint {
  const wrapped = new WeakMap<object, (ev: MessageEvent) => void>();
  return {
    postMessage: (m: unknown, t?: Transferable[]) => ep.postMessage(m, t),
    addEventListener: (type: string, listener: EventListenerOrEventListenerObject) => {
      const inner = (ev: MessageEvent): void => {
        const bad = check(ev.data);
        if (bad)
          return log(
            `[doubletick ${label}] rejected a message on the control port: ${bad}; it was dropped`,
          );
        if (typeof listener === 'function') listener(ev);
        else listener.handleEvent(ev);
      };
      wrapped.set(listener, inner);
      ep.addEventListener(type, inner as EventListener);
    },
    removeEventListener: (type: string, listener: EventListenerOrEventListenerObject) => {
      const inner = wrapped.get(listener);
      if (inner) ep.removeEventListener(type, inner as EventListener);
    },
    ...(ep.start ? { start: () => ep.start!() } : {}),
  };
}
