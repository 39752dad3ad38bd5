/**
 * The work a scenario asks for, estimated before it runs: kernel events, from phones × duration ×
 * each protocol's own periodic traffic, messages, and every spawn, spike and crash with the retries
 * it can set off. A share link is a scenario from a stranger; one that would run for hours or
 * exhaust the heap is refused with the field that costs most, before anything is built.
 *
 * The estimate is an upper bound in spirit, not a prediction: each figure below is at or above what
 * the engine was measured to do, and retries are counted as if every refused phone kept trying
 * for as long as the gateway may need to take everyone in. Measured against `sim run --json`
 * (`events`) on the examples (work-budget.test.ts checks the ratio stays ≥ 0.5): the quiet ones
 * estimate 1.2–1.4× the real count (online-delivery 143 against 114, four-protocols 24,100 against
 * 19,665, flaky-network 11,500 against 8,151); the spikes 1.7–2.7× (new-years-eve-jitter 1.9×,
 * backpressure-off 1.7×, retry-policies 1.65–2.66×), and immediate retry, the most overcounted,
 * 12× (3.8×10⁷ against 3.1×10⁶). Benches: a million idle MQTT phones for 10 min, 6×10⁷.
 */
import { LIMITS } from '../kernel/limits';
import { WORK_UNITS } from '../gateway/load-meter';
import type { InputAction } from '../model/messages';
import type { ProtocolName } from '../model/protocols';
import type { RetryPolicy } from '../model/retry-policy';
import type { ProtocolSettings } from '../protocols/transport';
import { expectedAttempts } from './retry-attempts';
import type { Scenario } from './scenario';

/** Events of one periodic exchange (a poll, a ping): timer, uplink, gateway, downlink, phone. Measured 4.1–4.7. */
const EVENTS_PER_CYCLE = 5;
/** Events to connect one phone (measured 6–9, by protocol). */
const EVENTS_PER_CONNECT = 10;
/** Events of one chat message: send, ✓, delivery, ✓✓, store and fetch when offline (measured 8–14 online). */
const EVENTS_PER_MESSAGE = 20;
/** Events of one reconnect attempt: refused (measured 4.5–5.3) or taken and then dropped by a crash. */
const EVENTS_PER_ATTEMPT = 10;
/** Extra events per second of a phone on a flaky link: drop-outs and reconnects (measured +0.17). */
const FLAKY_EVENTS_PER_SEC = 0.3;
/** Events per virtual second of the gateway's own sweep, whatever the fleet. */
const SWEEP_EVENTS_PER_SEC = 2;

/** One field's share of the estimate, named as the scenario names it. */
export interface WorkItem {
  readonly field: string;
  readonly events: number;
}

export interface WorkEstimate {
  readonly total: number;
  /** The field that costs most. */
  readonly costliest: WorkItem;
}

/** Periodic exchanges per second of one idle phone of `p`. */
function cyclesPerSec(p: ProtocolName, s: ProtocolSettings): number {
  switch (p) {
    case 'short-poll':
      return 1000 / s.shortPollIntervalMs;
    case 'long-poll':
      return 1000 / s.longPollHoldMs;
    case 'websocket':
      return 1000 / s.wsPingIntervalMs;
    case 'mqtt':
      return 1 / s.mqttKeepAliveSec;
  }
}

/** What every phone may be switched to, and how the gateway may be set, over the whole run. */
interface RunBounds {
  readonly durationMs: number;
  /** Periodic events per second of a phone (the busiest protocol it may be switched to). */
  readonly switchedRate: number;
  readonly settings: ProtocolSettings;
  /** Connections the gateway takes per second at its slowest setting (0: it may never settle). */
  readonly acceptPerSec: number;
  /** Phones it holds below its threshold, at its smallest setting. */
  readonly room: number;
  readonly backpressureAlways: boolean;
  readonly retries: readonly RetryPolicy[];
  readonly phonesEver: number;
}

function runBounds(sc: Scenario): RunBounds {
  const gateways = [sc.gateway, ...sc.actions.map((a) => a.action)].filter(
    (a): a is Extract<InputAction, { do: 'gateway' }> | Scenario['gateway'] =>
      !('do' in a) || a.do === 'gateway',
  );
  const least = (k: 'maxConnections' | 'workPerSec' | 'thresholdPct'): number =>
    Math.min(...gateways.map((g) => g[k] ?? Infinity));
  const threshold = least('thresholdPct') / 100;
  const switched = sc.actions.flatMap((a) =>
    a.action.do === 'protocol' ? [a.action.protocol] : [],
  );
  let phonesEver = 0;
  for (const g of sc.phones) phonesEver += g.count;
  for (const { action: a } of sc.actions)
    if (a.do === 'spawn') phonesEver += a.count;
    else if (a.do === 'spike') phonesEver += a.connections;
  return {
    durationMs: sc.durationMs,
    switchedRate: Math.max(0, ...switched.map((p) => cyclesPerSec(p, sc.settings))),
    settings: sc.settings,
    acceptPerSec: (least('workPerSec') * threshold) / WORK_UNITS.handshake,
    room: Math.floor(least('maxConnections') * threshold),
    backpressureAlways: gateways.every((g) => g.backpressure !== false),
    retries: [
      sc.retry,
      ...sc.actions.flatMap((a) => (a.action.do === 'retry' ? [a.action.policy] : [])),
    ],
    phonesEver,
  };
}

/** Retry attempts one phone may make within `ms` (the most any policy of the run allows). */
const attemptsWithin = (b: RunBounds, ms: number): number =>
  Math.max(...b.retries.map((p) => expectedAttempts(p, ms)));

/**
 * Events of `count` phones of `protocol` arriving at `atMs`: connecting, their periodic traffic to
 * the end, and the retries while the gateway takes them in. With backpressure and room for every
 * phone, the gateway takes them at its accept rate; counted with a margin of two, plus the one
 * second its load window needs to clear. Otherwise a phone may be refused, or dropped by a crash,
 * until the end of the run.
 */
function arrivalEvents(
  b: RunBounds,
  count: number,
  protocol: ProtocolName,
  flaky: boolean,
  atMs: number,
): number {
  const remainingMs = Math.max(0, b.durationMs - atMs);
  const rate = Math.max(cyclesPerSec(protocol, b.settings), b.switchedRate) * EVENTS_PER_CYCLE;
  const settles = b.backpressureAlways && b.phonesEver <= b.room && b.acceptPerSec > 0;
  const waitMs = settles
    ? Math.min(remainingMs, (2 * count * 1000) / b.acceptPerSec + 1000)
    : remainingMs;
  const perPhone =
    EVENTS_PER_CONNECT +
    (remainingMs / 1000) * (rate + (flaky ? FLAKY_EVENTS_PER_SEC : 0)) +
    attemptsWithin(b, waitMs) * EVENTS_PER_ATTEMPT;
  return count * perPhone;
}

const plural = (n: number, one: string): string =>
  `${n.toLocaleString('en-US')} ${one}${n === 1 ? '' : 's'}`;

/** Each field's events: phone groups, traffic, actions. `actionAt[i]` is action i's index as written. */
export function workItems(sc: Scenario, actionAt: readonly number[]): WorkItem[] {
  const b = runBounds(sc);
  const items: WorkItem[] = [
    {
      field: 'durationSec (the gateway sweeps)',
      events: (sc.durationMs / 1000) * SWEEP_EVENTS_PER_SEC,
    },
  ];
  sc.phones.forEach((g, i) =>
    items.push({
      field: `phones[${i}] (${plural(g.count, g.protocol + ' phone')})`,
      events: arrivalEvents(b, g.count, g.protocol, g.link === 'flaky', 0),
    }),
  );
  const t = sc.traffic;
  if (t && t.perMinute > 0) {
    const streams = t.perGroup ? t.groups.length : 1;
    const minutes = Math.max(0, Math.min(t.untilMs, sc.durationMs) - t.fromMs) / 60_000;
    items.push({
      field: `traffic (${t.perMinute.toLocaleString('en-US')} messages a minute${t.perGroup ? ' per group' : ''})`,
      events: t.perMinute * streams * minutes * EVENTS_PER_MESSAGE,
    });
  }
  sc.actions.forEach(({ atMs, action: a }, i) => {
    const field = `actions[${actionAt[i] ?? i}]`;
    const remainingSec = Math.max(0, sc.durationMs - atMs) / 1000;
    switch (a.do) {
      case 'spike':
        items.push({
          field: `${field} (a spike of ${plural(a.connections, 'phone')})`,
          events:
            arrivalEvents(b, a.connections, a.protocol, false, atMs) +
            a.connections * a.messagesEach * EVENTS_PER_MESSAGE,
        });
        return;
      case 'spawn':
        items.push({
          field: `${field} (a spawn of ${plural(a.count, 'phone')})`,
          events: arrivalEvents(b, a.count, a.protocol, a.link === 'flaky', atMs),
        });
        return;
      case 'crash': {
        const restart = Math.min(sc.gateway.restartMs, remainingSec * 1000);
        items.push({
          field: `${field} (a crash that drops ${plural(b.phonesEver, 'phone')})`,
          events:
            b.phonesEver *
            (EVENTS_PER_CONNECT + attemptsWithin(b, restart + 1000) * EVENTS_PER_ATTEMPT),
        });
        return;
      }
      case 'protocol': {
        const phones = a.user === 'all' ? b.phonesEver : 1;
        items.push({ field: `${field} (a protocol switch)`, events: phones * EVENTS_PER_CONNECT });
        return;
      }
      case 'link':
        items.push({
          field: `${field} (a link change)`,
          events: EVENTS_PER_CONNECT + remainingSec * FLAKY_EVENTS_PER_SEC,
        });
        return;
      case 'send':
        items.push({ field: `${field} (a message)`, events: EVENTS_PER_MESSAGE });
        return;
      default:
        items.push({ field: `${field} (${a.do})`, events: EVENTS_PER_CONNECT });
    }
  });
  return items;
}

/** The estimate: the total and the field that costs most. */
export function estimateWork(sc: Scenario, actionAt: readonly number[] = []): WorkEstimate {
  const items = workItems(sc, actionAt);
  let total = 0;
  let costliest = items[0]!;
  for (const it of items) {
    total += it.events;
    if (it.events > costliest.events) costliest = it;
  }
  return { total, costliest };
}

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** `4.1×10⁹` (or `1,234` below ten thousand): an estimate's order of magnitude at a glance. */
export function roughly(n: number): string {
  if (!Number.isFinite(n)) return '∞';
  if (n < 10_000) return Math.round(n).toLocaleString('en-US');
  let exp = Math.floor(Math.log10(n));
  let mantissa = Math.round((n / 10 ** exp) * 10) / 10;
  if (mantissa >= 10) {
    mantissa = 1;
    exp++;
  }
  const power = `10${[...String(exp)].map((d) => SUPERSCRIPT[Number(d)]).join('')}`;
  return `${mantissa}×${power}`;
}

/** The error for a scenario over the budget, or undefined. */
export function workBudgetError(sc: Scenario, actionAt: readonly number[]): string | undefined {
  const { total, costliest } = estimateWork(sc, actionAt);
  const max = LIMITS.maxWorkEvents;
  if (total <= max) return undefined;
  const limit = `a run may ask for at most ${roughly(max)} (LIMITS.maxWorkEvents)`;
  if (costliest.events > max)
    return `${costliest.field} asks for ~${roughly(costliest.events)} events; ${limit}`;
  return `the scenario asks for ~${roughly(total)} events, most for ${costliest.field}: ~${roughly(costliest.events)}; ${limit}`;
}

/**
 * The error for phones that would pass LIMITS.maxPhones once every spawn and spike has run (the
 * fleet would refuse that spawn mid-run; refusing the scenario says so before it starts).
 */
export function phoneCountError(sc: Scenario, actionAt: readonly number[]): string | undefined {
  let phones = sc.phones.reduce((n, g) => n + g.count, 0);
  for (const [i, { action: a }] of sc.actions.entries()) {
    const more = a.do === 'spawn' ? a.count : a.do === 'spike' ? a.connections : 0;
    phones += more;
    if (more > 0 && phones > LIMITS.maxPhones)
      return `actions[${actionAt[i] ?? i}] (a ${a.do} of ${plural(more, 'phone')}) brings the run to ${plural(phones, 'phone')}; a run may have at most ${LIMITS.maxPhones.toLocaleString('en-US')} (LIMITS.maxPhones)`;
  }
  return undefined;
}
