/**
 * Where in the DRX cycle a phone's paging occasion falls. In LTE the network and the phone both
 * derive it from the phone's identity (3GPP TS 36.304 §7.1: the paging frame is the radio frame
 * whose number, modulo the cycle, is (T div N) × (UE_ID mod N), with UE_ID = IMSI mod 1024), so
 * phones are spread over the cycle instead of all waking together, and a phone's occasion is the
 * same every cycle. Here the identity is the user id, mixed first because the ids are small and
 * consecutive where IMSIs are not; every occasion falls on a 10 ms radio frame.
 */

/** One LTE radio frame: paging occasions fall on frame boundaries. */
const RADIO_FRAME_MS = 10;

/** A 32-bit integer mix (the finaliser of MurmurHash3), so nearby ids land far apart. */
function mix32(x: number): number {
  let h = x >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** The offset of user `user`'s paging occasions into a cycle of `cycleMs`, in whole frames. */
export function pagingOffsetMs(user: number, cycleMs: number): number {
  const frames = Math.max(1, Math.floor(cycleMs / RADIO_FRAME_MS));
  return (mix32(user) % frames) * RADIO_FRAME_MS;
}
