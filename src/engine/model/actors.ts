/** Kernel ids of the simulation's actors, and the names the trace and the UI show for them. */
export const ACTOR = {
  /** The input log: the learner's and the scenario's actions enter the run from here. */
  input: 0,
  gateway: 1,
  sessions: 2,
  store: 3,
  /** The phones' host: spawns phones, numbers messages, routes inputs to phones. */
  fleet: 4,
} as const;

/** Phones are actors PHONE_BASE + userId; users are numbered from 1. */
export const PHONE_BASE = 16;

export const phoneActor = (user: number): number => PHONE_BASE + user;
export const userOfActor = (actor: number): number => actor - PHONE_BASE;
export const isPhoneActor = (actor: number): boolean => actor >= PHONE_BASE;

/** The display name of an actor: `gateway`, `sessions`, `store`, `u12`. */
export function actorName(actor: number): string {
  switch (actor) {
    case ACTOR.input:
      return 'input';
    case ACTOR.gateway:
      return 'gateway';
    case ACTOR.sessions:
      return 'sessions';
    case ACTOR.store:
      return 'store';
    case ACTOR.fleet:
      return 'phones';
    default:
      return `u${userOfActor(actor)}`;
  }
}
