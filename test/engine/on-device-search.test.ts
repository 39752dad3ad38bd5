// Proves search lives on the phone: each phone finds what it sent and decrypted (accents and case
// ignored, newest first), finds nothing it never held, and the gateway has no search endpoint.
import { describe, expect, it } from 'vitest';
import { Gateway } from '../../src/engine/gateway/gateway';
import { DEFAULT_GATEWAY } from '../../src/engine/model/gateway-config';
import { Kernel } from '../../src/engine/kernel/kernel';
import type { TraceEvent } from '../../src/engine/kernel/trace';
import { encodeHttpRequest } from '../../src/engine/protocols/http/codec';
import { clientRequestHead } from '../../src/engine/protocols/http/realistic-headers';
import { encodeEnvelopeBody } from '../../src/engine/protocols/polling/envelope-body';
import { DEFAULT_PROTOCOL_SETTINGS } from '../../src/engine/protocols/protocol-settings';
import { ACTOR } from '../../src/engine/model/actors';
import type { SimMessage } from '../../src/engine/model/messages';
import { searchPhone } from '../../src/runtime/search-phone';
import { runScenario } from './run-scenario';

describe('on-device search', () => {
  const { sim } = runScenario({
    name: 'search',
    seed: 3,
    durationSec: 60,
    phones: [{ count: 3, protocol: 'mqtt', names: ['alice', 'bob', 'carol'] }],
    actions: [
      { at: 1, do: 'send', from: 'alice', to: 'bob', text: 'Dinner at the Café Rouge?' },
      { at: 2, do: 'offline', user: 'bob' },
      { at: 3, do: 'send', from: 'alice', to: 'bob', text: 'Or the cafe by the station' },
      { at: 5, do: 'send', from: 'carol', to: 'alice', text: 'Lunch tomorrow?' },
      { at: 20, do: 'online', user: 'bob' },
    ],
  });

  it("finds the recipient's decrypted messages, accent- and case-insensitively, newest first", () => {
    const hits = searchPhone(sim, 2, 'CAFE');
    expect(hits.map((h) => h.text)).toEqual([
      'Or the cafe by the station',
      'Dinner at the Café Rouge?',
    ]);
    expect(hits[0]!.matchedTerms).toEqual(['cafe']);
  });

  it("finds the sender's own messages, and the last word as a prefix while typing", () => {
    expect(searchPhone(sim, 1, 'dinner caf').map((h) => h.text)).toEqual([
      'Dinner at the Café Rouge?',
    ]);
    expect(searchPhone(sim, 1, 'lunch').map((h) => h.from)).toEqual([3]);
  });

  it('a phone cannot find what it never held', () => {
    expect(searchPhone(sim, 3, 'cafe')).toEqual([]);
    expect(searchPhone(sim, 99, 'cafe')).toEqual([]);
  });

  it('the gateway has no search endpoint: a request for one is answered 400 and logged', () => {
    const k = new Kernel<SimMessage>();
    const events: TraceEvent[] = [];
    k.addSink({ emit: (e) => events.push(e) });
    k.register(
      ACTOR.gateway,
      new Gateway(
        { ...DEFAULT_GATEWAY },
        { settings: DEFAULT_PROTOCOL_SETTINGS, recordWire: false },
      ),
    );
    const body = encodeEnvelopeBody([]);
    const req = encodeHttpRequest(
      clientRequestHead('POST', '/v1/search?q=cafe', 1, body.length),
      body,
    );
    k.enqueue(
      17,
      ACTOR.gateway,
      { type: 'up', user: 1, conn: 1, proto: 'short-poll', chunks: [req] },
      0,
    );
    k.runUntil(100, true);
    expect(
      events.some(
        (e) => e.kind === 'rejected' && e.note === 'http: no such endpoint /v1/search?q=cafe',
      ),
    ).toBe(true);
    const answer = events.find(
      (e) => e.from === ACTOR.gateway && e.kind === 'rejected' && e.bytes > 0,
    );
    expect(answer?.note).toBe('404');
  });
});
