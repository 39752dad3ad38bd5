/** Points of virtual time, as the run session compares them. */
import { applied, notAfter, type TimeMark } from '../../bridge/run-record';

export { applied, notAfter, type TimeMark };

/** The later of two points of virtual time (inclusive is later than exclusive at the same ms). */
export function laterMark(a: TimeMark, b: TimeMark | undefined): TimeMark {
  if (!b) return a;
  if (b.ms !== a.ms) return b.ms > a.ms ? b : a;
  return a.inclusive ? a : b;
}

/**
 * When an input given now takes effect: a whole millisecond that no event of the run has been
 * handled at yet. A replay schedules every input from the start, and an input at time t runs
 * before the other events at t (the input log is source 0): so an input must never land at an
 * instant whose events have already run, or the replay would order it differently. Whole
 * milliseconds also survive an exported scenario's seconds exactly.
 */
export const inputTimeAfter = (reached: TimeMark): number =>
  reached.inclusive ? Math.floor(reached.ms) + 1 : Math.ceil(reached.ms);
