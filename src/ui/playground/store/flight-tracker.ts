/**
 * What the diagram's canvas animates, kept outside React state: hops in flight (dots that travel
 * along an edge), pulses (hops with no travel time, shown for a moment on the display clock), and
 * the bytes each edge carries. The store feeds it every frame batch; the canvas reads it each
 * animation frame.
 */
import type { FrameBatch, Snapshot } from '../../../bridge/playground-api';
import { diagramMode, nodeForActor } from '../../../views/diagram-layout';
import { flightsFrom, type Flight } from '../model/flights';
import type { EdgeHeat } from './edge-heat';
import { edgeIdFor, PULSE_MS, type Pulse } from './view-state';

/** Flights kept after arrival, so a dot that lands is still seen landing (virtual ms). */
const FLIGHT_TRAIL_MS = 30;
const MAX_FLIGHTS = 20_000;
const MAX_PULSES = 500;

export class FlightTracker {
  /** Hops in flight. */
  flights: Flight[] = [];
  pulses: Pulse[] = [];
  /** A clock for pulses that advances with wall time while playing and by a step when stepping. */
  displayMs = 0;
  /**
   * Keep arrived flights until this virtual time has been drawn (reduced motion draws each step's
   * hops after the fact); undefined keeps them only until they land.
   */
  private horizonMs: number | undefined;

  constructor(private readonly heat: EdgeHeat) {}

  /** Keeps arrived flights until `ms` has been drawn (reduced motion); undefined: until they land. */
  setHorizon(ms: number | undefined): void {
    this.horizonMs = ms;
  }

  /** The run was rebuilt (a seek, fork or reopen), or the diagram redrawn: nothing is in flight. */
  clear(): void {
    this.flights = [];
    this.pulses = [];
  }

  /** Moves the display clock: by the wall time while playing on, by a pulse's length otherwise. */
  tick(playingOn: boolean, wallMs: number): void {
    this.displayMs += playingOn ? Math.min(100, wallMs) : PULSE_MS;
  }

  /** Takes in a batch's hops, on the nodes the diagram draws (`drawLimit` phones one by one). */
  add(b: FrameBatch, s: Snapshot, drawLimit: number): void {
    const mode = diagramMode(s.phoneCount, drawLimit);
    const drawn = new Set<number>();
    if (mode === 'phones') for (const p of s.phones) if (p.user <= drawLimit) drawn.add(p.user);
    const fresh = flightsFrom(b.events, (actor, e) => nodeForActor(actor, e.proto, mode, drawn));
    const now = s.nowMs;
    const horizon = Math.min(now, this.horizonMs ?? Infinity);
    const kept = this.flights.filter((f) => f.arriveAtMs + FLIGHT_TRAIL_MS >= horizon);
    for (const f of fresh) {
      if (f.arriveAtMs > f.atMs || this.horizonMs !== undefined) kept.push(f);
      else this.pulses.push({ flight: f, bornMs: this.displayMs });
      this.heat.add(edgeIdFor(f.from, f.to), f.bytes, now);
    }
    this.flights = kept.length > MAX_FLIGHTS ? kept.slice(kept.length - MAX_FLIGHTS) : kept;
    this.pulses = this.pulses
      .filter((p) => this.displayMs - p.bornMs < PULSE_MS)
      .slice(-MAX_PULSES);
  }
}
