/** How a run is paced against the wall clock (one definition for both hosts). */

export const MIN_SPEED = 0.1;
export const MAX_SPEED = 1000;
/**
 * How far behind the wall clock a playing run may fall and still make it up (a busy second of a
 * spike, a slow frame): beyond it the run drops the rest and plays on slower, rather than owing
 * more than it could ever repay.
 */
export const MAX_BACKLOG_WALL_MS = 1000;
/**
 * The most wall time one frame may stand for. A frame that comes late because the engine was busy
 * (a spike's first window) is time the run owes, so it counts in full up to the backlog; a tab
 * that stalled (hidden, its frames stopped) jumps no further than that on its return.
 */
export const MAX_FRAME_WALL_MS = MAX_BACKLOG_WALL_MS;
/** How often a playing run saves how far it got. */
export const SAVE_EVERY_WALL_MS = 500;

/** Checks a speed, with an error that names the range. */
export function checkSpeed(speed: number): void {
  if (!(speed >= MIN_SPEED && speed <= MAX_SPEED))
    throw new RangeError(`speed must be between ${MIN_SPEED} and ${MAX_SPEED} (got ${speed})`);
}
