/**
 * Which actors live on which host when the engine runs across workers, and the lookahead that
 * lets hosts run a window of virtual time without hearing from each other.
 */
import { DATACENTER_MS } from '../../engine/model/latency';
import { CORE_NETWORK_MS } from '../../engine/model/latency';
import { ACTOR, isPhoneActor } from '../../engine/model/actors';

/** The hosts of a run: one worker each in the app. */
export const HOST_NAMES = ['gateway', 'sessions', 'store', 'phones'] as const;
export type HostName = (typeof HOST_NAMES)[number];

/** Host pairs that exchange events. Everything passes through the gateway: the other pairs never talk. */
export const LINKS: readonly (readonly [HostName, HostName])[] = [
  ['gateway', 'sessions'],
  ['gateway', 'store'],
  ['gateway', 'phones'],
];

/**
 * The smallest delay of any event that crosses hosts: one datacenter hop, or the gateway to the
 * cell tower (a phone's uplink adds its radio latency on top). A window of virtual time no longer
 * than this can run on every host at once, because nothing sent in it arrives before it ends.
 */
export const LOOKAHEAD_MS = Math.min(DATACENTER_MS, CORE_NETWORK_MS);

/**
 * Order-key source of the events the runtime itself injects for faults (a terminated gateway's
 * resets): no actor has this id, so the keys never collide with an actor's own.
 */
export const FAULT_SOURCE = 5;

/** The host that runs `actor`, or undefined for the input actor (it lives with the coordinator). */
export function hostOfActor(actor: number): HostName | undefined {
  if (actor === ACTOR.gateway) return 'gateway';
  if (actor === ACTOR.sessions) return 'sessions';
  if (actor === ACTOR.store) return 'store';
  if (actor === ACTOR.fleet || isPhoneActor(actor)) return 'phones';
  return undefined;
}

/** The hosts `host` exchanges events with. */
export function peersOf(host: HostName): HostName[] {
  const out: HostName[] = [];
  for (const [a, b] of LINKS) {
    if (a === host) out.push(b);
    else if (b === host) out.push(a);
  }
  return out;
}

export const isHostName = (x: unknown): x is HostName =>
  typeof x === 'string' && (HOST_NAMES as readonly string[]).includes(x);
