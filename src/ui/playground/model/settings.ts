import type { InputAction, ProtocolName, ScenarioFile } from '../../../bridge/playground-api';

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

/** Retry policies the learner picks between (FACTS §6.1; the design note's 1–5 s jitter). */
export const RETRY_PRESETS = {
  fixed: { label: 'No jitter (retry after 1 s)', policy: { kind: 'fixed', delayMs: 1000 } },
  jitter: { label: 'Jitter 1–5 s', policy: { kind: 'jitter', minMs: 1000, maxMs: 5000 } },
  exponential: {
    label: 'Exponential backoff, full jitter',
    policy: { kind: 'exponential', baseMs: 500, capMs: 30_000 },
  },
} as const satisfies Record<
  string,
  { label: string; policy: Extract<InputAction, { do: 'retry' }>['policy'] }
>;
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

/** The longest run the playground allows (the engine's limit): a day of virtual time. */
export const PLAYGROUND_DURATION_SEC = 24 * 3600;

/** The run a reset loads: Alice and Bob, online, on the chosen protocol, at the chosen seed. */
export function playgroundScenario(s: RunSettings): ScenarioFile {
  return {
    name: 'Playground',
    description: 'Alice and Bob are online; spawn more phones, take them offline, send, and watch.',
    seed: s.seed,
    durationSec: PLAYGROUND_DURATION_SEC,
    encryption: s.encryption,
    retry: RETRY_PRESETS[s.retry].policy,
    phones: [{ count: 2, protocol: s.protocol, names: ['alice', 'bob'] }],
  };
}
