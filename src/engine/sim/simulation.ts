import { Gateway } from '../gateway/gateway';
import { Kernel } from '../kernel/kernel';
import { createRng } from '../kernel/rng';
import { TraceHasher } from '../kernel/trace-hash';
import type { TraceSink } from '../kernel/trace';
import { createE2eBodies, PLAINTEXT_BODIES } from '../phone/body-codecs';
import { Fleet } from '../phone/fleet';
import type { Phone } from '../phone/phone';
import type { PhoneEnvironment } from '../phone/phone-environment';
import type { Scenario, TimedAction } from '../scenario/scenario';
import { SessionManager } from '../session/session-manager';
import { MemoryStore, type EphemeralStore } from '../store/ephemeral-store';
import { StoreActor, type PersistOp } from '../store/store-actor';
import { ACTOR } from '../model/actors';
import type { InputAction, SimMessage } from '../model/messages';
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
export const inputTarget = (a: InputAction): number =>
  a.do === 'crash' || a.do === 'gateway' ? ACTOR.gateway : ACTOR.fleet;

/** One message from the input actor: where it goes, when, and what it is. */
export interface ScheduledInput {
  readonly to: number;
  readonly atMs: number;
  readonly msg: SimMessage;
}

/**
 * What a run schedules from the input actor before anything else, in numbering order: the
 * gateway's and the fleet's boot timers, the initial spawns, then the scenario's actions. Every
 * host of a run numbers these 1, 2, 3, … so events keep the same order key everywhere.
 */
export function scenarioInputs(scenario: Scenario): ScheduledInput[] {
  const boot: SimMessage = { type: 'timer', name: 'boot', conn: 0, gen: 0 };
  const out: ScheduledInput[] = [
    { to: ACTOR.gateway, atMs: 0, msg: boot },
    { to: ACTOR.fleet, atMs: 0, msg: { ...boot } },
  ];
  for (const spawn of scenario.phones)
    out.push({ to: ACTOR.fleet, atMs: 0, msg: { type: 'input', action: spawn } });
  for (const a of scenario.actions) out.push(inputMessage(a.action, a.atMs));
  return out;
}

/** A learner's or a scenario's action as the input actor sends it. */
export const inputMessage = (action: InputAction, atMs: number): ScheduledInput => ({
  to: inputTarget(action),
  atMs,
  msg: { type: 'input', action },
});

/** The phones' shared environment of a run (settings, retry policy, body codec from the seed). */
export function createPhoneEnvironment(scenario: Scenario, recordWire: boolean): PhoneEnvironment {
  const rng = createRng(scenario.seed);
  return {
    settings: { ...scenario.settings },
    retry: scenario.retry,
    body: scenario.encryption ? createE2eBodies(rng.fork('e2e')) : PLAINTEXT_BODIES,
    recordWire,
  };
}

/** The run's fleet of phones; `register` puts each new phone on the kernel that runs it. */
export function createFleet(
  scenario: Scenario,
  env: PhoneEnvironment,
  register: (actor: number, phone: Phone) => void,
): Fleet {
  const fleet = new Fleet(createRng(scenario.seed).fork('fleet'), env, register, scenario.traffic);
  for (const [user, name] of scenario.names) fleet.names.set(user, name);
  return fleet;
}

/** What the gateway reads of the run's environment (a host without the phones passes just this). */
export interface GatewayEnvironment {
  readonly settings: PhoneEnvironment['settings'];
  readonly recordWire: boolean;
  /** Whether chat bodies are sealed end to end (the gateway only notes it; it never opens one). */
  readonly body?: { readonly encrypted: boolean };
}

/** The run's gateway, with its own copy of the scenario's capacity settings. */
export const createGateway = (scenario: Scenario, env: GatewayEnvironment): Gateway =>
  new Gateway({ ...scenario.gateway }, env);

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
    this.env = createPhoneEnvironment(scenario, opts.recordWire ?? false);
    const k = this.kernel;
    k.addSink(this.hasher);
    k.addSink(this.metrics);
    for (const s of opts.sinks ?? []) k.addSink(s);
    this.gateway = createGateway(scenario, this.env);
    this.store = new StoreActor(opts.store ?? new MemoryStore(), opts.persist);
    this.fleet = createFleet(scenario, this.env, (id, phone) => k.register(id, phone));
    k.register(ACTOR.gateway, this.gateway);
    k.register(ACTOR.sessions, this.sessions);
    k.register(ACTOR.store, this.store);
    k.register(ACTOR.fleet, this.fleet);
    for (const i of scenarioInputs(scenario)) k.enqueue(ACTOR.input, i.to, i.msg, i.atMs);
  }

  get now(): number {
    return this.kernel.now;
  }

  /** Gives an input at `atMs` (default now), recorded in the input log. */
  input(action: InputAction, atMs = this.kernel.now): void {
    const at = Math.max(atMs, this.kernel.now);
    this.inputLog.push({ atMs: at, action });
    const i = inputMessage(action, at);
    this.kernel.enqueue(ACTOR.input, i.to, i.msg, i.atMs);
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
