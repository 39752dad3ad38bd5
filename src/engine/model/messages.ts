import type { ProtocolName } from './protocols';
import type { LinkQuality } from './link-quality';
import type { RetryPolicy } from './retry-policy';

/**
 * Two ways a phone goes offline. `close`: the app closes its connection and the gateway knows at
 * once (a goodbye, or TCP's FIN during set-up). `lose-signal`: the radio link goes away and
 * nothing reaches the gateway, which keeps a half-open connection until a keep-alive, a ping or a
 * held poll runs out. Absent means `close`.
 */
export const OFFLINE_HOWS = ['close', 'lose-signal'] as const;
export type OfflineHow = (typeof OFFLINE_HOWS)[number];

/** A learner's or a scenario's action. Users are numbers here; scenarios may name them. */
export type InputAction =
  | {
      do: 'spawn';
      count: number;
      protocol: ProtocolName;
      link?: LinkQuality;
      online?: boolean;
      names?: string[];
    }
  | { do: 'send'; from: number; to: number; text: string }
  | { do: 'offline'; user: number; how?: OfflineHow }
  | { do: 'online'; user: number }
  | { do: 'open'; user: number; chat: number }
  | { do: 'link'; user: number; quality: LinkQuality }
  | { do: 'protocol'; user: number | 'all'; protocol: ProtocolName }
  | {
      do: 'spike';
      connections: number;
      withinMs: number;
      protocol: ProtocolName;
      messagesEach: number;
    }
  | { do: 'crash' }
  | {
      do: 'gateway';
      maxConnections?: number;
      workPerSec?: number;
      backpressure?: boolean;
      thresholdPct?: number;
    }
  | { do: 'retry'; policy: RetryPolicy };

/** A record the ephemeral store keeps for a recipient: one delivery, as opaque bytes. */
export interface StoredItem {
  readonly recipient: number;
  /** `c12` for chat 12, `d12` / `r12` for its ✓✓ and read receipts. */
  readonly key: string;
  readonly msg: number;
  /** The envelope exactly as it will be delivered (ciphertext body when E2E is on). */
  readonly envelope: Uint8Array;
  /** Store-assigned order, per store; fetches resume after a cursor. */
  readonly seq: number;
}

/** Everything that moves between actors. */
export type SimMessage =
  // phone ⇄ gateway, over the mobile link. An `up` with no chunks is the phone's TCP FIN: it
  // closed the connection before the protocol could say goodbye (during set-up).
  | { type: 'up'; user: number; conn: number; proto: ProtocolName; chunks: readonly Uint8Array[] }
  | {
      type: 'down';
      conn: number;
      chunks: readonly Uint8Array[];
      close?: string;
      proto?: ProtocolName;
      /** The chat these bytes are about (as the gateway's trace names it), or 0. */
      msg: number;
    }
  | {
      type: 'deliver';
      conn: number;
      chunks: readonly Uint8Array[];
      close?: string;
      proto?: ProtocolName;
    }
  // gateway ⇄ session manager
  | { type: 'sm.register'; user: number; conn: number; proto: ProtocolName; epoch: number }
  | { type: 'sm.unregister'; user: number; conn: number; epoch: number }
  | { type: 'sm.lookup'; req: number; user: number; epoch: number }
  | { type: 'sm.result'; req: number; user: number; online: boolean; conn: number; epoch: number }
  | { type: 'sm.gateway-down'; epoch: number }
  // gateway ⇄ ephemeral store
  | { type: 'store.put'; recipient: number; key: string; msg: number; envelope: Uint8Array }
  | { type: 'store.fetch'; user: number; afterSeq: number; epoch: number; conn: number }
  | {
      type: 'store.batch';
      user: number;
      items: StoredItem[];
      more: boolean;
      epoch: number;
      conn: number;
    }
  | { type: 'store.delete'; user: number; key: string }
  // timers and inputs
  | { type: 'timer'; name: string; conn: number; gen: number }
  | { type: 'input'; action: InputAction; msg?: number };
