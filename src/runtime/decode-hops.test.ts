// Proves the inspector's decoded fields come from the real codecs: a run's MQTT PUBLISH, WebSocket
// frame and HTTP request decode to their spec fields, with the chat envelope (ciphertext) inside.
import { describe, expect, it } from 'vitest';
import type { DecodedPacket } from '../bridge/playground-api';
import type { ProtocolName } from '../engine/model/protocols';
import { validateScenario } from '../engine/scenario/validate-scenario';
import { Simulation } from '../engine/sim/simulation';
import { decodeChunk, decodeHops } from './decode-hops';
import { TraceRecorder } from './trace-recorder';

function runOne(protocol: ProtocolName, encryption = true): TraceRecorder {
  const v = validateScenario({
    name: 't',
    seed: 3,
    durationSec: 12,
    encryption,
    phones: [{ count: 2, protocol, names: ['alice', 'bob'] }],
    actions: [{ at: 3, do: 'send', from: 'alice', to: 'bob', text: 'Hi Bob' }],
  });
  if (!v.ok) throw new Error(v.errors.join('; '));
  const rec = new TraceRecorder();
  const sim = new Simulation(v.scenario, { recordWire: true, sinks: [rec] });
  sim.run();
  return rec;
}

const flat = (ps: readonly DecodedPacket[]): DecodedPacket[] =>
  ps.flatMap((p) => [p, ...flat(p.inner ?? [])]);
const field = (p: DecodedPacket | undefined, name: string): string | undefined =>
  p?.fields.find((f) => f.name === name)?.value;

describe('decodeHops', () => {
  it('decodes an MQTT PUBLISH carrying the chat envelope, ciphertext body', () => {
    const events = runOne('mqtt').forMessage(1);
    const hops = decodeHops(events, true);
    expect(hops.length).toBeGreaterThan(2);
    const packets = hops.flatMap((h) => h.chunks.flatMap((c) => flat(c.decoded)));
    const publish = packets.find((p) => p.title === 'MQTT PUBLISH');
    expect(publish).toBeDefined();
    expect(field(publish, 'qos')).toBe('1');
    expect(field(publish, 'topic')).toMatch(/\S/);
    const chat = packets.find((p) => p.title === 'Envelope CHAT');
    expect(field(chat, 'from')).toBe('u1');
    expect(field(chat, 'to')).toBe('u2');
    expect(chat?.fields.some((f) => f.name.startsWith('body (ciphertext'))).toBe(true);
    // The plaintext never appears in what the server saw.
    const hex = hops.flatMap((h) => h.chunks.map((c) => c.hex)).join('');
    expect(hex).not.toContain(Buffer.from('Hi Bob').toString('hex'));
    // Header and payload add up to the packet.
    expect(publish!.headerBytes).toBeLessThan(publish!.bytes);
    // The sealed body shows what encryption costs: routing header + ciphertext + 16 B tag.
    const sealed = packets.find((p) => p.title.startsWith('E2E sealed body'));
    expect(field(sealed, 'authentication tag')).toBe('16 B (Poly1305)');
    expect(field(sealed, 'routing header (readable by the server)')).toMatch(
      /^22 B: from u1, to u2, message 1, chain counter 0$/,
    );
    const cipher = Number(
      /^(\d+) B$/.exec(field(sealed, 'ciphertext (unreadable without the message key)') ?? '')?.[1],
    );
    expect(sealed!.bytes).toBe(cipher + sealed!.headerBytes);
    expect(sealed!.headerBytes).toBe(
      22 + 16 + (field(sealed, 'initiator keys (first messages of a session)') ? 64 : 0),
    );
  });

  it('decodes WebSocket frames and the HTTP upgrade', () => {
    const rec = runOne('websocket');
    const packets = decodeHops(rec.since(0), true).flatMap((h) =>
      h.chunks.flatMap((c) => flat(c.decoded)),
    );
    expect(packets.some((p) => p.layer === 'http' && /GET/.test(p.title))).toBe(true);
    expect(
      packets.some((p) => p.title === 'WebSocket binary frame' && field(p, 'masked') === 'true'),
    ).toBe(true);
  });

  it('decodes short-poll HTTP requests with their headers and envelope bodies', () => {
    const events = runOne('short-poll', false).forMessage(1);
    const packets = decodeHops(events, false).flatMap((h) =>
      h.chunks.flatMap((c) => flat(c.decoded)),
    );
    const post = packets.find((p) => p.layer === 'http' && /POST/.test(p.title));
    expect(post).toBeDefined();
    expect(post!.fields.some((f) => f.name.toLowerCase() === 'content-length')).toBe(true);
    const framing = post!.fields.find((f) => f.name === 'body framing')?.value;
    expect(framing).toMatch(/^Content-Length: \d+ B$/);
    expect(
      packets
        .find((p) => p.title === 'Envelope CHAT')
        ?.fields.some((f) => f.name.startsWith('body (plaintext')),
    ).toBe(true);
  });

  it('reports bytes that do not decode, with the offset', () => {
    const [p] = decodeChunk('mqtt', new Uint8Array([0x30, 0xff, 0xff, 0xff, 0xff, 0x01]));
    expect(p?.error).toMatch(/at byte \d+/);
  });
});
