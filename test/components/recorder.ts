/**
 * One recording context for every component's unit tests: inputs go in, and what the component
 * did comes out as data — messages sent (with their arrival times), trace events, and calls on
 * the port a protocol's client or server is given. A failure then names the component and the
 * effect, not "the simulation".
 */
import type { ActorContext } from '../../src/engine/kernel/kernel';
import { createRng, type Rng } from '../../src/engine/kernel/rng';
import { traceEvent, type TraceEvent } from '../../src/engine/kernel/trace';
import type { SimMessage } from '../../src/engine/model/messages';
import {
  CONN_CLOSED,
  CONN_OPEN,
  type Delivery,
  type GatewayConnection,
} from '../../src/engine/protocols/server-connection';
import type { GatewayPort } from '../../src/engine/protocols/server-transport';
import { DEFAULT_PROTOCOL_SETTINGS } from '../../src/engine/protocols/protocol-settings';
import type { ClientPort, ProtocolSettings, WireMeta } from '../../src/engine/protocols/transport';

/** A message an actor sent, and when it arrives. */
export interface Sent {
  readonly to: number;
  readonly msg: SimMessage;
  readonly atMs: number;
}

/** A call a protocol made on its port, by method name, with its arguments. */
export interface PortCall {
  readonly name: string;
  readonly args: readonly unknown[];
}

/** What a component did, in the order it did it. */
export class Recorder {
  now = 0;
  readonly sent: Sent[] = [];
  readonly trace: TraceEvent[] = [];
  readonly calls: PortCall[] = [];

  /** Everything recorded so far, then forgotten: the effects of the last step alone. */
  take(): { sent: Sent[]; trace: TraceEvent[]; calls: PortCall[] } {
    const out = { sent: [...this.sent], trace: [...this.trace], calls: [...this.calls] };
    this.sent.length = 0;
    this.trace.length = 0;
    this.calls.length = 0;
    return out;
  }

  /** The messages of one type that were sent, narrowed to that type. */
  sentOf<T extends SimMessage['type']>(
    type: T,
  ): (Sent & { msg: Extract<SimMessage, { type: T }> })[] {
    return this.sent.filter((s) => s.msg.type === type) as (Sent & {
      msg: Extract<SimMessage, { type: T }>;
    })[];
  }

  /** The calls of one port method, by name. */
  callsOf(name: string): PortCall[] {
    return this.calls.filter((c) => c.name === name);
  }

  /** The actor context for the actor `self`, recording into this recorder. */
  context(self: number): ActorContext<SimMessage> {
    const clock = (): number => this.now;
    return {
      get now() {
        return clock();
      },
      self,
      sendAt: (to, msg, atMs) => {
        if (atMs < this.now)
          throw new Error(`actor ${self} sent into the past: ${atMs} < ${this.now}`);
        this.sent.push({ to, msg, atMs });
      },
      trace: (ev) => void this.trace.push(ev),
      emit: (...f) => void this.trace.push(traceEvent(...f)),
    };
  }

  /** A phone's port for a client transport of `user`. */
  clientPort(user: number, opts: ClientPortOptions = {}): ClientPort & { chunks: Uint8Array[][] } {
    const clock = (): number => this.now;
    const chunks: Uint8Array[][] = [];
    const call = (name: string, ...args: unknown[]) => void this.calls.push({ name, args });
    return {
      chunks,
      get now() {
        return clock();
      },
      user,
      rng: opts.rng ?? createRng(user),
      settings: opts.settings ?? { ...DEFAULT_PROTOCOL_SETTINGS },
      lastGatewayEpoch: opts.lastGatewayEpoch ?? 0,
      transmit: (c: readonly Uint8Array[], meta: WireMeta) => {
        chunks.push(c.map((b) => b.slice()));
        call('transmit', meta);
      },
      timer: (name, atMs) => call('timer', name, atMs),
      connected: (sessionPresent, epoch) => call('connected', sessionPresent, epoch),
      refused: (reason) => call('refused', reason),
      closed: (reason) => call('closed', reason),
      received: (env, token) => call('received', env, token),
      acceptedByServer: (msg) => call('acceptedByServer', msg),
      malformed: (reason) => call('malformed', reason),
    };
  }

  /** The gateway's port for a protocol's server side; `admit` refuses with `refuse` if given. */
  gatewayPort(opts: GatewayPortOptions = {}): GatewayPort & { chunks: Uint8Array[][] } {
    const clock = (): number => this.now;
    const chunks: Uint8Array[][] = [];
    const call = (name: string, ...args: unknown[]) => void this.calls.push({ name, args });
    return {
      chunks,
      get now() {
        return clock();
      },
      epoch: opts.epoch ?? 1,
      settings: opts.settings ?? { ...DEFAULT_PROTOCOL_SETTINGS },
      transmit: (_c, c, meta, close) => {
        chunks.push(c.map((b) => b.slice()));
        call('transmit', meta, close);
      },
      admit: (c) => {
        call('admit', c.user);
        return opts.refuse;
      },
      // As the gateway does: an opened connection is open, a closed one closed.
      opened: (c) => {
        c.state = CONN_OPEN;
        call('opened', c.user);
        return opts.sessionPresent ?? false;
      },
      forget: (c) => call('forget', c.user),
      envelope: (c, env) => {
        call('envelope', env);
        return true;
      },
      deviceAck: (c, key) => call('deviceAck', key),
      close: (c, reason, notify) => {
        c.state = CONN_CLOSED;
        call('close', reason, notify);
      },
      malformed: (c, reason) => call('malformed', reason),
      takeWaiting: (c: GatewayConnection): readonly Delivery[] => {
        const taken = c.waiting ?? [];
        c.waiting = undefined;
        c.inflight = [...(c.inflight ?? []), ...taken];
        call('takeWaiting', taken.length);
        return taken;
      },
      recheck: (c, atMs) => call('recheck', atMs),
    };
  }
}

export interface ClientPortOptions {
  readonly rng?: Rng;
  readonly settings?: ProtocolSettings;
  readonly lastGatewayEpoch?: number;
}

export interface GatewayPortOptions {
  readonly epoch?: number;
  readonly settings?: ProtocolSettings;
  readonly refuse?: string;
  readonly sessionPresent?: boolean;
}
