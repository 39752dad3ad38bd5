// Proves the radio figures come from the model's arithmetic on the simulated traffic: an idle
// hour of short polling every 2 s keeps the LTE radio in its high-power state, an idle MQTT
// connection with a 60 s keep-alive wakes it once a minute (FACTS.md §4.3: 3,816 vs ~813 J/h).
import { describe, expect, it } from 'vitest';
import type { ProtocolName } from '../../src/engine/model/protocols';
import { runScenario } from './run-scenario';

const idleHour = (protocol: ProtocolName) =>
  runScenario({
    name: `idle ${protocol}`,
    seed: 5,
    durationSec: 3600,
    encryption: false,
    phones: [{ count: 5, protocol }],
  }).report.energy[protocol]!;

describe('radio energy per phone-hour, idle', () => {
  it('short polling every 2 s: the radio never leaves high power', () => {
    const e = idleHour('short-poll');
    expect(e.joulesPerPhoneHour).toBeGreaterThan(3_780);
    expect(e.joulesPerPhoneHour).toBeLessThan(3_830);
    expect(e.highPowerSecondsPerPhoneHour).toBeGreaterThan(3_590);
  });

  it('MQTT with a 60 s keep-alive: one wake-up a minute', () => {
    const e = idleHour('mqtt');
    expect(e.joulesPerPhoneHour).toBeGreaterThan(780);
    expect(e.joulesPerPhoneHour).toBeLessThan(900);
    expect(e.highPowerSecondsPerPhoneHour).toBeLessThan(800);
  });

  it('WebSocket pinged every 25 s costs more than a 30 s long poll (wake-ups, not bytes)', () => {
    const ws = idleHour('websocket');
    const lp = idleHour('long-poll');
    expect(ws.joulesPerPhoneHour).toBeGreaterThan(lp.joulesPerPhoneHour);
    expect(ws.joulesPerPhoneHour).toBeGreaterThan(1_700);
    expect(lp.joulesPerPhoneHour).toBeGreaterThan(1_400);
  });

  it('short polling costs several times an idle MQTT connection', () => {
    expect(
      idleHour('short-poll').joulesPerPhoneHour / idleHour('mqtt').joulesPerPhoneHour,
    ).toBeGreaterThan(4);
  });
});
