// Proves a phone keeps one generation per timer name, in fields for the first eight names and in a
// list past them: a second request for a name is stamped one generation later.
import { describe, expect, it } from 'vitest';
import type { ActorContext } from '../kernel/kernel';
import { createRng } from '../kernel/rng';
import { DEFAULT_PROTOCOL_SETTINGS } from '../protocols/protocol-settings';
import { DEFAULT_RETRY } from '../retry/retry-policy';
import type { SimMessage } from '../model/messages';
import { PLAINTEXT_BODIES } from './body-codecs';
import { Phone } from './phone';

type TimerMessage = Extract<SimMessage, { type: 'timer' }>;

function offlinePhone(): { phone: Phone; sent: TimerMessage[] } {
  const sent: TimerMessage[] = [];
  const ctx: ActorContext<SimMessage> = {
    now: 0,
    self: 17,
    sendAt: (_to, msg) => {
      if (msg.type === 'timer') sent.push({ ...msg });
    },
    trace: () => {},
    emit: () => {},
  };
  const env = {
    settings: { ...DEFAULT_PROTOCOL_SETTINGS },
    retry: DEFAULT_RETRY,
    body: PLAINTEXT_BODIES,
    recordWire: false,
  };
  const phone = new Phone(1, 'mqtt', 'good', false, createRng(1), env, 0);
  phone.boot(ctx);
  return { phone, sent };
}

describe('phone timers', () => {
  it('counts generations per name, past the eight kept in fields too', () => {
    const { phone, sent } = offlinePhone();
    const names = Array.from({ length: 14 }, (_, i) => `test-${i}`);
    for (const name of names) phone.timer(name, 10);
    for (const name of names) phone.timer(name, 20);
    for (let i = 0; i < names.length; i++) {
      expect(sent[names.length + i]!.name).toBe(sent[i]!.name);
      expect(sent[names.length + i]!.gen).toBe(sent[i]!.gen + 1);
    }
  });
});
