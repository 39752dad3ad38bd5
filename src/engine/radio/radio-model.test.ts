// Proves the RRC model reproduces FACTS.md §4.3's J/h table, delays only packets that wake the
// radio, and keeps energy monotonic, at least idle-only and unchanged by repeated settles.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LTE_PROFILE, type RadioProfile } from './lte-profile';
import { createRadio, nextPagingOccasionMs, type Radio } from './radio-model';
import { UMTS_PROFILE } from './umts-profile';

const HOUR_MS = 3_600_000;
// Round trip after the radio is up, for the response half of each burst (e.g. MQTT PINGRESP).
const RTT_MS = 50;

/** A keep-alive burst: the request at tMs and its response one round trip after the radio is up. */
function pingPong(radio: Radio, tMs: number): void {
  const waitMs = radio.activity(tMs);
  radio.activity(tMs + waitMs + RTT_MS);
}

/** A short poll: one activity per period (on 3G the 2 s promotion would outlast a 2 s period). */
function poll(radio: Radio, tMs: number): void {
  radio.activity(tMs);
}

/** One virtual hour with a burst every periodMs from t = 0 (no bursts when periodMs is null). */
function hour(profile: RadioProfile, periodMs: number | null, burst = pingPong): Radio {
  const radio = createRadio(profile);
  if (periodMs !== null) for (let t = 0; t < HOUR_MS; t += periodMs) burst(radio, t);
  radio.settle(HOUR_MS);
  return radio;
}

const within = (actual: number, expected: number, fraction: number): void => {
  expect(Math.abs(actual - expected) / expected).toBeLessThanOrEqual(fraction);
};

describe('LTE joules per hour (FACTS §4.3 table)', () => {
  it('idle paging averages 0.0200 W', () => {
    within(LTE_PROFILE.idleWatts, 0.02, 0.005);
  });

  it('short poll every 2 s keeps the radio connected: ≈ 3,816 J, all of it high power', () => {
    const radio = hour(LTE_PROFILE, 2_000, poll);
    within(radio.joules, 3_816, 0.01);
    expect(radio.promotions).toBe(1);
    expect(radio.highPowerMs).toBeGreaterThanOrEqual(HOUR_MS * 0.999);
  });

  it.each([
    [25_000, 1_850, 144], // WS heartbeat 25 s (Engine.IO default)
    [30_000, 1_554, 120], // long poll, 30 s hold
    [60_000, 813, 60], // MQTT keep-alive 60 s
    [240_000, 257, 15], // MQTT keep-alive 240 s
  ])('a burst every %i ms ≈ %i J/h, one promotion each', (periodMs, expected, bursts) => {
    const radio = hour(LTE_PROFILE, periodMs);
    within(radio.joules, expected, 0.02);
    expect(radio.promotions).toBe(bursts);
  });

  it('no traffic costs idle paging only: ≈ 72 J/h', () => {
    const radio = hour(LTE_PROFILE, null);
    within(radio.joules, 72, 0.02);
    expect(radio.promotions).toBe(0);
    expect(radio.highPowerMs).toBe(0);
  });

  it('a 25 s heartbeat costs more than a 30 s long poll: wake-ups, not bytes', () => {
    expect(hour(LTE_PROFILE, 25_000).joules).toBeGreaterThan(hour(LTE_PROFILE, 30_000).joules);
  });
});

describe('3G two-stage tail (ARO defaults, FACTS §4.3)', () => {
  it('polling every 2 s holds DCH: ≈ 2,520 J/h', () => {
    within(hour(UMTS_PROFILE, 2_000, poll).joules, 2_520, 0.01);
  });

  it.each([
    [60_000, 526],
    [240_000, 131],
  ])('a keep-alive every %i ms ≈ %i J/h', (periodMs, expected) => {
    within(hour(UMTS_PROFILE, periodMs).joules, expected, 0.02);
  });

  it('stays connected through FACH and goes idle after DCH + FACH', () => {
    const radio = createRadio(UMTS_PROFILE);
    expect(radio.activity(0)).toBe(2_000);
    expect(radio.state(2_000 + 5_000 + 11_999)).toBe('connected');
    expect(radio.activity(2_000 + 5_000 + 11_999)).toBe(0);
    expect(radio.state(2_000 + 5_000 + 11_999 + 17_000)).toBe('idle');
  });
});

describe('promotion latency and state', () => {
  it('returns the promotion delay only when the radio was idle', () => {
    const radio = createRadio();
    expect(radio.state(0)).toBe('idle');
    expect(radio.activity(0)).toBe(260);
    expect(radio.state(100)).toBe('promoting');
    expect(radio.activity(100)).toBe(160); // waits only for the rest of the promotion
    expect(radio.state(260)).toBe('connected');
    expect(radio.activity(5_000)).toBe(0);
    expect(radio.activity(5_000 + 11_575)).toBe(0); // just inside the restarted tail
    expect(radio.state(5_000 + 11_575 + 11_576)).toBe('idle');
    expect(radio.activity(5_000 + 11_575 + 11_576)).toBe(260);
    expect(radio.promotions).toBe(2);
  });

  it('rejects activity before time already settled', () => {
    const radio = createRadio();
    radio.settle(10_000);
    expect(() => radio.activity(9_999)).toThrow(RangeError);
  });

  it('an isolated burst costs one promotion plus one full tail: ≈ 12.59 J above idle', () => {
    const radio = createRadio();
    radio.activity(0);
    radio.settle(60_000);
    const idleOnly = LTE_PROFILE.idleWatts * (60 - 0.26 - 11.576);
    within(radio.joules - idleOnly, 12.59, 0.005);
  });
});

describe('paging: data from the network to an idle radio', () => {
  const OFFSET = 300; // this radio's paging occasions: 300, 1_580, 2_860 … ms

  it('waits for the next paging occasion, then the promotion', () => {
    const radio = createRadio();
    expect(radio.paged(1_000, OFFSET)).toBe(580 + 260); // occasion at 1_580
    expect(radio.state(1_579)).toBe('idle');
    expect(radio.state(1_580)).toBe('promoting');
    expect(radio.state(1_840)).toBe('connected');
    expect(radio.promotions).toBe(1);
  });

  it('a page exactly at an occasion waits only for the promotion', () => {
    expect(createRadio().paged(2_860, OFFSET)).toBe(260);
  });

  it('more data before the occasion waits for the same occasion and promotion', () => {
    const radio = createRadio();
    radio.paged(1_000, OFFSET);
    expect(radio.paged(1_500, OFFSET)).toBe(80 + 260);
    expect(radio.promotions).toBe(1);
  });

  it('a connected radio takes data at once, as any packet', () => {
    const radio = createRadio();
    radio.activity(0);
    expect(radio.paged(5_000, OFFSET)).toBe(0);
    expect(radio.paged(5_000 + 11_576 - 1, OFFSET)).toBe(0);
  });

  it('the phone sending while it waits for its page promotes at once, as one promotion', () => {
    const radio = createRadio();
    radio.paged(1_000, OFFSET);
    expect(radio.activity(1_200)).toBe(260);
    expect(radio.state(1_460)).toBe('connected');
    expect(radio.promotions).toBe(1);
  });

  it('costs what a phone-started promotion costs, starting at the occasion', () => {
    const paged = createRadio();
    paged.paged(1_000, OFFSET);
    paged.settle(60_000);
    const sent = createRadio();
    sent.activity(1_580);
    sent.settle(60_000);
    expect(paged.joules).toBeCloseTo(sent.joules, 9);
    expect(paged.highPowerMs).toBe(sent.highPowerMs);
  });
});

describe('properties', () => {
  const gapsMs = fc.array(fc.integer({ min: 0, max: 40_000 }), { maxLength: 60 });

  it('energy is monotonic, never below idle-only, and settle is idempotent', () => {
    fc.assert(
      fc.property(gapsMs, fc.constantFrom(LTE_PROFILE, UMTS_PROFILE), (gaps, profile) => {
        const radio = createRadio(profile);
        let t = 0;
        let before = 0;
        for (const gap of gaps) {
          radio.settle(t + gap / 2);
          t += gap;
          radio.activity(t);
          radio.settle(t);
          const snapshot = [radio.joules, radio.highPowerMs, radio.promotions];
          radio.settle(t);
          radio.settle(t - 1);
          expect([radio.joules, radio.highPowerMs, radio.promotions]).toEqual(snapshot);
          expect(radio.joules).toBeGreaterThanOrEqual(before);
          expect(radio.joules).toBeGreaterThanOrEqual((profile.idleWatts * t) / 1000 - 1e-9);
          expect(radio.highPowerMs).toBeLessThanOrEqual(t + 1e-9);
          before = radio.joules;
        }
      }),
    );
  });

  it('settling at extra moments does not change the total', () => {
    fc.assert(
      fc.property(gapsMs, fc.integer({ min: 1, max: 10_000 }), (gaps, stepMs) => {
        const plain = createRadio();
        const probed = createRadio();
        let t = 0;
        for (const gap of gaps) {
          for (let s = t + stepMs; s < t + gap; s += stepMs) probed.settle(s);
          t += gap;
          plain.activity(t);
          probed.activity(t);
        }
        plain.settle(t + 30_000);
        probed.settle(t + 30_000);
        expect(probed.joules).toBeCloseTo(plain.joules, 9);
        expect(probed.highPowerMs).toBeCloseTo(plain.highPowerMs, 6);
      }),
    );
  });

  it('an idle radio hears data at its own next occasion, less than one DRX cycle away', () => {
    const cycle = LTE_PROFILE.pagingCycleMs;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3_600_000 }),
        fc.integer({ min: 0, max: cycle - 1 }),
        (tMs, offsetMs) => {
          const occasion = nextPagingOccasionMs(tMs, offsetMs, cycle);
          expect(occasion).toBeGreaterThanOrEqual(tMs);
          expect(occasion - tMs).toBeLessThan(cycle);
          expect((occasion - offsetMs) % cycle).toBe(0);
          const wait = createRadio(LTE_PROFILE).paged(tMs, offsetMs);
          expect(wait).toBe(occasion - tMs + LTE_PROFILE.promotionMs);
        },
      ),
    );
  });

  it('energy stays monotonic when data from the network and from the phone interleave', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 30_000 }), fc.boolean()), { maxLength: 60 }),
        (steps) => {
          const radio = createRadio();
          let t = 0;
          let before = 0;
          for (const [gap, fromNetwork] of steps) {
            t += gap;
            const wait = fromNetwork ? radio.paged(t, 700) : radio.activity(t);
            expect(wait).toBeGreaterThanOrEqual(0);
            expect(wait).toBeLessThan(LTE_PROFILE.pagingCycleMs + LTE_PROFILE.promotionMs);
            radio.settle(t);
            expect(radio.joules).toBeGreaterThanOrEqual(before);
            before = radio.joules;
          }
          radio.settle(t + 60_000);
          expect(radio.highPowerMs).toBeLessThanOrEqual(t + 60_000);
        },
      ),
    );
  });
});
