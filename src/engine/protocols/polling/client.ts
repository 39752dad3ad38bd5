import { decodeHttpMessage } from '../http/body';
import type { DeliveryWhat, Envelope } from '../../chat/envelope';
import type { TraceKind } from '../../kernel/trace';
import { utf8Text } from '../text';
import { formatDecodeError } from '../../model/decode-result';
import { encodeHttpRequest, headerValue } from '../http/codec';
import { clientRequestHead } from '../http/realistic-headers';
import type { ClientPort, ClientTransport } from '../transport';
import { byteLength, payloadBytes } from '../wire-meta';
import { decodeEnvelopeBody, encodeEnvelopeBody } from './envelope-body';
import { POLL_PATH, POLL_SLACK_MS, SEND_PATH, BYE_PATH } from './paths';

type RequestKind = 'poll' | 'send' | 'bye';

/**
 * The phone's HTTP polling client. Short polling asks "anything new?" every interval, whether
 * or not there is; long polling asks once and the server holds the request until something
 * arrives or the hold times out, then the client asks again at once. Either way every request
 * and every answer carries a full HTTP head (FACTS §3.1). Delivery acks ride in the next poll.
 */
export class PollingClient implements ClientTransport {
  private state: 'connecting' | 'open' | 'closed' = 'connecting';
  private pendingAcks: Envelope[] = [];
  private pollOutstanding = false;
  private nextRequestId = 1;
  private readonly requests = new Map<number, RequestKind>();

  constructor(
    private readonly port: ClientPort,
    readonly proto: 'short-poll' | 'long-poll',
  ) {}

  private request(
    kind: RequestKind,
    path: string,
    envs: readonly Envelope[],
    trace: TraceKind,
    note: string,
  ): void {
    const body = encodeEnvelopeBody(envs);
    const id = this.nextRequestId++;
    this.requests.set(id, kind);
    const head = clientRequestHead('POST', path, this.port.user, body.length);
    head.headers.push(['X-Request-Id', String(id)]);
    const bytes = encodeHttpRequest(head, body);
    const first = envs.find((e) => e.kind === 'chat' || e.kind === 'read');
    this.port.transmit([bytes], {
      kind: trace,
      note,
      headerBytes: byteLength([bytes]) - payloadBytes(envs),
      ...(first ? { msg: first.msg } : envs[0] ? { msg: envs[0].msg } : {}),
    });
  }

  private poll(): void {
    const acks = this.pendingAcks;
    this.pendingAcks = [];
    this.pollOutstanding = true;
    this.request(
      'poll',
      POLL_PATH,
      acks,
      'poll',
      acks.length ? `poll + ${acks.length} ack` : 'poll',
    );
    const s = this.port.settings;
    this.port.timer(
      'poll-timeout',
      this.port.now + (this.proto === 'long-poll' ? s.longPollHoldMs : 0) + POLL_SLACK_MS,
    );
  }

  start(): void {
    this.poll();
  }

  send(envs: readonly Envelope[]): void {
    if (this.state !== 'open' || envs.length === 0) return;
    this.request(
      'send',
      SEND_PATH,
      envs,
      envs[0]!.kind === 'chat' ? 'frame' : 'read',
      `POST ${SEND_PATH}`,
    );
  }

  ack(msg: number, what: DeliveryWhat): void {
    this.pendingAcks.push({ kind: 'ack', msg, what });
  }

  onDown(chunks: readonly Uint8Array[]): void {
    for (const chunk of chunks) {
      if (this.state === 'closed') return;
      const r = decodeHttpMessage(chunk);
      if (!r.ok) {
        this.port.malformed(`http: ${formatDecodeError(r.error)}`);
        continue;
      }
      const { head, body } = r.value;
      const id = Number(headerValue(head.headers, 'x-request-id') ?? 0);
      const kind = this.requests.get(id);
      this.requests.delete(id);
      if (kind === 'poll') this.onPollResponse(head.status ?? 0, head.headers, body);
      else if (kind === 'send') this.onSendResponse(head.status ?? 0, body);
    }
  }

  private onPollResponse(status: number, headers: [string, string][], body: Uint8Array): void {
    this.pollOutstanding = false;
    if (status !== 200) {
      const reason = headerValue(headers, 'x-refused-reason') ?? `HTTP ${status} ${utf8Text(body)}`;
      const wasOpen = this.state === 'open';
      this.state = 'closed';
      if (wasOpen) this.port.closed(reason);
      else this.port.refused(reason);
      return;
    }
    if (this.state === 'connecting') {
      this.state = 'open';
      const epoch = Number(headerValue(headers, 'x-gateway-epoch') ?? 0);
      this.port.connected(epoch === this.port.lastGatewayEpoch, epoch);
      if (this.state !== 'open') return;
    }
    const envs = decodeEnvelopeBody(body);
    if (!envs.ok) this.port.malformed(`poll body: ${formatDecodeError(envs.error)}`);
    else for (const e of envs.value) this.port.received(e, 0);
    if (this.state !== 'open') return;
    if (this.proto === 'long-poll') this.poll();
    else this.port.timer('poll', this.port.now + this.port.settings.shortPollIntervalMs);
  }

  private onSendResponse(status: number, body: Uint8Array): void {
    if (status !== 200) return; // unconfirmed sends stay in the outbox and go again later
    const envs = decodeEnvelopeBody(body);
    if (!envs.ok) return this.port.malformed(`send response: ${formatDecodeError(envs.error)}`);
    for (const e of envs.value) if (e.kind === 'accepted') this.port.acceptedByServer(e.msg);
  }

  onTimer(name: string): void {
    if (this.state !== 'open' && !(this.state === 'connecting' && name === 'poll-timeout')) return;
    if (name === 'poll') this.poll();
    else if (name === 'poll-timeout' && this.pollOutstanding) {
      this.state = 'closed';
      this.port.closed('poll request timed out');
    }
  }

  stop(graceful: boolean): void {
    if (graceful && this.state === 'open')
      this.request('bye', BYE_PATH, this.pendingAcks, 'disconnect', `POST ${BYE_PATH}`);
    this.state = 'closed';
  }
}
