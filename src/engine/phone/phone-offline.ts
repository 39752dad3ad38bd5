import { ACTOR } from '../model/actors';
import type { OfflineHow, SimMessage } from '../model/messages';
import { downlinkArrival, uplinkArrival } from '../net/mobile-link';
import { LTE_PROFILE } from '../radio/lte-profile';
import { pagingOffsetMs } from '../radio/paging-offset';
import { pagingOccasionAwaited, radioActivity, radioPaged } from '../radio/radio-model';
import { PhoneConnection } from './phone-connection';

/** The trace note of a phone the learner took offline by closing its app. */
export const CLOSED_APP_NOTE = 'went offline';
/** The trace note of a phone whose signal the learner took away. */
export const LOST_SIGNAL_NOTE = 'lost signal: the gateway is not told';
/** The trace note of data waiting for an idle radio's paging occasion. */
export const PAGING_NOTE = `radio idle: waits for its paging occasion, then the ${LTE_PROFILE.promotionMs / 1000} s promotion`;

/**
 * The two ways a phone goes offline, and coming back. Closing the app is clean: the protocol's
 * goodbye goes out (DISCONNECT, a close frame, a last request), or TCP's FIN when the connection
 * is still being set up and no goodbye can be said yet, so the gateway lets go at once. Losing
 * signal is silent: the radio link is gone, nothing leaves the phone, nothing reaches it, and the
 * gateway keeps a half-open connection until its keep-alive, ping or held poll runs out (or the
 * phone comes back on a new connection). What it pushes meanwhile is never acknowledged, so it
 * goes back to the store when the gateway lets go, and is delivered once the phone returns.
 * What does reach the phone from its cell, with signal, comes in through `onTower` here.
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

  /**
   * Bytes reached the phone's cell tower. Without signal (or network) they never arrive: the
   * gateway's send already shows as a hop. Otherwise an idle radio is paged at its next paging
   * occasion and promotes (a connected one takes them at once), then the link carries them down.
   */
  protected onTower(m: Extract<SimMessage, { type: 'down' }>): void {
    if (this.signalLost || !this.linkUp) return;
    const now = this.ctx.now;
    const offsetMs = pagingOffsetMs(this.user, LTE_PROFILE.pagingCycleMs);
    const untilConnectedMs = radioPaged(this, LTE_PROFILE, now, offsetMs);
    const occasionMs = pagingOccasionAwaited(this, LTE_PROFILE, now);
    if (occasionMs > now)
      this.ctx.emit(
        now,
        'paging',
        this.actor,
        this.actor,
        m.msg,
        0,
        0,
        occasionMs,
        this.proto,
        PAGING_NOTE,
      );
    const at = downlinkArrival(this, now, untilConnectedMs, this.rng);
    this.ctx.sendAt(
      this.actor,
      { type: 'deliver', conn: m.conn, chunks: m.chunks, close: m.close, proto: m.proto },
      at,
    );
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
