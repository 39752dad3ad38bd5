import { decodeHttpMessage } from '../http/body';
import { ackKey, decodeEnvelope, encodeEnvelope, envelopeGist } from '../../chat/envelope';
import { CONN_HANDSHAKE, CONN_OPEN, type GatewayConnection } from '../server-connection';
import { utf8Encode } from '../../model/bytes';
import { formatDecodeError } from '../../model/decode-result';
import { encodeHttpResponse, toRequestHead } from '../http/codec';
import { gatewayResponseHead } from '../http/realistic-headers';
import type { GatewayPort, ServerProtocol } from '../server-transport';
import { controlMeta, pushGistMeta } from '../wire-meta';
import { decodeWsFrame, encodeWsClose, encodeWsFrame } from './codec';
import { buildUpgradeResponse, validateUpgradeRequest } from './handshake';
import { WS_SUBPROTOCOL } from './ws-headers';

const EMPTY = new Uint8Array(0);

function httpError(
  c: GatewayConnection,
  port: GatewayPort,
  status: number,
  reason: string,
  detail: string,
  kind: 'refused' | 'rejected',
): void {
  const body = utf8Encode(detail);
  const head = gatewayResponseHead(status, reason, port.now, port.epoch, body.length, [
    ['X-Refused-Reason', detail],
  ]);
  const bytes = encodeHttpResponse(head, body);
  port.transmit(c, [bytes], controlMeta([bytes], kind, `${status} ${reason}`), detail);
  port.forget(c);
}

function onHandshake(c: GatewayConnection, chunk: Uint8Array, port: GatewayPort): void {
  const r = decodeHttpMessage(chunk);
  const head = r.ok ? toRequestHead(r.value.head) : undefined;
  if (!r.ok || head === undefined) {
    const why = r.ok ? 'not an HTTP request' : formatDecodeError(r.error);
    port.malformed(c, `websocket handshake: ${why}`);
    return httpError(c, port, 400, 'Bad Request', `malformed handshake: ${why}`, 'rejected');
  }
  const valid = validateUpgradeRequest(head);
  if (!valid.ok) {
    port.malformed(c, `websocket handshake: ${valid.reason}`);
    return httpError(c, port, 400, 'Bad Request', valid.reason, 'rejected');
  }
  const refusal = port.admit(c);
  if (refusal !== undefined)
    return httpError(c, port, 503, 'Service Unavailable', refusal, 'refused');
  const res = buildUpgradeResponse(valid.key, WS_SUBPROTOCOL);
  res.headers.push(['X-Gateway-Epoch', String(port.epoch)]);
  const bytes = encodeHttpResponse(res);
  port.opened(c);
  c.nextPingMs = port.now + port.settings.wsPingIntervalMs;
  port.transmit(c, [bytes], controlMeta([bytes], 'connect', '101 Switching Protocols'));
}

function onFrame(c: GatewayConnection, chunk: Uint8Array, port: GatewayPort): void {
  const r = decodeWsFrame(chunk);
  if (!r.ok) {
    port.malformed(c, `websocket frame: ${formatDecodeError(r.error)}`);
    return closeWith(c, port, 1002, 'protocol error');
  }
  const f = r.value;
  // RFC 6455 §5.1: a server must close the connection on an unmasked client frame.
  if (!f.masked) {
    port.malformed(c, 'websocket: client frame was not masked (RFC 6455 §5.1)');
    return closeWith(c, port, 1002, 'unmasked client frame');
  }
  switch (f.opcode) {
    case 'binary': {
      const e = decodeEnvelope(f.payload);
      if (!e.ok) return port.malformed(c, `websocket payload: ${formatDecodeError(e.error)}`);
      const env = e.value;
      if (env.kind === 'ack') {
        port.deviceAck(c, ackKey(env.msg, env.what));
        return;
      }
      if (port.envelope(c, env, f.payload) && env.kind === 'chat') {
        const bytes = encodeWsFrame({
          opcode: 'binary',
          payload: encodeEnvelope({ kind: 'accepted', msg: env.msg }),
        });
        port.transmit(c, [bytes], controlMeta([bytes], 'accepted', 'binary ✓', env.msg));
      }
      return;
    }
    case 'pong':
      c.pingSentMs = -1;
      return;
    case 'ping': {
      const bytes = encodeWsFrame({ opcode: 'pong', payload: f.payload });
      port.transmit(c, [bytes], controlMeta([bytes], 'ping', 'pong'));
      return;
    }
    case 'close':
      port.close(c, `client closed the WebSocket (${f.closeCode ?? 1005})`, false);
      return;
    default:
      port.malformed(c, `websocket: unexpected ${f.opcode} frame`);
  }
}

function closeWith(c: GatewayConnection, port: GatewayPort, code: number, reason: string): void {
  const bytes = encodeWsClose(code, reason);
  port.transmit(c, [bytes], controlMeta([bytes], 'disconnect', `close ${code}`));
  port.close(c, reason, true);
}

/** The gateway's WebSocket server: the upgrade, binary frames, server pings and close. */
export const webSocketServer: ServerProtocol = {
  onUp(c, chunks, port) {
    for (const chunk of chunks) {
      if (c.state === CONN_HANDSHAKE) onHandshake(c, chunk, port);
      else onFrame(c, chunk, port);
      if (c.state !== CONN_OPEN) return;
    }
  },

  push(c, port) {
    for (const d of port.takeWaiting(c)) {
      const bytes = encodeWsFrame({ opcode: 'binary', payload: d.envelope });
      port.transmit(c, [bytes], pushGistMeta([bytes], envelopeGist(d.envelope), 'binary frame'));
    }
  },

  sweep(c, port) {
    const s = port.settings;
    if (c.pingSentMs >= 0 && port.now - c.pingSentMs > s.wsPingTimeoutMs) {
      closeWith(c, port, 1001, 'no pong within the ping timeout');
      return Infinity;
    }
    if (c.pingSentMs < 0 && port.now >= c.nextPingMs) {
      const bytes = encodeWsFrame({ opcode: 'ping', payload: EMPTY });
      c.pingSentMs = port.now;
      c.nextPingMs = port.now + s.wsPingIntervalMs;
      port.transmit(c, [bytes], controlMeta([bytes], 'ping', 'ping'));
    }
    // Next: the pong deadline if a ping is out (a pong clears it; the check then finds nothing due).
    return c.pingSentMs >= 0
      ? Math.min(c.pingSentMs + s.wsPingTimeoutMs + 1, c.nextPingMs)
      : c.nextPingMs;
  },
};
