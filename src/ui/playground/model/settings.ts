import type { ProtocolName, RetryPolicy } from '../../../bridge/playground-api';
import { playgroundScenario, type PlaygroundChoices } from '../../../bridge/run-record';
import type { ScenarioFile } from '../../../bridge/playground-api';

/** The choices the controls offer, in the order they show them. */
export const PROTOCOL_OPTIONS: readonly { value: ProtocolName; label: string }[] = [
  { value: 'short-poll', label: 'HTTP short polling' },
  { value: 'long-poll', label: 'HTTP long polling' },
  { value: 'websocket', label: 'WebSocket' },
  { value: 'mqtt', label: 'MQTT' },
];

export const PROTOCOL_SHORT: Readonly<Record<ProtocolName, string>> = {
  'short-poll': 'Short poll',
  'long-poll': 'Long poll',
  websocket: 'WebSocket',
  mqtt: 'MQTT',
};

export const SPAWN_COUNTS = [1, 2, 10, 100, 1_000, 10_000] as const;
export const SPEEDS = [0.1, 0.25, 0.5, 1, 2, 5, 10, 100, 1000] as const;

/**
 * Retry policies the learner picks between: the design note's 1–5 s jitter and the policies
 * Brooker's "Exponential Backoff and Jitter" (AWS Architecture Blog, 2015; FACTS §6.1) compares.
 * The exponential ones share base 500 ms and cap 30 s so they differ only in their jitter.
 */
export const RETRY_PRESETS = {
  immediate: { label: 'Immediate retry', policy: { kind: 'immediate' } },
  fixed: { label: 'No jitter (retry after 1 s)', policy: { kind: 'fixed', delayMs: 1000 } },
  jitter: { label: 'Jitter 1–5 s', policy: { kind: 'jitter', minMs: 1000, maxMs: 5000 } },
  'exponential-none': {
    label: 'Exponential backoff, no jitter',
    policy: { kind: 'exponential', baseMs: 500, capMs: 30_000, jitter: 'none' },
  },
  exponential: {
    label: 'Exponential backoff, full jitter',
    policy: { kind: 'exponential', baseMs: 500, capMs: 30_000 },
  },
  'exponential-equal': {
    label: 'Exponential backoff, equal jitter',
    policy: { kind: 'exponential', baseMs: 500, capMs: 30_000, jitter: 'equal' },
  },
  decorrelated: {
    label: 'Decorrelated jitter',
    policy: { kind: 'decorrelated', baseMs: 500, capMs: 30_000 },
  },
} as const satisfies Record<string, { label: string; policy: RetryPolicy }>;
export type RetryPreset = keyof typeof RETRY_PRESETS;

/** What a reset starts from: the seed and the switches that belong to the scenario itself. */
export interface RunSettings {
  readonly seed: number;
  readonly encryption: boolean;
  readonly protocol: ProtocolName;
  readonly retry: RetryPreset;
}

export const DEFAULT_SETTINGS: RunSettings = {
  seed: 1,
  encryption: true,
  protocol: 'mqtt',
  retry: 'jitter',
};

/** The preset whose policy the run has now (a scenario file may set another: undefined then). */
export function presetOf(policy: RetryPolicy | undefined): RetryPreset | undefined {
  if (!policy) return undefined;
  const same = (a: RetryPolicy): boolean => JSON.stringify(a) === JSON.stringify(policy);
  return (Object.keys(RETRY_PRESETS) as RetryPreset[]).find((k) => same(RETRY_PRESETS[k].policy));
}

/** The run a reset loads, from the Run panel's choices (the bridge builds it). */
export const scenarioFor = (s: RunSettings): ScenarioFile =>
  playgroundScenario({ ...s, retry: RETRY_PRESETS[s.retry].policy } satisfies PlaygroundChoices);
