import { ACTOR } from '../model/actors';
import type { OfflineHow, SimMessage } from '../model/messages';
import { uplinkArrival } from '../net/mobile-link';
import { LTE_PROFILE } from '../radio/lte-profile';
import { radioActivity } from '../radio/radio-model';
import { PhoneConnection } from './phone-connection';

/** The trace note of a phone the learner took offline by closing its app. */
export const CLOSED_APP_NOTE = 'went offline';
/** The trace note of a phone whose signal the learner took away. */
export const LOST_SIGNAL_NOTE = 'lost signal: the gateway is not told';

/**
 * The two ways a phone goes offline, and coming back. Closing the app is clean: the protocol's
 * goodbye goes out (DISCONNECT, a close frame, a last request), or TCP's FIN when the connection
 * is still being set up and no goodbye can be said yet, so the gateway lets go at once. Losing
 * signal is silent: the radio link is gone, nothing leaves the phone, nothing reaches it, and the
 * gateway keeps a half-open connection until its keep-alive, ping or held poll runs out (or the
 * phone comes back on a new connection). What it pushes meanwhile is never acknowledged, so it
 * goes back to the store when the gateway lets go, and is delivered once the phone returns.
 */
export abstract class PhoneOffline extends PhoneConnection {
  /** The learner took the signal away: the radio link is gone until the phone comes back. */
  signalLost = false;

  protected goOffline(how: OfflineHow): void {
    this.wantOnline = false;
    if (how === 'lose-signal') {
      this.signalLost = true;
      if (this.transport) this.local('disconnect', this.actor, this.actor, 0, LOST_SIGNAL_NOTE);
      this.disconnect(false);
    } else {
      if (this.transport) {
        this.local('disconnect', this.actor, this.actor, 0, CLOSED_APP_NOTE);
        if (this.status === 'connecting') this.finish();
      }
      this.disconnect(true);
    }
    this.status = 'offline';
  }

  /** The learner brings the phone back: with its signal, if it had lost it. */
  protected comeOnline(): void {
    if (this.wantOnline && this.status !== 'gave-up') return;
    this.signalLost = false;
    this.wantOnline = true;
    this.attempt = 0;
    if (this.transport === undefined) this.connect();
  }

  /** Bytes reach the tower for a phone without signal: they never arrive. */
  protected override onTower(m: Extract<SimMessage, { type: 'down' }>): void {
    if (this.signalLost) return;
    super.onTower(m);
  }

  /**
   * TCP's FIN on the connection being set up: the gateway drops it as soon as it arrives (after
   * the handshake bytes already on their way: the link keeps order). No payload, so 0 bytes, as
   * the trace counts no TCP segment elsewhere either.
   */
  private finish(): void {
    if (!this.linkUp) return;
    const promotionMs = radioActivity(this, LTE_PROFILE, this.ctx.now);
    const at = uplinkArrival(this, this.ctx.now, promotionMs, this.rng);
    this.hop('disconnect', 0, 0, at, 0, 'TCP FIN: the app closed during set-up');
    this.ctx.sendAt(
      ACTOR.gateway,
      { type: 'up', user: this.user, conn: this.conn, proto: this.proto, chunks: [] },
      at,
    );
  }
}
