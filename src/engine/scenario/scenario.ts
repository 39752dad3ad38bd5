import type { GatewayConfig } from '../model/gateway-config';
import type { ProtocolName } from '../model/protocols';
import type { LinkQuality } from '../model/link-quality';
import type { ProtocolSettings } from '../protocols/transport';
import type { RetryPolicy } from '../model/retry-policy';
import type { InputAction } from '../model/messages';
import type { TrafficPlan } from '../phone/fleet';

/**
 * A scenario as written in JSON (README "Scenario format"). Times are in seconds; users are
 * named (`"alice"`) or numbered (`"u3"`, `3`) in spawn order from 1.
 */
export interface ScenarioFile {
  name: string;
  description?: string;
  seed: number;
  durationSec: number;
  /** End-to-end encryption of message bodies (default true). */
  encryption?: boolean;
  gateway?: {
    maxConnections?: number;
    workPerSec?: number;
    backpressure?: boolean;
    thresholdPct?: number;
    restartSec?: number;
  };
  retry?: RetryPolicy;
  protocolSettings?: {
    shortPollIntervalSec?: number;
    longPollHoldSec?: number;
    wsPingIntervalSec?: number;
    wsPingTimeoutSec?: number;
    mqttKeepAliveSec?: number;
    mqttQos?: 0 | 1;
  };
  phones: {
    count: number;
    protocol: ProtocolName;
    link?: LinkQuality;
    online?: boolean;
    names?: string[];
  }[];
  /** Background chatter between random pairs of the initial phones. */
  traffic?: {
    messagesPerMinute: number;
    bodyBytes?: number;
    fromSec?: number;
    untilSec?: number;
    perGroup?: boolean;
  };
  actions?: ({ at: number } & Record<string, unknown>)[];
}

/** A validated scenario with defaults filled, users resolved to numbers and times in ms. */
export interface Scenario {
  readonly name: string;
  readonly description: string;
  readonly seed: number;
  readonly durationMs: number;
  readonly encryption: boolean;
  readonly gateway: GatewayConfig;
  readonly retry: RetryPolicy;
  readonly settings: ProtocolSettings;
  /** Spawns of the initial phones, at time 0. */
  readonly phones: readonly Extract<InputAction, { do: 'spawn' }>[];
  readonly traffic: TrafficPlan | undefined;
  readonly actions: readonly TimedAction[];
  /** Display names of users, by number (1-based), where the scenario named them. */
  readonly names: ReadonlyMap<number, string>;
}

export interface TimedAction {
  readonly atMs: number;
  readonly action: InputAction;
}
