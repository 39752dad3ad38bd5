import type { RadioProfile } from './lte-profile';

/**
 * The 3G (UMTS) profile from AT&T ARO's ProfileFactoryImpl defaults (FACTS.md §4.2 ✅), expressed
 * as a two-stage tail: CELL_DCH, then CELL_FACH, then IDLE.
 *
 * Simplification: a packet during FACH is charged as a return to DCH with no delay; ARO's
 * FACH→DCH promotion (1.5 s at 0.55 W) is not modelled, so 3G figures are slightly optimistic
 * for traffic that lands in FACH. Bursts spaced wider than the whole 17 s tail (every keep-alive
 * the playground offers) never hit that case, and FACTS §4.3's 3G figures assume the same.
 */
export const UMTS_PROFILE: RadioProfile = {
  name: '3G',
  // IDLE→DCH promotion 2.0 s average (1.5–4.0 s) — ARO default, FACTS §4.2.
  promotionMs: 2_000,
  // Promotion power 0.53 W — ARO default, FACTS §4.2.
  promotionWatts: 0.53,
  // DCH→FACH inactivity timer 5 s — ARO default, FACTS §4.2.
  tailMs: 5_000,
  // CELL_DCH power 0.70 W — ARO default, FACTS §4.2.
  tailWatts: 0.7,
  // FACH→IDLE inactivity timer 12 s — ARO default, FACTS §4.2.
  secondTailMs: 12_000,
  // CELL_FACH power 0.35 W — ARO default, FACTS §4.2.
  secondTailWatts: 0.35,
  // ARO's default IDLE power is 0 (it models no paging on 3G) — FACTS §4.2.
  idleWatts: 0,
  // 3G idle DRX every 5112.4 ms in Huang Table 3 (⚠️ recalled, FACTS §4.1), as 512 frames of
  // 10 ms. The phones run LTE; this profile only prices 3G energy for comparison.
  pagingCycleMs: 5_120,
};
