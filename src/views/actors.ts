/** What a learner reads for an actor of the trace (the actor-id table itself comes from the bridge). */
import { ACTOR, userOfActor } from '../bridge/vocabulary';

/** Names of users the page knows (from the snapshot), by user number. */
export type NameBook = ReadonlyMap<number, string>;

/** The label a learner reads for an actor: `Gateway`, `Session Manager`, `alice`, `u25`. */
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
    case ACTOR.fleet:
      return 'Phones';
    default: {
      const user = userOfActor(actor);
      return names.get(user) ?? `u${user}`;
    }
  }
}
