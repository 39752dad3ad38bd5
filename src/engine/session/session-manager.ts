import type { Actor, ActorContext } from '../kernel/kernel';
import type { ProtocolName } from '../kernel/trace';
import { DATACENTER_MS } from '../gateway/gateway-config';
import { ACTOR } from '../sim/actors';
import type { SimMessage } from '../sim/messages';

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
 * It answers the gateway's "is user B online?" and nothing else; it holds no messages.
 */
export class SessionManager implements Actor<SimMessage> {
  readonly presence = new Map<number, Presence>();
  onlineCount = 0;

  handle(m: SimMessage, ctx: ActorContext<SimMessage>): void {
    switch (m.type) {
      case 'sm.register': {
        const p = this.presence.get(m.user);
        if (!p?.online) this.onlineCount++;
        this.presence.set(m.user, { online: true, conn: m.conn, proto: m.proto, lastSeenMs: ctx.now });
        return;
      }
      case 'sm.unregister': {
        const p = this.presence.get(m.user);
        // A late goodbye from an older connection must not sign out the newer one.
        if (p?.online && p.conn === m.conn) {
          p.online = false;
          p.lastSeenMs = ctx.now;
          this.onlineCount--;
        }
        return;
      }
      case 'sm.lookup': {
        const p = this.presence.get(m.user);
        ctx.sendAt(ACTOR.gateway, { type: 'sm.result', req: m.req, user: m.user, online: p?.online ?? false, conn: p?.conn ?? 0, epoch: m.epoch }, ctx.now + DATACENTER_MS);
        return;
      }
      case 'sm.gateway-down':
        for (const p of this.presence.values()) {
          if (p.online) {
            p.online = false;
            p.lastSeenMs = ctx.now;
          }
        }
        this.onlineCount = 0;
        return;
      default:
        return;
    }
  }
}
