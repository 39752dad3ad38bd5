import { Gateway } from '../gateway/gateway';
import { Kernel } from '../kernel/kernel';
import { createRng } from '../kernel/rng';
import { TraceHasher } from '../kernel/trace-hash';
import type { TraceSink } from '../kernel/trace';
import { createE2eBodies, PLAINTEXT_BODIES } from '../phone/body-codecs';
import { Fleet } from '../phone/fleet';
import type { PhoneEnvironment } from '../phone/phone-environment';
import type { Scenario, TimedAction } from '../scenario/scenario';
import { SessionManager } from '../session/session-manager';
import { MemoryStore, type EphemeralStore } from '../store/ephemeral-store';
import { StoreActor, type PersistOp } from '../store/store-actor';
import { ACTOR } from './actors';
import type { InputAction, SimMessage } from './messages';
import { MetricsCollector } from './metrics';

export interface SimulationOptions {
  /** Keep each hop's encoded bytes in the trace (for the inspector). */
  readonly recordWire?: boolean;
  /** Extra trace consumers (a recorder, the page's stream). */
  readonly sinks?: readonly TraceSink[];
  /** Durable writes of the store, for a host that persists them. */
  readonly persist?: (op: PersistOp) => void;
  /** A store restored from durable storage (the browser reloads it from IndexedDB). */
  readonly store?: EphemeralStore;
}

/** Which actor acts on an input. */
export const inputTarget = (a: InputAction): number => (a.do === 'crash' || a.do === 'gateway' ? ACTOR.gateway : ACTOR.fleet);

/**
 * One run, in one thread: the kernel with every component registered, the scenario's phones
 * and actions scheduled, and the trace flowing to the hash and the metrics. A run is the
 * scenario (with its seed) plus the input log.
 */
export class Simulation {
  readonly kernel = new Kernel<SimMessage>();
  readonly hasher = new TraceHasher();
  readonly metrics = new MetricsCollector();
  readonly gateway: Gateway;
  readonly sessions = new SessionManager();
  readonly store: StoreActor;
  readonly fleet: Fleet;
  readonly env: PhoneEnvironment;
  /** Inputs given during the run (the scenario's own actions are not repeated here). */
  readonly inputLog: TimedAction[] = [];

  constructor(
    readonly scenario: Scenario,
    opts: SimulationOptions = {},
  ) {
    const rng = createRng(scenario.seed);
    this.env = {
      settings: { ...scenario.settings },
      retry: scenario.retry,
      body: scenario.encryption ? createE2eBodies(rng.fork('e2e')) : PLAINTEXT_BODIES,
      recordWire: opts.recordWire ?? false,
    };
    const k = this.kernel;
    k.addSink(this.hasher);
    k.addSink(this.metrics);
    for (const s of opts.sinks ?? []) k.addSink(s);
    this.gateway = new Gateway({ ...scenario.gateway }, this.env);
    this.store = new StoreActor(opts.store ?? new MemoryStore(), opts.persist);
    this.fleet = new Fleet(rng.fork('fleet'), this.env, (id, phone) => k.register(id, phone), scenario.traffic);
    for (const [user, name] of scenario.names) this.fleet.names.set(user, name);
    k.register(ACTOR.gateway, this.gateway);
    k.register(ACTOR.sessions, this.sessions);
    k.register(ACTOR.store, this.store);
    k.register(ACTOR.fleet, this.fleet);
    k.enqueue(ACTOR.input, ACTOR.gateway, { type: 'timer', name: 'boot', conn: 0, gen: 0 }, 0);
    k.enqueue(ACTOR.input, ACTOR.fleet, { type: 'timer', name: 'boot', conn: 0, gen: 0 }, 0);
    for (const spawn of scenario.phones) k.enqueue(ACTOR.input, ACTOR.fleet, { type: 'input', action: spawn }, 0);
    for (const a of scenario.actions) k.enqueue(ACTOR.input, inputTarget(a.action), { type: 'input', action: a.action }, a.atMs);
  }

  get now(): number {
    return this.kernel.now;
  }

  /** Gives an input at `atMs` (default now), recorded in the input log. */
  input(action: InputAction, atMs = this.kernel.now): void {
    const at = Math.max(atMs, this.kernel.now);
    this.inputLog.push({ atMs: at, action });
    this.kernel.enqueue(ACTOR.input, inputTarget(action), { type: 'input', action }, at);
  }

  /** Runs every event before `endMs` (or up to and including it). */
  runUntil(endMs: number, inclusive = false): void {
    this.kernel.runUntil(endMs, inclusive);
  }

  /** Runs the scenario to its end. */
  run(): void {
    this.kernel.runUntil(this.scenario.durationMs, true);
  }
}
