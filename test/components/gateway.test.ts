// Proves the gateway one message at a time through the shared recording context, with real MQTT
// bytes from the phone's client: a CONNECT is answered and registered with the session manager;
// a chat is acked (✓) and routed by asking the session manager; an offline recipient's chat goes
// to the store, an online recipient's is pushed; a refused handshake under backpressure registers
// nothing; a crash signs everyone out.
import { describe, expect, it } from 'vitest';
import { decodeEnvelope, type Envelope } from '../../src/engine/chat/envelope';
import { Gateway } from '../../src/engine/gateway/gateway';
import { ACTOR } from '../../src/engine/model/actors';
import { DEFAULT_GATEWAY, type GatewayConfig } from '../../src/engine/model/gateway-config';
import type { SimMessage } from '../../src/engine/model/messages';
import { DEFAULT_PROTOCOL_SETTINGS } from '../../src/engine/protocols/protocol-settings';
import { MqttClient } from '../../src/engine/protocols/mqtt/client';
import { Recorder } from './recorder';

const CHAT: Envelope = {
  kind: 'chat',
  msg: 7,
  from: 1,
  to: 2,
  chatSeq: 1,
  body: new TextEncoder().encode('hi Bob'),
};

function setup(config: Partial<GatewayConfig> = {}) {
  const rec = new Recorder();
  const gw = new Gateway(
    { ...DEFAULT_GATEWAY, ...config },
    { settings: { ...DEFAULT_PROTOCOL_SETTINGS }, recordWire: false },
  );
  const ctx = rec.context(ACTOR.gateway);
  gw.handle({ type: 'timer', name: 'boot', conn: 0, gen: 0 }, ctx);
  rec.take();
  /** A phone's MQTT client; what it transmits goes to the gateway as 'up' messages. */
  const phone = (user: number, conn: number) => {
    const port = new Recorder().clientPort(user);
    const client = new MqttClient(port);
    const flush = (): void => {
      for (const chunks of port.chunks.splice(0))
        gw.handle({ type: 'up', user, conn, proto: 'mqtt', chunks }, ctx);
    };
    return { client, flush };
  };
  const to = (actor: number) => rec.sent.filter((s) => s.to === actor).map((s) => s.msg);
  return { rec, gw, ctx, phone, to };
}

const connect = (s: ReturnType<typeof setup>, user: number, conn: number) => {
  const p = s.phone(user, conn);
  p.client.start();
  p.flush();
  return p;
};

/** Answers the gateway's pending session lookup (sm.lookup) with what the session manager knows. */
function answerLookup(s: ReturnType<typeof setup>, online: boolean, conn = 0): void {
  const lookup = s.rec.sentOf('sm.lookup').at(-1)!.msg;
  s.rec.take();
  const result: SimMessage = {
    type: 'sm.result',
    req: lookup.req,
    user: lookup.user,
    online,
    conn,
    epoch: lookup.epoch,
  };
  s.gw.handle(result, s.ctx);
}

/** The store answers a user's drain with nothing held: live deliveries may then go at once. */
function emptyStore(s: ReturnType<typeof setup>, user: number): void {
  const fetch = s.rec.sentOf('store.fetch').find((f) => f.msg.user === user)!.msg;
  s.gw.handle(
    { type: 'store.batch', user, items: [], more: false, epoch: fetch.epoch, conn: fetch.conn },
    s.ctx,
  );
}

describe('gateway', () => {
  it('answers a CONNECT on the downlink and registers the user with the session manager', () => {
    const s = setup();
    connect(s, 1, 11);
    const down = s.rec.sent.filter((x) => x.msg.type === 'down' || x.msg.type === 'deliver');
    expect(down.length).toBeGreaterThan(0);
    expect(s.to(ACTOR.sessions)).toContainEqual(
      expect.objectContaining({ type: 'sm.register', user: 1, conn: 11, proto: 'mqtt' }),
    );
    expect(s.gw.stats.peakConnections).toBe(1);
  });

  it('acks a chat (✓ in the trace) and asks the session manager where the recipient is', () => {
    const s = setup();
    const alice = connect(s, 1, 11);
    s.rec.take();
    alice.client.send([CHAT]);
    alice.flush();
    expect(s.rec.trace.some((e) => e.kind === 'accepted' && e.msg === 7)).toBe(true);
    expect(s.to(ACTOR.sessions)).toContainEqual(
      expect.objectContaining({ type: 'sm.lookup', user: 2 }),
    );
    expect(s.to(ACTOR.store)).toEqual([]);
  });

  it('stores a chat for an offline recipient, under its key, as the envelope it received', () => {
    const s = setup();
    const alice = connect(s, 1, 11);
    alice.client.send([CHAT]);
    alice.flush();
    answerLookup(s, false);
    const puts = s.rec.sentOf('store.put');
    expect(puts).toHaveLength(1);
    expect(puts[0]!.to).toBe(ACTOR.store);
    expect(puts[0]!.msg).toMatchObject({ recipient: 2, key: 'c7', msg: 7 });
    const stored = decodeEnvelope(puts[0]!.msg.envelope);
    expect(stored.ok && stored.value).toEqual(CHAT);
  });

  it("pushes a chat to an online recipient's connection and stores nothing", () => {
    const s = setup();
    const alice = connect(s, 1, 11);
    connect(s, 2, 22);
    emptyStore(s, 2);
    alice.client.send([CHAT]);
    alice.flush();
    answerLookup(s, true, 22);
    expect(s.rec.sentOf('store.put')).toEqual([]);
    const pushed = s.rec.sent.filter(
      (x) => (x.msg.type === 'down' || x.msg.type === 'deliver') && x.msg.conn === 22,
    );
    expect(pushed.length).toBeGreaterThan(0);
    expect(s.rec.trace.some((e) => e.kind === 'pushed' && e.msg === 7 && e.to !== 1)).toBe(true);
  });

  it('refuses handshakes past the threshold, registering only those it admitted', () => {
    const s = setup({ maxConnections: 10, workPerSec: 1e9, backpressure: true, thresholdPct: 50 });
    for (let user = 1; user <= 8; user++) connect(s, user, user * 10);
    const registered = s.rec.sentOf('sm.register').map((r) => r.msg.user);
    const refused = s.rec.trace.filter((e) => e.kind === 'refused').length;
    // Below 50 % of 10 connections: at most 4 held, each of them registered, the rest refused.
    expect(registered.length).toBeGreaterThanOrEqual(3);
    expect(registered.length).toBeLessThan(5);
    expect(registered).toEqual(registered.map((_, i) => i + 1));
    expect(refused).toBe(8 - registered.length);
    expect(s.gw.stats.refusedConnections).toBe(refused);
  });

  it('a crash drops every connection and tells the session manager', () => {
    const s = setup();
    connect(s, 1, 11);
    connect(s, 2, 22);
    s.rec.take();
    s.gw.handle({ type: 'input', action: { do: 'crash' } }, s.ctx);
    expect(s.gw.stats.crashes).toBe(1);
    expect(s.gw.heldChatIds()).toEqual([]);
    expect(s.to(ACTOR.sessions)).toContainEqual(
      expect.objectContaining({ type: 'sm.gateway-down' }),
    );
  });
});
