import { decodeHttpMessage } from '../http/body';
import {
  decodeEnvelope,
  encodeEnvelope,
  type DeliveryWhat,
  type Envelope,
} from '../../chat/envelope';
import type { TraceKind } from '../../kernel/trace';
import { utf8Text } from '../text';
import { formatDecodeError } from '../../model/decode-result';
import { encodeHttpRequest, headerValue } from '../http/codec';
import type { ClientPort, ClientTransport } from '../transport';
import { controlMeta, envelopeMeta } from '../wire-meta';
import { decodeWsFrame, encodeWsClose, encodeWsFrame } from './codec';
import { base64Encode, buildUpgradeRequest, websocketAccept } from './handshake';
import { WS_CLIENT_HEADERS, WS_HOST, WS_PATH, WS_SUBPROTOCOL } from './ws-headers';

/**
 * The phone's WebSocket client (RFC 6455): one HTTP upgrade, then masked binary frames up and
 * unmasked frames down. The server pings; the client answers with a pong echoing the data, and
 * treats a silent server (no ping for interval + timeout) as a dead connection.
 */
export class WebSocketClient implements ClientTransport {
  readonly proto = 'websocket' as const;
  private state: 'handshake' | 'open' | 'closed' = 'handshake';
  private key = '';

  constructor(private readonly port: ClientPort) {}

  private frame(opcode: 'binary' | 'pong', payload: Uint8Array): Uint8Array {
    // §5.3: every client frame is masked with a fresh, unpredictable key.
    return encodeWsFrame({ opcode, payload, maskKey: this.port.rng.bytes(4) });
  }

  private control(bytes: Uint8Array, kind: TraceKind, note: string, msg?: number): void {
    this.port.transmit([bytes], controlMeta([bytes], kind, note, msg));
  }

  private watchServer(): void {
    const s = this.port.settings;
    this.port.timer('server-silence', this.port.now + s.wsPingIntervalMs + s.wsPingTimeoutMs);
  }

  start(): void {
    this.key = base64Encode(this.port.rng.bytes(16));
    const head = buildUpgradeRequest({
      host: WS_HOST,
      path: WS_PATH,
      key: this.key,
      protocol: WS_SUBPROTOCOL,
      extraHeaders: WS_CLIENT_HEADERS(this.port.user),
    });
    this.control(encodeHttpRequest(head), 'connect', 'GET upgrade');
  }

  send(envs: readonly Envelope[]): void {
    if (this.state !== 'open') return;
    for (const env of envs) {
      const bytes = this.frame('binary', encodeEnvelope(env));
      this.port.transmit([bytes], envelopeMeta([bytes], [env], 'frame', 'binary frame'));
    }
  }

  ack(msg: number, what: DeliveryWhat): void {
    if (this.state !== 'open') return;
    this.control(
      this.frame('binary', encodeEnvelope({ kind: 'ack', msg, what })),
      'frame',
      'binary ack',
      msg,
    );
  }

  onDown(chunks: readonly Uint8Array[]): void {
    for (const chunk of chunks) {
      if (this.state === 'closed') return;
      if (this.state === 'handshake') this.onHandshake(chunk);
      else this.onFrame(chunk);
    }
  }

  private onHandshake(chunk: Uint8Array): void {
    const r = decodeHttpMessage(chunk);
    if (!r.ok) {
      this.port.malformed(`websocket handshake: ${formatDecodeError(r.error)}`);
      return;
    }
    const { head, body } = r.value;
    if (head.status !== 101) {
      this.state = 'closed';
      this.port.refused(
        headerValue(head.headers, 'x-refused-reason') ?? `HTTP ${head.status} ${utf8Text(body)}`,
      );
      return;
    }
    // §4.1: the client must check Sec-WebSocket-Accept before using the connection.
    if (headerValue(head.headers, 'sec-websocket-accept') !== websocketAccept(this.key)) {
      this.state = 'closed';
      this.port.closed('server sent a wrong Sec-WebSocket-Accept');
      return;
    }
    this.state = 'open';
    const epoch = Number(headerValue(head.headers, 'x-gateway-epoch') ?? 0);
    this.watchServer();
    this.port.connected(epoch === this.port.lastGatewayEpoch, epoch);
  }

  private onFrame(chunk: Uint8Array): void {
    const r = decodeWsFrame(chunk);
    if (!r.ok) {
      this.port.malformed(`websocket frame: ${formatDecodeError(r.error)}`);
      return;
    }
    const f = r.value;
    switch (f.opcode) {
      case 'binary': {
        const e = decodeEnvelope(f.payload);
        if (!e.ok) return this.port.malformed(`websocket payload: ${formatDecodeError(e.error)}`);
        if (e.value.kind === 'accepted') this.port.acceptedByServer(e.value.msg);
        else this.port.received(e.value, 0);
        return;
      }
      case 'ping':
        // §5.5.2: answer a ping with a pong carrying the same application data.
        this.control(this.frame('pong', f.payload), 'ping', 'pong');
        this.watchServer();
        return;
      case 'close':
        this.control(
          encodeWsClose(f.closeCode ?? 1000, '', this.port.rng.bytes(4)),
          'disconnect',
          'close',
        );
        this.state = 'closed';
        this.port.closed(
          `server closed the WebSocket (${f.closeCode ?? 1005}${f.closeReason ? ` ${f.closeReason}` : ''})`,
        );
        return;
      default:
        this.port.malformed(`websocket: unexpected ${f.opcode} frame`);
    }
  }

  onTimer(name: string): void {
    if (name === 'server-silence' && this.state === 'open') {
      this.state = 'closed';
      this.port.closed('no ping from the server within interval + timeout');
    }
  }

  stop(graceful: boolean): void {
    if (graceful && this.state === 'open')
      this.control(encodeWsClose(1000, 'bye', this.port.rng.bytes(4)), 'disconnect', 'close 1000');
    this.state = 'closed';
  }
}
