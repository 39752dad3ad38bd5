import { decodeHttpMessage } from '../http/body';
import { ackKey, type Envelope } from '../../chat/envelope';
import { decodeEnvelope } from '../../chat/envelope';
import { CONN_HANDSHAKE, CONN_OPEN, type GatewayConnection } from '../server-connection';
import type { TraceKind } from '../../kernel/trace';
import { utf8Encode } from '../../model/bytes';
import { formatDecodeError } from '../../model/decode-result';
import { encodeHttpResponse, headerValue } from '../http/codec';
import type { HttpHeaders } from '../http/messages';
import { gatewayResponseHead } from '../http/realistic-headers';
import type { GatewayPort, ServerProtocol } from '../server-transport';
import { byteLength, payloadBytes } from '../wire-meta';
import { decodeEnvelopeBody, encodeEnvelopeBody } from './envelope-body';
import { BYE_PATH, POLL_PATH, POLL_SLACK_MS, SEND_PATH } from './paths';

function respond(
  c: GatewayConnection,
  port: GatewayPort,
  request: number,
  status: number,
  envs: readonly Envelope[],
  kind: TraceKind,
  note: string,
  extra: HttpHeaders = [],
  close?: string,
): void {
  const body = status === 200 ? encodeEnvelopeBody(envs) : utf8Encode(close ?? note);
  const head = gatewayResponseHead(
    status,
    status === 200 ? 'OK' : status === 503 ? 'Service Unavailable' : 'Bad Request',
    port.now,
    port.epoch,
    body.length,
    [['X-Request-Id', String(request)], ...extra],
  );
  const bytes = encodeHttpResponse(head, body);
  const first = envs[0];
  port.transmit(
    c,
    [bytes],
    {
      kind,
      note,
      headerBytes: byteLength([bytes]) - payloadBytes(envs),
      ...(first ? { msg: first.msg } : {}),
    },
    close,
  );
}

function answerPoll(
  c: GatewayConnection,
  port: GatewayPort,
  request: number,
  kind?: TraceKind,
): void {
  const ds = c.syncing ? [] : port.takeWaiting(c);
  const envs: Envelope[] = [];
  for (const d of ds) {
    const e = decodeEnvelope(d.envelope);
    if (e.ok) envs.push(e.value);
  }
  respond(
    c,
    port,
    request,
    200,
    envs,
    kind ?? (envs.length ? 'pushed' : 'poll'),
    envs.length ? `200 with ${envs.length}` : '200 empty',
  );
}

function onRequest(c: GatewayConnection, chunk: Uint8Array, port: GatewayPort): void {
  const r = decodeHttpMessage(chunk);
  if (!r.ok) {
    port.malformed(c, `http: ${formatDecodeError(r.error)}`);
    return respond(
      c,
      port,
      0,
      400,
      [],
      'rejected',
      '400 Bad Request',
      [],
      `malformed request: ${formatDecodeError(r.error)}`,
    );
  }
  const { head, body } = r.value;
  const request = Number(headerValue(head.headers, 'x-request-id') ?? 0);
  const envs = decodeEnvelopeBody(body);
  if (!envs.ok) {
    port.malformed(c, `http body: ${formatDecodeError(envs.error)}`);
    return respond(
      c,
      port,
      request,
      400,
      [],
      'rejected',
      '400 Bad Request',
      [],
      `malformed body: ${formatDecodeError(envs.error)}`,
    );
  }
  let opening = false;
  if (c.state === CONN_HANDSHAKE) {
    const refusal = port.admit(c);
    if (refusal !== undefined) {
      respond(
        c,
        port,
        request,
        503,
        [],
        'refused',
        '503 Service Unavailable',
        [
          ['Retry-After', '5'],
          ['X-Refused-Reason', refusal],
        ],
        refusal,
      );
      return port.forget(c);
    }
    port.opened(c);
    opening = true;
  }
  const accepted: Envelope[] = [];
  for (const env of envs.value) {
    if (env.kind === 'ack') port.deviceAck(c, ackKey(env.msg, env.what));
    else if (
      (env.kind === 'chat' || env.kind === 'read') &&
      port.envelope(c, env) &&
      env.kind === 'chat'
    )
      accepted.push({ kind: 'accepted', msg: env.msg });
  }
  switch (head.target) {
    case POLL_PATH:
      // The first poll of a session is answered at once (the handshake); later ones are held.
      if (c.proto === 'long-poll' && !opening && (c.syncing || !c.waiting?.length)) {
        // Hold the request: answer as soon as something arrives, or empty at the hold timeout.
        c.heldRequest = request;
        c.heldUntilMs = port.now + port.settings.longPollHoldMs;
        port.recheck(c, c.heldUntilMs);
        return;
      }
      return answerPoll(c, port, request, opening ? 'connect' : undefined);
    case SEND_PATH:
      return respond(
        c,
        port,
        request,
        200,
        accepted,
        accepted.length ? 'accepted' : 'frame',
        `200 ✓ ${accepted.length}`,
      );
    case BYE_PATH:
      respond(c, port, request, 200, [], 'disconnect', '200 bye');
      return port.close(c, 'client said goodbye', false);
    default:
      port.malformed(c, `http: no such endpoint ${head.target}`);
      return respond(
        c,
        port,
        request,
        400,
        [],
        'rejected',
        '404',
        [],
        `no such endpoint ${head.target}`,
      );
  }
}

/**
 * The gateway's HTTP polling server, short and long. Every answer is a full HTTP response;
 * a long poll is held until a delivery arrives or the hold runs out.
 */
export const pollingServer: ServerProtocol = {
  onUp(c, chunks, port) {
    for (const chunk of chunks) {
      onRequest(c, chunk, port);
      if (c.state !== CONN_OPEN) return;
    }
  },

  push(c, port) {
    if (c.heldRequest > 0 && !c.syncing && c.waiting?.length) {
      const request = c.heldRequest;
      c.heldRequest = 0;
      c.heldUntilMs = port.now;
      answerPoll(c, port, request);
    }
  },

  sweep(c, port) {
    const s = port.settings;
    if (c.heldRequest > 0) {
      if (port.now < c.heldUntilMs) return c.heldUntilMs;
      const request = c.heldRequest;
      c.heldRequest = 0;
      c.heldUntilMs = port.now;
      answerPoll(c, port, request);
    }
    // A polling session is "online" only while it keeps polling; a long poll's clock starts
    // when its last held request was answered.
    const expiry =
      c.proto === 'short-poll' ? 3 * s.shortPollIntervalMs + 5_000 : POLL_SLACK_MS + 10_000;
    const expiresAt = Math.max(c.lastHeardMs, c.heldUntilMs) + expiry;
    if (port.now > expiresAt) {
      port.close(c, 'polling session expired', false);
      return Infinity;
    }
    return expiresAt + 1;
  },
};
