/**
 * The sections of a scenario file, each checked on its own: the gateway, the protocol settings,
 * the phone groups and the background traffic. Every error names its field; a value that failed
 * is never handed on as context for other checks (a bad `count` does not also make its `names` or
 * the traffic wrong).
 */
import { DEFAULT_GATEWAY, THRESHOLD_PCT_RANGE, type GatewayConfig } from '../model/gateway-config';
import { LIMITS } from '../kernel/limits';
import { PROTOCOLS } from '../model/protocols';
import { LINK_QUALITIES } from '../model/link-quality';
import type { InputAction } from '../model/messages';
import { DEFAULT_PROTOCOL_SETTINGS } from '../protocols/protocol-settings';
import type { ProtocolSettings } from '../protocols/transport';
import type { Scenario } from './scenario';
import { bool, isRecord, num, oneOf, unknownKeys, type Errors } from './validate-fields';

type Spawn = Extract<InputAction, { do: 'spawn' }>;

export function readGateway(errors: Errors, x: unknown): GatewayConfig {
  const gateway = { ...DEFAULT_GATEWAY };
  if (x === undefined) return gateway;
  if (!isRecord(x)) {
    errors.push('gateway must be an object');
    return gateway;
  }
  const at = 'gateway.';
  unknownKeys(errors, x, at, [
    'maxConnections',
    'workPerSec',
    'backpressure',
    'thresholdPct',
    'restartSec',
  ]);
  gateway.maxConnections =
    num(errors, x, 'maxConnections', at, { integer: true, min: 1, max: 10_000_000 }) ??
    gateway.maxConnections;
  gateway.workPerSec = num(errors, x, 'workPerSec', at, { min: 1 }) ?? gateway.workPerSec;
  gateway.backpressure = bool(errors, x, 'backpressure', at) ?? gateway.backpressure;
  gateway.thresholdPct =
    num(errors, x, 'thresholdPct', at, THRESHOLD_PCT_RANGE) ?? gateway.thresholdPct;
  gateway.restartMs =
    (num(errors, x, 'restartSec', at, { min: 0, max: 3600 }) ?? gateway.restartMs / 1000) * 1000;
  return gateway;
}

export function readProtocolSettings(errors: Errors, x: unknown): ProtocolSettings {
  const settings = { ...DEFAULT_PROTOCOL_SETTINGS };
  if (x === undefined) return settings;
  if (!isRecord(x)) {
    errors.push('protocolSettings must be an object');
    return settings;
  }
  const at = 'protocolSettings.';
  unknownKeys(errors, x, at, [
    'shortPollIntervalSec',
    'longPollHoldSec',
    'wsPingIntervalSec',
    'wsPingTimeoutSec',
    'mqttKeepAliveSec',
    'mqttQos',
  ]);
  const ms = (k: string, min: number, max: number, d: number): number =>
    Math.round((num(errors, x, k, at, { min, max }) ?? d / 1000) * 1000);
  settings.shortPollIntervalMs = ms(
    'shortPollIntervalSec',
    0.1,
    3600,
    settings.shortPollIntervalMs,
  );
  settings.longPollHoldMs = ms('longPollHoldSec', 1, 600, settings.longPollHoldMs);
  settings.wsPingIntervalMs = ms('wsPingIntervalSec', 1, 3600, settings.wsPingIntervalMs);
  settings.wsPingTimeoutMs = ms('wsPingTimeoutSec', 1, 3600, settings.wsPingTimeoutMs);
  // Keep Alive is a 16-bit number of seconds (MQTT §3.1.2.10); 0 would switch it off.
  settings.mqttKeepAliveSec =
    num(errors, x, 'mqttKeepAliveSec', at, { integer: true, min: 1, max: 65535 }) ??
    settings.mqttKeepAliveSec;
  const qos = num(errors, x, 'mqttQos', at, { integer: true, min: 0, max: 1 });
  if (qos === 0 || qos === 1) settings.mqttQos = qos;
  return settings;
}

/** The initial phones, and what the actions may call them by. */
export interface PhoneGroups {
  readonly phones: Spawn[];
  readonly names: Map<number, string>;
  readonly byName: Map<string, number>;
  /** Phones in all groups, when every group's count was valid. */
  readonly total: number | undefined;
  /** Whether every group's names were valid (else an unknown name may be one of the bad ones). */
  readonly namesComplete: boolean;
}

const NAME = /^[a-z][a-z0-9_-]{0,23}$/i;

export function readPhones(errors: Errors, x: unknown): PhoneGroups {
  const groups: PhoneGroups = {
    phones: [],
    names: new Map(),
    byName: new Map(),
    total: undefined,
    namesComplete: true,
  };
  if (!Array.isArray(x) || x.length === 0) {
    errors.push('phones must be a non-empty list of phone groups');
    return groups;
  }
  let total: number | undefined = 0;
  let namesComplete = true;
  x.forEach((g: unknown, i) => {
    const at = `phones[${i}].`;
    if (!isRecord(g)) {
      errors.push(`phones[${i}] must be an object`);
      total = undefined;
      namesComplete = false;
      return;
    }
    unknownKeys(errors, g, at, ['count', 'protocol', 'link', 'online', 'names']);
    const count = num(errors, g, 'count', at, {
      required: true,
      integer: true,
      min: 1,
      max: LIMITS.maxPhones,
    });
    const protocol = oneOf(errors, g, 'protocol', at, PROTOCOLS, true);
    const link = oneOf(errors, g, 'link', at, LINK_QUALITIES) ?? 'good';
    const online = bool(errors, g, 'online', at) ?? true;
    let groupNames: string[] | undefined;
    if (g.names !== undefined) {
      if (!Array.isArray(g.names) || g.names.some((n) => typeof n !== 'string' || !NAME.test(n))) {
        errors.push(
          `${at}names must be a list of short names (letters, digits, - or _; starting with a letter)`,
        );
        namesComplete = false;
      } else if (count !== undefined && g.names.length > count) {
        errors.push(`${at}names has ${g.names.length} names for ${count} phones`);
        namesComplete = false;
      } else groupNames = g.names as string[];
    }
    // Without a valid count the users' numbers after this group are unknown.
    if (count === undefined || total === undefined) {
      total = undefined;
      if (groupNames) namesComplete = false;
      return;
    }
    const first = total + 1;
    groupNames?.forEach((n, j) => {
      const key = n.toLowerCase();
      if (groups.byName.has(key) || /^u\d+$/.test(key))
        errors.push(
          `${at}names[${j}] "${n}" is taken (names are unique and may not look like u12)`,
        );
      groups.byName.set(key, first + j);
      groups.names.set(first + j, n);
    });
    total += count;
    if (protocol)
      groups.phones.push({
        do: 'spawn',
        count,
        protocol,
        link,
        online,
        ...(groupNames ? { names: groupNames } : {}),
      });
  });
  if (total !== undefined && total > LIMITS.maxPhones)
    errors.push(`phones add up to ${total}, over the limit of ${LIMITS.maxPhones}`);
  return { ...groups, total, namesComplete };
}

export function readTraffic(
  errors: Errors,
  x: unknown,
  durationSec: number | undefined,
  groups: PhoneGroups,
): Scenario['traffic'] {
  if (x === undefined) return undefined;
  if (!isRecord(x)) {
    errors.push('traffic must be an object');
    return undefined;
  }
  const at = 'traffic.';
  unknownKeys(errors, x, at, ['messagesPerMinute', 'bodyBytes', 'fromSec', 'untilSec', 'perGroup']);
  const perMinute = num(errors, x, 'messagesPerMinute', at, {
    required: true,
    min: 0,
    max: 6_000_000,
  });
  const bodyBytes =
    num(errors, x, 'bodyBytes', at, { integer: true, min: 1, max: LIMITS.maxMessageBytes }) ?? 100;
  const fromSec = num(errors, x, 'fromSec', at, { min: 0 }) ?? 0;
  const untilSec = num(errors, x, 'untilSec', at, { min: 0 }) ?? durationSec ?? 0;
  const perGroup = bool(errors, x, 'perGroup', at) ?? false;
  // Group sizes are known only when every group was valid; else these checks would guess.
  if (groups.total !== undefined) {
    if (groups.total < 2 && (perMinute ?? 0) > 0) errors.push('traffic needs at least two phones');
    if (perGroup && groups.phones.some((g) => g.count < 2))
      errors.push('traffic.perGroup needs every phone group to have at least two phones');
  }
  return {
    perMinute: perMinute ?? 0,
    bodyBytes,
    fromMs: fromSec * 1000,
    untilMs: untilSec * 1000,
    perGroup,
    groups: groups.phones.map((g) => g.count),
  };
}
