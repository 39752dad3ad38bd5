/**
 * Structural checks of what arrives on a port before a host trusts it. A bad message is rejected
 * with a reason that names the field; nothing of it is applied.
 */
import { PROTOCOLS } from '../../engine/model/protocols';
import type { SimMessage } from '../../engine/model/messages';
import { hostOfActor, isHostName, type HostName } from './partition';

type Field = 'int' | 'num' | 'str' | 'bool' | 'proto' | 'bytes' | 'chunks' | 'items' | 'action';
type Spec = Readonly<Record<string, Field | `${Field}?`>>;

const MESSAGE_FIELDS: Readonly<Record<SimMessage['type'], Spec>> = {
  up: { user: 'int', conn: 'int', proto: 'proto', chunks: 'chunks' },
  down: { conn: 'int', chunks: 'chunks', close: 'str?', proto: 'proto?' },
  deliver: { conn: 'int', chunks: 'chunks', close: 'str?', proto: 'proto?' },
  'sm.register': { user: 'int', conn: 'int', proto: 'proto', epoch: 'int' },
  'sm.unregister': { user: 'int', conn: 'int', epoch: 'int' },
  'sm.lookup': { req: 'int', user: 'int', epoch: 'int' },
  'sm.result': { req: 'int', user: 'int', online: 'bool', conn: 'int', epoch: 'int' },
  'sm.gateway-down': { epoch: 'int' },
  'store.put': { recipient: 'int', key: 'str', msg: 'int', envelope: 'bytes' },
  'store.fetch': { user: 'int', afterSeq: 'int', epoch: 'int', conn: 'int' },
  'store.batch': { user: 'int', items: 'items', more: 'bool', epoch: 'int', conn: 'int' },
  'store.delete': { user: 'int', key: 'str' },
  timer: { name: 'str', conn: 'int', gen: 'int' },
  input: { action: 'action', msg: 'int?' },
};

const ITEM_FIELDS: Spec = {
  recipient: 'int',
  key: 'str',
  msg: 'int',
  envelope: 'bytes',
  seq: 'int',
};
/** Message types in a fixed order: the data plane's wire format numbers them by it. */
export const MESSAGE_TYPES = Object.keys(MESSAGE_FIELDS) as SimMessage['type'][];

const ACTIONS = [
  'spawn',
  'send',
  'offline',
  'online',
  'open',
  'link',
  'protocol',
  'spike',
  'crash',
  'gateway',
  'retry',
];

const isObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);
const describe = (x: unknown): string =>
  x === null
    ? 'null'
    : Array.isArray(x)
      ? 'an array'
      : x instanceof Uint8Array
        ? 'bytes'
        : typeof x;

export function checkField(kind: Field, v: unknown, at: string): string | undefined {
  switch (kind) {
    case 'int':
      return Number.isSafeInteger(v)
        ? undefined
        : `${at} must be an integer (got ${describe(v)} ${String(v).slice(0, 20)})`;
    case 'num':
      return typeof v === 'number' && Number.isFinite(v)
        ? undefined
        : `${at} must be a finite number (got ${describe(v)})`;
    case 'str':
      return typeof v === 'string' ? undefined : `${at} must be a string (got ${describe(v)})`;
    case 'bool':
      return typeof v === 'boolean'
        ? undefined
        : `${at} must be true or false (got ${describe(v)})`;
    case 'proto':
      return (PROTOCOLS as readonly unknown[]).includes(v)
        ? undefined
        : `${at} must be one of ${PROTOCOLS.join(', ')} (got ${String(v).slice(0, 20)})`;
    case 'bytes':
      return v instanceof Uint8Array
        ? undefined
        : `${at} must be a Uint8Array (got ${describe(v)})`;
    case 'chunks':
      if (!Array.isArray(v)) return `${at} must be an array of Uint8Array (got ${describe(v)})`;
      for (let i = 0; i < v.length; i++)
        if (!(v[i] instanceof Uint8Array))
          return `${at}[${i}] must be a Uint8Array (got ${describe(v[i])})`;
      return undefined;
    case 'items':
      if (!Array.isArray(v)) return `${at} must be an array of stored items (got ${describe(v)})`;
      for (let i = 0; i < v.length; i++) {
        const e = checkRecord(ITEM_FIELDS, v[i], `${at}[${i}]`);
        if (e) return e;
      }
      return undefined;
    case 'action':
      if (!isObject(v)) return `${at} must be an object (got ${describe(v)})`;
      return ACTIONS.includes(v.do as string)
        ? undefined
        : `${at}.do must be one of ${ACTIONS.join(', ')} (got ${String(v.do).slice(0, 20)})`;
  }
}

function checkRecord(spec: Spec, x: unknown, at: string): string | undefined {
  if (!isObject(x)) return `${at} must be an object (got ${describe(x)})`;
  for (const [key, want] of Object.entries(spec)) {
    const optional = want.endsWith('?');
    const v = x[key];
    if (v === undefined) {
      if (optional) continue;
      return `${at}.${key} is missing`;
    }
    const e = checkField((optional ? want.slice(0, -1) : want) as Field, v, `${at}.${key}`);
    if (e) return e;
  }
  return undefined;
}

/** Why `x` is not a SimMessage, or undefined when it is one. */
export function checkMessage(x: unknown, at = 'msg'): string | undefined {
  if (!isObject(x)) return `${at} must be an object (got ${describe(x)})`;
  const spec = MESSAGE_FIELDS[x.type as SimMessage['type']];
  if (typeof x.type !== 'string' || spec === undefined)
    return `${at}.type "${String(x.type).slice(0, 30)}" is not a known message type`;
  return checkRecord(spec, x, at);
}

/** Why `x` is not an event for an actor on host `self`, or undefined when it is one. */
export function checkEvent(x: unknown, self: HostName, at = 'event'): string | undefined {
  if (!isObject(x)) return `${at} must be an object (got ${describe(x)})`;
  return checkEventHead(x, self, at) ?? checkMessage(x.msg, `${at}.msg`);
}

/** Why an event's time, order key and addressee are not an event for host `self`. */
export function checkEventHead(
  x: {
    readonly atMs?: unknown;
    readonly src?: unknown;
    readonly seq?: unknown;
    readonly to?: unknown;
  },
  self: HostName,
  at: string,
): string | undefined {
  if (typeof x.atMs !== 'number' || !(x.atMs >= 0) || !Number.isFinite(x.atMs))
    return `${at}.atMs must be a time in ms ≥ 0 (got ${String(x.atMs)})`;
  for (const k of ['src', 'seq', 'to'] as const)
    if (!Number.isSafeInteger(x[k]) || (x[k] as number) < 0)
      return `${at}.${k} must be an integer ≥ 0 (got ${String(x[k])})`;
  const host = hostOfActor(x.to as number);
  if (host !== self)
    return `${at}.to is actor ${String(x.to)}, which lives on ${host ?? 'no host'}, not on ${self}`;
  return undefined;
}

/** Why `x` is not a data batch's header (its packed events are checked as they are unpacked). */
export function checkBatchHead(x: unknown): string | undefined {
  if (!isObject(x)) return `the message must be an object (got ${describe(x)})`;
  if (x.type !== 'doubletick.batch')
    return `type must be "doubletick.batch" (got ${String(x.type).slice(0, 30)})`;
  if (!isHostName(x.from)) return `from must be a host name (got ${String(x.from).slice(0, 30)})`;
  for (const k of ['run', 'window'] as const)
    if (!Number.isSafeInteger(x[k])) return `${k} must be an integer (got ${String(x[k])})`;
  if (typeof x.endMs !== 'number' || !Number.isFinite(x.endMs))
    return `endMs must be a finite number (got ${String(x.endMs)})`;
  if (typeof x.inclusive !== 'boolean')
    return `inclusive must be true or false (got ${describe(x.inclusive)})`;
  return undefined;
}

/** Why `x` is not a window grant for host `self`, or undefined when it is one. */
export function checkGrant(x: unknown, self: HostName): string | undefined {
  if (!isObject(x)) return `the grant must be an object (got ${describe(x)})`;
  if (!Number.isSafeInteger(x.window)) return `window must be an integer (got ${String(x.window)})`;
  if (typeof x.endMs !== 'number' || !(x.endMs >= 0))
    return `endMs must be a time in ms ≥ 0 (got ${String(x.endMs)})`;
  if (typeof x.inclusive !== 'boolean')
    return `inclusive must be true or false (got ${describe(x.inclusive)})`;
  const expect = checkExpect(x.expect);
  if (expect) return expect;
  if (!Array.isArray(x.inputs)) return `inputs must be an array (got ${describe(x.inputs)})`;
  for (let i = 0; i < x.inputs.length; i++) {
    const e = checkEvent(x.inputs[i], self, `inputs[${i}]`);
    if (e) return e;
  }
  if (x.peerEnds !== undefined) {
    if (!isObject(x.peerEnds)) return `peerEnds must be an object (got ${describe(x.peerEnds)})`;
    for (const [k, v] of Object.entries(x.peerEnds)) {
      if (!isHostName(k)) return `peerEnds names an unknown host "${k.slice(0, 30)}"`;
      if (
        !isObject(v) ||
        typeof v.ms !== 'number' ||
        !(v.ms >= 0) ||
        typeof v.inclusive !== 'boolean'
      )
        return `peerEnds.${k} must be { ms ≥ 0, inclusive } (got ${describe(v)})`;
    }
  }
  return undefined;
}

/** Why `x` is not a map of expected batch counts per peer. */
export function checkExpect(x: unknown): string | undefined {
  if (!isObject(x)) return `expect must be an object (got ${describe(x)})`;
  for (const [k, v] of Object.entries(x)) {
    if (!isHostName(k)) return `expect names an unknown host "${k.slice(0, 30)}"`;
    if (!Number.isSafeInteger(v) || (v as number) < 0)
      return `expect.${k} must be a count ≥ 0 (got ${String(v)})`;
  }
  return undefined;
}
