import { LIMITS } from '../kernel/limits';
import { PROTOCOLS } from '../model/protocols';
import { LINK_QUALITIES } from '../model/link-quality';
import { THRESHOLD_PCT_RANGE } from '../model/gateway-config';
import { validateRetryPolicy } from '../retry/retry-policy';
import { type RetryPolicy } from '../model/retry-policy';
import { OFFLINE_HOWS, type InputAction } from '../model/messages';
import type { TimedAction } from './scenario';
import { utf8Bytes } from '../model/scenario-text';
import { bool, isRecord, num, oneOf, show, str, unknownKeys, type Errors } from './validate-fields';

export const ACTION_KINDS = [
  'send',
  'offline',
  'online',
  'open',
  'link',
  'protocol',
  'spike',
  'crash',
  'gateway',
  'spawn',
  'retry',
] as const;

interface Users {
  readonly byName: ReadonlyMap<string, number>;
  /** Whether every phone group's names were valid: if not, an unknown name is not this action's fault. */
  readonly namesComplete: boolean;
  /** The run's length, when it is valid (an action's time is checked against it only then). */
  readonly durationSec: number | undefined;
}

/** Resolves `"alice"`, `"u3"` or `3` to a user number, or records an error naming the field. */
function user(
  errors: Errors,
  a: Record<string, unknown>,
  key: string,
  at: string,
  users: Users,
): number | undefined {
  const v = a[key];
  let n: number | undefined;
  if (typeof v === 'number' && Number.isInteger(v)) n = v;
  else if (typeof v === 'string')
    n = /^u\d+$/.test(v) ? Number(v.slice(1)) : users.byName.get(v.toLowerCase());
  if (n === undefined && typeof v === 'string' && !users.namesComplete) return undefined;
  if (n === undefined || n < 1 || n > LIMITS.maxPhones) {
    errors.push(`${at}${key} must name a phone ("alice", "u3" or 3) (got ${show(v)})`);
    return undefined;
  }
  return n;
}

/** Parses one scripted action; returns undefined (with errors recorded) when it is malformed. */
export function parseAction(
  x: unknown,
  at: string,
  users: Users,
  errors: Errors,
): TimedAction | undefined {
  if (!isRecord(x)) {
    errors.push(`${at.slice(0, -1)} must be an object`);
    return undefined;
  }
  const before = errors.length;
  const t = num(errors, x, 'at', at, {
    required: true,
    min: 0,
    ...(users.durationSec === undefined ? {} : { max: users.durationSec }),
  });
  const kind = oneOf(errors, x, 'do', at, ACTION_KINDS, true);
  let action: InputAction | undefined;
  const only = (...keys: string[]): void => unknownKeys(errors, x, at, ['at', 'do', ...keys]);
  switch (kind) {
    case 'send': {
      only('from', 'to', 'text');
      const from = user(errors, x, 'from', at, users);
      const to = user(errors, x, 'to', at, users);
      const text = str(errors, x, 'text', at) ?? 'hello';
      if (from !== undefined && from === to) errors.push(`${at}to must differ from ${at}from`);
      const bytes = utf8Bytes(text);
      if (bytes > LIMITS.maxMessageBytes)
        errors.push(
          `${at}text is ${bytes.toLocaleString('en-US')} bytes in UTF-8, over the limit of ${LIMITS.maxMessageBytes.toLocaleString('en-US')}`,
        );
      if (from !== undefined && to !== undefined) action = { do: 'send', from, to, text };
      break;
    }
    case 'offline': {
      only('user', 'how');
      const u = user(errors, x, 'user', at, users);
      const how = oneOf(errors, x, 'how', at, OFFLINE_HOWS);
      // `close` is the default and stays implicit, so existing records read back the same.
      if (u !== undefined)
        action = how === 'lose-signal' ? { do: kind, user: u, how } : { do: kind, user: u };
      break;
    }
    case 'online': {
      only('user');
      const u = user(errors, x, 'user', at, users);
      if (u !== undefined) action = { do: kind, user: u };
      break;
    }
    case 'open': {
      only('user', 'chat');
      const u = user(errors, x, 'user', at, users);
      const chat = user(errors, x, 'chat', at, users);
      if (u !== undefined && chat !== undefined) action = { do: 'open', user: u, chat };
      break;
    }
    case 'link': {
      only('user', 'quality');
      const u = user(errors, x, 'user', at, users);
      const quality = oneOf(errors, x, 'quality', at, LINK_QUALITIES, true);
      if (u !== undefined && quality) action = { do: 'link', user: u, quality };
      break;
    }
    case 'protocol': {
      only('user', 'protocol');
      const u = x.user === 'all' ? 'all' : user(errors, x, 'user', at, users);
      const protocol = oneOf(errors, x, 'protocol', at, PROTOCOLS, true);
      if (u !== undefined && protocol) action = { do: 'protocol', user: u, protocol };
      break;
    }
    case 'spike': {
      only('connections', 'withinSec', 'protocol', 'messagesEach');
      const connections = num(errors, x, 'connections', at, {
        required: true,
        integer: true,
        min: 1,
        max: LIMITS.maxSpikeConnections,
      });
      const withinSec = num(errors, x, 'withinSec', at, { required: true, min: 0, max: 3600 });
      const protocol = oneOf(errors, x, 'protocol', at, PROTOCOLS) ?? 'mqtt';
      const messagesEach =
        num(errors, x, 'messagesEach', at, { integer: true, min: 0, max: 100 }) ?? 0;
      if (connections !== undefined && withinSec !== undefined)
        action = {
          do: 'spike',
          connections,
          withinMs: Math.round(withinSec * 1000),
          protocol,
          messagesEach,
        };
      break;
    }
    case 'crash':
      only();
      action = { do: 'crash' };
      break;
    case 'gateway': {
      only('maxConnections', 'workPerSec', 'backpressure', 'thresholdPct');
      const g: Extract<InputAction, { do: 'gateway' }> = { do: 'gateway' };
      const maxConnections = num(errors, x, 'maxConnections', at, { integer: true, min: 1 });
      const workPerSec = num(errors, x, 'workPerSec', at, { min: 1 });
      const backpressure = bool(errors, x, 'backpressure', at);
      const thresholdPct = num(errors, x, 'thresholdPct', at, THRESHOLD_PCT_RANGE);
      if (maxConnections !== undefined) g.maxConnections = maxConnections;
      if (workPerSec !== undefined) g.workPerSec = workPerSec;
      if (backpressure !== undefined) g.backpressure = backpressure;
      if (thresholdPct !== undefined) g.thresholdPct = thresholdPct;
      action = g;
      break;
    }
    case 'spawn': {
      only('count', 'protocol', 'link', 'online');
      const count = num(errors, x, 'count', at, {
        required: true,
        integer: true,
        min: 1,
        max: LIMITS.maxSpikeConnections,
      });
      const protocol = oneOf(errors, x, 'protocol', at, PROTOCOLS, true);
      const link = oneOf(errors, x, 'link', at, LINK_QUALITIES) ?? 'good';
      const online = bool(errors, x, 'online', at) ?? true;
      if (count !== undefined && protocol) action = { do: 'spawn', count, protocol, link, online };
      break;
    }
    case 'retry': {
      only('policy');
      const e = validateRetryPolicy(x.policy, `${at}policy`);
      if (e.length) errors.push(...e);
      else action = { do: 'retry', policy: x.policy as RetryPolicy };
      break;
    }
    case undefined:
      break;
  }
  if (errors.length > before || action === undefined || t === undefined) return undefined;
  return { atMs: Math.round(t * 1000), action };
}
