import { chatSender, deliveryKey, encodeEnvelope, type Envelope } from '../chat/envelope';
import type { TraceKind } from '../kernel/trace';
import { ACTOR, phoneActor } from '../model/actors';
import { DATACENTER_MS } from '../model/latency';
import type { SimMessage, StoredItem } from '../model/messages';
import type { ProtocolName } from '../model/protocols';
import {
  CONN_OPEN,
  takeInflight,
  type Delivery,
  type GatewayConnection,
} from '../protocols/server-connection';
import type { GatewayPort } from '../protocols/server-transport';
import type { ConnectionTable } from './connection-table';
import { WORK_UNITS } from './load-meter';
import { PendingLookups } from './routing-state';
import { serverProtocol } from './server-protocols';

const NOTHING_WAITING: readonly Delivery[] = [];

/** What the router needs from the gateway that owns it. */
export interface RouterHost {
  readonly conns: ConnectionTable;
  readonly epoch: number;
  readonly crashed: boolean;
  readonly now: number;
  readonly bodiesEncrypted: boolean;
  readonly port: GatewayPort;
  charge(units: number): void;
  /** Sends `m` to a datacenter actor (session manager, store). */
  dc(to: number, m: SimMessage): void;
  trace(
    kind: TraceKind,
    from: number,
    to: number,
    msg: number,
    bytes: number,
    arriveAtMs: number,
    note?: string,
    proto?: ProtocolName,
  ): void;
  malformed(c: GatewayConnection, reason: string): void;
}

/**
 * The gateway's routing: it acks what phones send, asks the session manager where the recipient
 * is, then pushes or stores; it drains the store into a connection that has just opened. It is a
 * router, not a librarian: nothing stays here once the recipient has acked it.
 */
export class Router {
  private readonly lookups = new PendingLookups();

  constructor(private readonly host: RouterHost) {}

  /** Chat ids waiting for a routing answer. */
  chatIds(): number[] {
    return this.lookups.chatIds();
  }

  clear(): void {
    this.lookups.clear();
  }

  envelope(c: GatewayConnection, env: Envelope, bytes?: Uint8Array): boolean {
    const h = this.host;
    if (c.state !== CONN_OPEN) return false;
    h.charge(WORK_UNITS.message);
    if (env.kind === 'chat') {
      if (env.from !== c.user) {
        h.malformed(c, `chat ${env.msg} claims to be from u${env.from} on u${c.user}'s connection`);
        return false;
      }
      // What the gateway could read: with end-to-end encryption, only the routing header.
      h.trace(
        'accepted',
        phoneActor(c.user),
        ACTOR.gateway,
        env.msg,
        0,
        h.now,
        h.bodiesEncrypted
          ? '✓ body is ciphertext: unreadable here'
          : '✓ body is plaintext: readable here',
        c.proto,
      );
      // A router forwards what it was given; it re-encodes only when the transport batched envelopes.
      this.route(env.to, `c${env.msg}`, env.msg, bytes ?? encodeEnvelope(env));
      return true;
    }
    if (env.kind === 'read') {
      const receipt: Envelope = {
        kind: 'receipt',
        msg: env.msg,
        status: 'read',
        by: c.user,
        to: env.from,
      };
      this.route(env.from, deliveryKey(receipt)!, env.msg, encodeEnvelope(receipt));
      return true;
    }
    return false;
  }

  deviceAck(c: GatewayConnection, key: string): void {
    const h = this.host;
    const d = takeInflight(c, (x) => x.key === key);
    if (d === undefined) return; // an ack for something already settled
    h.trace('acked', phoneActor(c.user), ACTOR.gateway, d.msg, 0, h.now, key, c.proto);
    if (d.fromStore) {
      h.dc(ACTOR.store, { type: 'store.delete', user: c.user, key });
      h.trace('deleted', ACTOR.gateway, ACTOR.store, d.msg, 0, h.now + DATACENTER_MS, key);
    }
    const sender = key.startsWith('c') ? chatSender(d.envelope) : undefined;
    if (sender !== undefined) {
      const receipt: Envelope = {
        kind: 'receipt',
        msg: d.msg,
        status: 'delivered',
        by: c.user,
        to: sender,
      };
      this.route(sender, deliveryKey(receipt)!, d.msg, encodeEnvelope(receipt));
    }
  }

  private route(recipient: number, key: string, msg: number, envelope: Uint8Array): void {
    const req = this.lookups.add({ recipient, key, msg, envelope });
    this.host.dc(ACTOR.sessions, {
      type: 'sm.lookup',
      req,
      user: recipient,
      epoch: this.host.epoch,
    });
  }

  onLookupResult(req: number, epoch: number): void {
    const h = this.host;
    if (epoch !== h.epoch || h.crashed) return;
    const l = this.lookups.take(req);
    if (l === undefined) return;
    // The session manager answered; the gateway's own table has the final word on a live socket.
    const c = h.conns.get(l.recipient);
    const online = c !== undefined && c.state === CONN_OPEN;
    h.trace(
      'routed',
      ACTOR.sessions,
      ACTOR.gateway,
      l.msg,
      0,
      h.now,
      online ? `u${l.recipient} online` : `u${l.recipient} offline`,
    );
    if (!online) return this.storePut(l.recipient, l.key, l.msg, l.envelope);
    const d: Delivery = { key: l.key, msg: l.msg, envelope: l.envelope, fromStore: false, pid: 0 };
    if (c.syncing) (c.syncHeld ??= []).push(d);
    else this.deliver(c, [d]);
  }

  private deliver(c: GatewayConnection, ds: Delivery[]): void {
    (c.waiting ??= []).push(...ds);
    serverProtocol(c.proto).push(c, this.host.port);
  }

  takeWaiting(c: GatewayConnection): readonly Delivery[] {
    const ds = c.waiting;
    if (ds === undefined) return NOTHING_WAITING;
    c.waiting = undefined;
    if (ds.length) (c.inflight ??= []).push(...ds);
    return ds;
  }

  storePut(recipient: number, key: string, msg: number, envelope: Uint8Array): void {
    const h = this.host;
    h.dc(ACTOR.store, { type: 'store.put', recipient, key, msg, envelope });
    h.trace(
      'stored',
      ACTOR.gateway,
      ACTOR.store,
      key.startsWith('c') ? msg : 0,
      envelope.length,
      h.now + DATACENTER_MS,
      key,
    );
  }

  onStoreBatch(
    user: number,
    conn: number,
    epoch: number,
    items: StoredItem[],
    more: boolean,
  ): void {
    const h = this.host;
    if (epoch !== h.epoch || h.crashed) return;
    const c = h.conns.get(user);
    if (c === undefined || c.conn !== conn || c.state !== CONN_OPEN) return; // still in the store
    let cursor = 0;
    if (items.length) {
      const ds: Delivery[] = [];
      for (const it of items) {
        h.trace(
          'fetched',
          ACTOR.store,
          ACTOR.gateway,
          it.key.startsWith('c') ? it.msg : 0,
          it.envelope.length,
          h.now,
          it.key,
        );
        ds.push({ key: it.key, msg: it.msg, envelope: it.envelope, fromStore: true, pid: 0 });
        cursor = it.seq;
      }
      this.deliver(c, ds);
    }
    if (more) {
      h.dc(ACTOR.store, { type: 'store.fetch', user, afterSeq: cursor, epoch: h.epoch, conn });
      return;
    }
    c.syncing = false;
    const held = c.syncHeld;
    c.syncHeld = undefined;
    if (held?.length) this.deliver(c, held);
    else serverProtocol(c.proto).push(c, this.host.port);
  }
}
