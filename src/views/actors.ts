/**
 * Actor ids as the trace names them (the bridge's convention: 1 gateway, 2 sessions, 3 store,
 * 4 the phones' host, 16 + n the phone of user n). The page keeps its own copy: it never imports
 * the engine.
 */
export const ACTOR = { input: 0, gateway: 1, sessions: 2, store: 3, phones: 4 } as const;
export const PHONE_BASE = 16;

export const isPhoneActor = (actor: number): boolean => actor >= PHONE_BASE;
export const userOfActor = (actor: number): number => actor - PHONE_BASE;
export const phoneActor = (user: number): number => PHONE_BASE + user;

/** Names of users the page knows (from the snapshot), by user number. */
export type NameBook = ReadonlyMap<number, string>;

/** The label a learner reads for an actor: `Gateway`, `Session Manager`, `alice`, `u12`. */
export function actorLabel(actor: number, names: NameBook): string {
  switch (actor) {
    case ACTOR.input:
      return 'Input';
    case ACTOR.gateway:
      return 'Gateway';
    case ACTOR.sessions:
      return 'Session Manager';
    case ACTOR.store:
      return 'Temporary Storage';
    case ACTOR.phones:
      return 'Phones';
    default: {
      const user = userOfActor(actor);
      return names.get(user) ?? `u${user}`;
    }
  }
}

/** A user's display name: the one given at spawn, else `u12`. */
export const userLabel = (user: number, names: NameBook): string => names.get(user) ?? `u${user}`;
