import { DATACENTER_MS } from '../model/latency';
import type { Actor, ActorContext } from '../kernel/kernel';
import { LIMITS } from '../kernel/limits';
import { ACTOR } from '../model/actors';
import type { SimMessage, StoredItem } from '../model/messages';
import type { EphemeralStore } from './ephemeral-store';

/** A write the host must make durable (the browser's store worker writes it to IndexedDB). */
export type PersistOp =
  { op: 'put'; item: StoredItem } | { op: 'delete'; user: number; key: string };

/** The store as an actor: puts, fetches in batches, deletes after acks. */
export class StoreActor implements Actor<SimMessage> {
  /** Items ever stored and deleted, for the metrics. */
  storedTotal = 0;
  deletedTotal = 0;

  constructor(
    readonly store: EphemeralStore,
    private readonly persist?: (op: PersistOp) => void,
  ) {}

  handle(m: SimMessage, ctx: ActorContext<SimMessage>): void {
    switch (m.type) {
      case 'store.put': {
        const item = this.store.put({
          recipient: m.recipient,
          key: m.key,
          msg: m.msg,
          envelope: m.envelope,
        });
        if (item) {
          this.storedTotal++;
          this.persist?.({ op: 'put', item });
        }
        return;
      }
      case 'store.fetch': {
        const { items, more } = this.store.fetch(m.user, m.afterSeq, LIMITS.storeFetchBatch);
        ctx.sendAt(
          ACTOR.gateway,
          { type: 'store.batch', user: m.user, items, more, epoch: m.epoch, conn: m.conn },
          ctx.now + DATACENTER_MS,
        );
        return;
      }
      case 'store.delete':
        if (this.store.delete(m.user, m.key)) {
          this.deletedTotal++;
          this.persist?.({ op: 'delete', user: m.user, key: m.key });
        }
        return;
      default:
        return;
    }
  }
}
