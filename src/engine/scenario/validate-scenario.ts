import { DEFAULT_GATEWAY, THRESHOLD_PCT_RANGE } from '../model/gateway-config';
import { deepestBeyond, depthError } from './json-depth';
import { LIMITS } from '../kernel/limits';
import { PROTOCOLS } from '../model/protocols';
import { LINK_QUALITIES } from '../model/link-quality';
import { DEFAULT_PROTOCOL_SETTINGS } from '../protocols/protocol-settings';
import { DEFAULT_RETRY, validateRetryPolicy } from '../retry/retry-policy';
import { type RetryPolicy } from '../model/retry-policy';
import type { InputAction } from '../model/messages';
import { parseAction } from './parse-action';
import type { Scenario, TimedAction } from './scenario';
import { bool, isRecord, num, oneOf, str, unknownKeys, type Errors } from './validate-fields';

export type ScenarioResult = { ok: true; scenario: Scenario } | { ok: false; errors: string[] };

const TOP_KEYS = [
  'name',
  'description',
  'seed',
  'durationSec',
  'encryption',
  'gateway',
  'retry',
  'protocolSettings',
  'phones',
  'traffic',
  'actions',
];

/** Checks a parsed JSON scenario; every error names the field (`phones[1].protocol must be …`). */
export function validateScenario(x: unknown): ScenarioResult {
  const errors: Errors = [];
  if (!isRecord(x)) return { ok: false, errors: ['the scenario must be a JSON object'] };
  // Before any field check: those recurse, and a hostile file could nest past the stack.
  const deep = deepestBeyond(x);
  if (deep !== undefined) return { ok: false, errors: [depthError(deep)] };
  unknownKeys(errors, x, '', TOP_KEYS);
  const name = str(errors, x, 'name', '', true) ?? '';
  const description = str(errors, x, 'description', '') ?? '';
  const seed =
    num(errors, x, 'seed', '', { required: true, integer: true, min: 0, max: 0xffffffff }) ?? 0;
  const durationSec =
    num(errors, x, 'durationSec', '', {
      required: true,
      min: 0.001,
      max: LIMITS.maxDurationMs / 1000,
    }) ?? 0;
  const encryption = bool(errors, x, 'encryption', '') ?? true;

  const gateway = { ...DEFAULT_GATEWAY };
  if (x.gateway !== undefined) {
    if (!isRecord(x.gateway)) errors.push('gateway must be an object');
    else {
      const g = x.gateway;
      unknownKeys(errors, g, 'gateway.', [
        'maxConnections',
        'workPerSec',
        'backpressure',
        'thresholdPct',
        'restartSec',
      ]);
      gateway.maxConnections =
        num(errors, g, 'maxConnections', 'gateway.', { integer: true, min: 1, max: 10_000_000 }) ??
        gateway.maxConnections;
      gateway.workPerSec =
        num(errors, g, 'workPerSec', 'gateway.', { min: 1 }) ?? gateway.workPerSec;
      gateway.backpressure = bool(errors, g, 'backpressure', 'gateway.') ?? gateway.backpressure;
      gateway.thresholdPct =
        num(errors, g, 'thresholdPct', 'gateway.', THRESHOLD_PCT_RANGE) ?? gateway.thresholdPct;
      gateway.restartMs =
        (num(errors, g, 'restartSec', 'gateway.', { min: 0, max: 3600 }) ??
          gateway.restartMs / 1000) * 1000;
    }
  }

  let retry: RetryPolicy = DEFAULT_RETRY;
  if (x.retry !== undefined) {
    const e = validateRetryPolicy(x.retry, 'retry');
    if (e.length) errors.push(...e);
    else retry = x.retry as RetryPolicy;
  }

  const settings = { ...DEFAULT_PROTOCOL_SETTINGS };
  if (x.protocolSettings !== undefined) {
    if (!isRecord(x.protocolSettings)) errors.push('protocolSettings must be an object');
    else {
      const p = x.protocolSettings;
      const at = 'protocolSettings.';
      unknownKeys(errors, p, at, [
        'shortPollIntervalSec',
        'longPollHoldSec',
        'wsPingIntervalSec',
        'wsPingTimeoutSec',
        'mqttKeepAliveSec',
        'mqttQos',
      ]);
      const ms = (k: string, min: number, max: number, d: number): number =>
        Math.round((num(errors, p, k, at, { min, max }) ?? d / 1000) * 1000);
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
        num(errors, p, 'mqttKeepAliveSec', at, { integer: true, min: 1, max: 65535 }) ??
        settings.mqttKeepAliveSec;
      const qos = num(errors, p, 'mqttQos', at, { integer: true, min: 0, max: 1 });
      if (qos === 0 || qos === 1) settings.mqttQos = qos;
    }
  }

  const names = new Map<number, string>();
  const byName = new Map<string, number>();
  const phones: Extract<InputAction, { do: 'spawn' }>[] = [];
  let total = 0;
  if (!Array.isArray(x.phones) || x.phones.length === 0)
    errors.push('phones must be a non-empty list of phone groups');
  else
    x.phones.forEach((g, i) => {
      const at = `phones[${i}].`;
      if (!isRecord(g)) return errors.push(`phones[${i}] must be an object`);
      unknownKeys(errors, g, at, ['count', 'protocol', 'link', 'online', 'names']);
      const count =
        num(errors, g, 'count', at, {
          required: true,
          integer: true,
          min: 1,
          max: LIMITS.maxPhones,
        }) ?? 0;
      const protocol = oneOf(errors, g, 'protocol', at, PROTOCOLS, true);
      const link = oneOf(errors, g, 'link', at, LINK_QUALITIES) ?? 'good';
      const online = bool(errors, g, 'online', at) ?? true;
      let groupNames: string[] | undefined;
      if (g.names !== undefined) {
        if (
          !Array.isArray(g.names) ||
          g.names.some((n) => typeof n !== 'string' || !/^[a-z][a-z0-9_-]{0,23}$/i.test(n))
        )
          errors.push(
            `${at}names must be a list of short names (letters, digits, - or _; starting with a letter)`,
          );
        else if (g.names.length > count)
          errors.push(`${at}names has ${g.names.length} names for ${count} phones`);
        else groupNames = g.names as string[];
      }
      groupNames?.forEach((n, j) => {
        const key = n.toLowerCase();
        if (byName.has(key) || /^u\d+$/.test(key))
          errors.push(
            `${at}names[${j}] "${n}" is taken (names are unique and may not look like u12)`,
          );
        byName.set(key, total + j + 1);
        names.set(total + j + 1, n);
      });
      total += count;
      if (protocol)
        phones.push({
          do: 'spawn',
          count,
          protocol,
          link,
          online,
          ...(groupNames ? { names: groupNames } : {}),
        });
    });
  if (total > LIMITS.maxPhones)
    errors.push(`phones add up to ${total}, over the limit of ${LIMITS.maxPhones}`);

  let traffic: Scenario['traffic'];
  if (x.traffic !== undefined) {
    if (!isRecord(x.traffic)) errors.push('traffic must be an object');
    else {
      const t = x.traffic;
      unknownKeys(errors, t, 'traffic.', [
        'messagesPerMinute',
        'bodyBytes',
        'fromSec',
        'untilSec',
        'perGroup',
      ]);
      const perMinute =
        num(errors, t, 'messagesPerMinute', 'traffic.', {
          required: true,
          min: 0,
          max: 6_000_000,
        }) ?? 0;
      const bodyBytes =
        num(errors, t, 'bodyBytes', 'traffic.', {
          integer: true,
          min: 1,
          max: LIMITS.maxMessageBytes,
        }) ?? 100;
      const fromMs = (num(errors, t, 'fromSec', 'traffic.', { min: 0 }) ?? 0) * 1000;
      const untilMs = (num(errors, t, 'untilSec', 'traffic.', { min: 0 }) ?? durationSec) * 1000;
      const perGroup = bool(errors, t, 'perGroup', 'traffic.') ?? false;
      if (total < 2 && perMinute > 0) errors.push('traffic needs at least two phones');
      if (perGroup && phones.some((g) => g.count < 2))
        errors.push('traffic.perGroup needs every phone group to have at least two phones');
      traffic = {
        perMinute,
        bodyBytes,
        fromMs,
        untilMs,
        perGroup,
        groups: phones.map((g) => g.count),
      };
    }
  }

  const actions: TimedAction[] = [];
  if (x.actions !== undefined) {
    if (!Array.isArray(x.actions)) errors.push('actions must be a list');
    else if (x.actions.length > LIMITS.maxScenarioActions)
      errors.push(
        `actions has ${x.actions.length} entries, over the limit of ${LIMITS.maxScenarioActions}`,
      );
    else
      x.actions.forEach((a, i) => {
        const parsed = parseAction(a, `actions[${i}].`, { byName, total, durationSec }, errors);
        if (parsed) actions.push(parsed);
      });
  }

  if (errors.length) return { ok: false, errors };
  actions.sort((a, b) => a.atMs - b.atMs); // stable: same-time actions keep their written order
  return {
    ok: true,
    scenario: {
      name,
      description,
      seed,
      durationMs: Math.round(durationSec * 1000),
      encryption,
      gateway,
      retry,
      settings,
      phones,
      traffic,
      actions,
      names,
    },
  };
}

/** Parses scenario text (JSON) and validates it. */
export function parseScenario(text: string): ScenarioResult {
  let x: unknown;
  try {
    x = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [`the scenario is not valid JSON: ${(e as Error).message}`] };
  }
  return validateScenario(x);
}
