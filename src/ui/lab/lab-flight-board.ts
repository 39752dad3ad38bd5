/**
 * What the lab diagram animates, kept outside React: it reads every snapshot of the lab (not only
 * those a render happens to see), counts each new packet once on its edge, and schedules it as a
 * flight. React subscribes to it; the dots move by CSS, so a render happens only when a flight
 * leaves or arrives.
 */
import type { LabHost } from '../../bridge/lab-api';
import { EMPTY_TALLY, tallyPackets, unseen, type LabTally } from '../../views/lab-edge-totals';
import { flyingAt, nextChangeMs, scheduleFlights, type LabFlight } from '../../views/lab-flights';

export interface LabBoardState {
  readonly tally: LabTally;
  /** The flights in the air now (none under reduced motion). */
  readonly flying: readonly LabFlight[];
}

export class LabFlightBoard {
  private state: LabBoardState = { tally: EMPTY_TALLY, flying: [] };
  private schedule: LabFlight[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly listeners = new Set<() => void>();
  private unsubscribe: (() => void) | undefined;
  private still = false;

  constructor(
    private readonly host: LabHost,
    private readonly nowMs: () => number = () => performance.now(),
  ) {}

  /** Starts reading the lab's snapshots; returns the way to stop. */
  start(): () => void {
    this.unsubscribe = this.host.subscribe(() => this.read());
    this.read();
    return () => {
      this.unsubscribe?.();
      clearTimeout(this.timer);
      this.schedule = [];
    };
  }

  /** Under reduced motion nothing flies: the edges' labels show each newest packet instead. */
  setStill(still: boolean): void {
    if (still === this.still) return;
    this.still = still;
    if (still) this.schedule = [];
    this.tick();
  }

  subscribe = (l: () => void): (() => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };
  getState = (): LabBoardState => this.state;

  private read(): void {
    const packets = this.host.getSnapshot().packets;
    const fresh = unseen(this.state.tally, packets);
    if (fresh.length === 0) return;
    if (!this.still) this.schedule = scheduleFlights(this.schedule, fresh, this.nowMs());
    this.state = { ...this.state, tally: tallyPackets(this.state.tally, fresh) };
    this.tick();
  }

  /** Publishes what flies now and wakes up at the next start or arrival. */
  private tick = (): void => {
    clearTimeout(this.timer);
    const now = this.nowMs();
    this.schedule = this.schedule.filter((f) => f.endMs > now);
    this.state = { ...this.state, flying: flyingAt(this.schedule, now) };
    for (const l of this.listeners) l();
    const next = nextChangeMs(this.schedule, now);
    if (next !== undefined) this.timer = setTimeout(this.tick, Math.max(0, next - now));
  };
}
