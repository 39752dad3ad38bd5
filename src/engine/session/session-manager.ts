import type { Actor, ActorContext } from '../kernel/kernel';
import type { ProtocolName } from '../model/protocols';
import { DATACENTER_MS } from '../model/latency';
import { ACTOR } from '../model/actors';
import type { SimMessage } from '../model/messages';

const NEVER = -1;

/** What the session manager knows of one user. */
export interface Presence {
  online: boolean;
  conn: number;
  proto: ProtocolName | undefined;
  /** Virtual time the user was last seen connecting or leaving. */
  lastSeenMs: number;
}

/**
 * The session manager: who is online, on which connection, and when each user was last seen.
 * It answers the gateway's "is user B online?" and nothing else; it holds no messages. Users are
 * numbered densely, so what it knows sits in one array per field, indexed by user (a million
 * users cost a few numbers each, not an object and a map entry).
 */
export class SessionManager implements Actor<SimMessage> {
  /** 1 online, 0 offline, NEVER never registered. */
  private readonly onlineOf: number[] = [];
  private readonly connOf: number[] = [];
  private readonly protoOf: (ProtocolName | undefined)[] = [];
  private readonly lastSeenOf: number[] = [];
  onlineCount = 0;

  /** Users register in any order: fill up to theirs, so the arrays stay dense (never sparse). */
  private reach(user: number): void {
    while (this.onlineOf.length <= user) {
      this.onlineOf.push(NEVER);
      this.connOf.push(0);
      this.protoOf.push(undefined);
      this.lastSeenOf.push(0);
    }
  }

  /** What is known of `user` (undefined: never registered). */
  presence(user: number): Presence | undefined {
    const online = this.onlineOf[user];
    if (online === undefined || online === NEVER) return undefined;
    return {
      online: online === 1,
      conn: this.connOf[user]!,
      proto: this.protoOf[user],
      lastSeenMs: this.lastSeenOf[user]!,
    };
  }

  handle(m: SimMessage, ctx: ActorContext<SimMessage>): void {
    switch (m.type) {
      case 'sm.register': {
        this.reach(m.user);
        if (this.onlineOf[m.user] !== 1) this.onlineCount++;
        this.onlineOf[m.user] = 1;
        this.connOf[m.user] = m.conn;
        this.protoOf[m.user] = m.proto;
        this.lastSeenOf[m.user] = ctx.now;
        return;
      }
      case 'sm.unregister': {
        // A late goodbye from an older connection must not sign out the newer one.
        if (this.onlineOf[m.user] === 1 && this.connOf[m.user] === m.conn) {
          this.onlineOf[m.user] = 0;
          this.lastSeenOf[m.user] = ctx.now;
          this.onlineCount--;
        }
        return;
      }
      case 'sm.lookup': {
        const online = this.onlineOf[m.user] === 1;
        ctx.sendAt(
          ACTOR.gateway,
          {
            type: 'sm.result',
            req: m.req,
            user: m.user,
            online,
            conn: this.connOf[m.user] ?? 0,
            epoch: m.epoch,
          },
          ctx.now + DATACENTER_MS,
        );
        return;
      }
      case 'sm.gateway-down':
        for (let u = 0; u < this.onlineOf.length; u++) {
          if (this.onlineOf[u] === 1) {
            this.onlineOf[u] = 0;
            this.lastSeenOf[u] = ctx.now;
          }
        }
        this.onlineCount = 0;
        return;
      default:
        return;
    }
  }
}
