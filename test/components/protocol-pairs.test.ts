// Proves each protocol's client and server on their own, wired back to back through the shared
// recording context (no gateway, no link, no clock but the recorder's): the handshake opens (or is
// refused), a chat reaches the server's port intact, a delivery reaches the phone's port intact,
// the device's ack comes back under the delivery's key, and bytes that do not decode are reported.
import { describe, expect, it } from 'vitest';
import { ackKey, encodeEnvelope, type Envelope } from '../../src/engine/chat/envelope';
import { PROTOCOLS, type ProtocolName } from '../../src/engine/model/protocols';
import { createClientTransport } from '../../src/engine/protocols/create-transport';
import { serverProtocol } from '../../src/engine/gateway/server-protocols';
import {
  newConnection,
  type GatewayConnection,
} from '../../src/engine/protocols/server-connection';
import type { GatewayPort } from '../../src/engine/protocols/server-transport';
import type { ClientTransport } from '../../src/engine/protocols/transport';
import { Recorder, type GatewayPortOptions } from './recorder';

const ALICE = 1;
const CHAT: Envelope = {
  kind: 'chat',
  msg: 41,
  from: ALICE,
  to: 2,
  chatSeq: 1,
  body: new TextEncoder().encode('hello'),
};
const INCOMING: Envelope = { ...CHAT, msg: 42, from: 2, to: ALICE };

interface Pair {
  phone: Recorder;
  gateway: Recorder;
  client: ClientTransport;
  gport: GatewayPort;
  conn: GatewayConnection;
  /** Moves bytes both ways until neither side has more to say, firing due poll timers. */
  pump(): void;
}

function pair(proto: ProtocolName, gw: GatewayPortOptions = {}): Pair {
  const phone = new Recorder();
  const gateway = new Recorder();
  const cport = phone.clientPort(ALICE);
  const gport = gateway.gatewayPort(gw);
  const client = createClientTransport(proto, cport);
  const server = serverProtocol(proto);
  const conn = newConnection(ALICE, 1, proto, 0);
  const pump = (): void => {
    for (let round = 0; round < 20; round++) {
      const up = cport.chunks.splice(0);
      const down = gport.chunks.splice(0);
      if (up.length === 0 && down.length === 0) return;
      for (const c of up) server.onUp(conn, c, gport);
      for (const c of down) client.onDown(c);
    }
    throw new Error(`${proto}: client and server never went quiet`);
  };
  return { phone, gateway, client, gport, conn, pump };
}

/** Puts a delivery on the connection and lets the server send it (a poll fetches it). */
function deliver(p: Pair, proto: ProtocolName, env: Envelope): void {
  p.conn.waiting = [
    {
      key: ackKey(env.msg, 'chat'),
      msg: env.msg,
      envelope: encodeEnvelope(env),
      fromStore: false,
      pid: 0,
    },
  ];
  serverProtocol(proto).push(p.conn, p.gport);
  p.pump();
  // A short poll only asks when its timer fires.
  if (p.phone.callsOf('received').length === 0 && proto === 'short-poll') {
    p.client.onTimer('poll');
    p.pump();
  }
}

/** Polling acks ride in the next request: let the phone make it (timer, or the held poll ends). */
function nextPoll(p: Pair, proto: ProtocolName): void {
  if (proto === 'short-poll') p.client.onTimer('poll');
  if (proto === 'long-poll') {
    p.gateway.now = p.phone.now = p.conn.heldUntilMs;
    serverProtocol(proto).sweep(p.conn, p.gport);
  }
  p.pump();
}

const opened = (proto: ProtocolName): Pair => {
  const p = pair(proto);
  p.client.start();
  p.pump();
  return p;
};

describe.each(PROTOCOLS)('%s client and server', (proto) => {
  it('open a connection: the server admits and opens it, the phone hears it is connected', () => {
    const p = opened(proto);
    expect(p.gateway.callsOf('admit').length).toBeGreaterThan(0);
    expect(p.gateway.callsOf('opened')).toHaveLength(1);
    expect(p.phone.callsOf('connected')).toHaveLength(1);
    expect(p.phone.callsOf('refused')).toEqual([]);
  });

  it('a refused handshake: the phone hears the reason and the server forgets the connection', () => {
    const p = pair(proto, { refuse: 'gateway at 85 % of capacity' });
    p.client.start();
    p.pump();
    const refused = p.phone.callsOf('refused');
    expect(refused).toHaveLength(1);
    // MQTT can only say CONNACK's "server unavailable"; HTTP and WebSocket carry the reason.
    if (proto !== 'mqtt') expect(String(refused[0]!.args[0])).toContain('85 %');
    expect(p.gateway.callsOf('forget')).toHaveLength(1);
    expect(p.gateway.callsOf('opened')).toEqual([]);
    expect(p.phone.callsOf('connected')).toEqual([]);
  });

  it("a chat reaches the server's port exactly as the phone sent it", () => {
    const p = opened(proto);
    p.client.send([CHAT]);
    p.pump();
    const got = p.gateway.callsOf('envelope').map((c) => c.args[0]);
    expect(got).toEqual([CHAT]);
  });

  it('a delivery reaches the phone intact, and its ack comes back under the same key', () => {
    const p = opened(proto);
    deliver(p, proto, INCOMING);
    const received = p.phone.callsOf('received');
    expect(received.map((c) => c.args[0])).toEqual([INCOMING]);
    p.client.ack(INCOMING.msg, 'chat', received[0]!.args[1] as number);
    p.pump();
    nextPoll(p, proto);
    expect(p.gateway.callsOf('deviceAck').map((c) => c.args[0])).toContain(ackKey(42, 'chat'));
  });

  it('bytes that do not decode are reported as malformed, and nothing is taken', () => {
    const p = opened(proto);
    p.gateway.take();
    serverProtocol(proto).onUp(
      p.conn,
      [new Uint8Array([0xff, 0x00, 0x13, 0x37, 0xff, 0xff, 0xff, 0xff])],
      p.gport,
    );
    expect(p.gateway.callsOf('malformed')).toHaveLength(1);
    expect(p.gateway.callsOf('envelope')).toEqual([]);
  });
});
