import type { TraceEvent } from '../kernel/trace';
import { ACTOR, actorName, isPhoneActor } from '../model/actors';
import { isChatKey, keyMsg, type ChatFacts, type MessageLedger } from './message-ledger';
import type { PromiseId } from './promises';

/** A promise an event breaks, and how. */
export interface Broken {
  readonly promise: PromiseId;
  readonly detail: string;
}

const broken = (promise: PromiseId, detail: string): Broken => ({ promise, detail });
const chatName = (c: ChatFacts): string =>
  `chat ${c.msg} (${actorName(c.sender)}→${actorName(c.recipient)} #${c.chatSeq})`;

/**
 * The first promise `ev` breaks, judged against what the ledger knew before it (undefined: none).
 * Each kind is checked only for what that step of a chat's life may do.
 */
export function checkEvent(ev: TraceEvent, l: MessageLedger): Broken | undefined {
  if (ev.atMs < l.lastAtMs)
    return broken('time-forward', `an event at ${ev.atMs} ms follows one at ${l.lastAtMs} ms`);
  switch (ev.kind) {
    case 'sent':
      return isPhoneActor(ev.from) && isPhoneActor(ev.to) && l.chat(ev.msg) !== undefined
        ? broken('known-chat', `chat ${ev.msg} was created a second time`)
        : undefined;
    case 'accepted':
      return onAccepted(ev, l);
    case 'routed':
      return aliveGateway(ev, l);
    case 'pushed':
      return onPushed(ev, l);
    case 'stored':
    case 'fetched':
    case 'acked':
    case 'deleted':
      return onStoreStep(ev, l);
    case 'delivered':
      return onDelivered(ev, l);
    case 'duplicate':
      return onDuplicate(ev, l);
    case 'read':
      return isPhoneActor(ev.from) && isPhoneActor(ev.to) ? onRead(ev, l) : undefined;
    case 'receipt':
      return onReceipt(ev, l);
    default:
      return undefined;
  }
}

function aliveGateway(ev: TraceEvent, l: MessageLedger): Broken | undefined {
  return l.gatewayDown
    ? broken('dead-gateway-silent', `'${ev.kind}' of message ${ev.msg} while the gateway is down`)
    : undefined;
}

function known(ev: TraceEvent, l: MessageLedger, msg = ev.msg): ChatFacts | Broken {
  return (
    l.chat(msg) ?? broken('known-chat', `'${ev.kind}' of message ${msg}, which no phone created`)
  );
}

const isBroken = (x: ChatFacts | Broken): x is Broken => 'promise' in x;

function onAccepted(ev: TraceEvent, l: MessageLedger): Broken | undefined {
  const up = ev.to === ACTOR.gateway;
  if (!up && ev.from !== ACTOR.gateway) return undefined;
  const dead = aliveGateway(ev, l);
  if (dead) return dead;
  const c = known(ev, l);
  if (isBroken(c)) return c;
  if (up && ev.from !== c.sender)
    return broken('accepted-from-sender', `${chatName(c)} accepted from ${actorName(ev.from)}`);
  if (!up && ev.to !== c.sender)
    return broken('right-phone', `✓ of ${chatName(c)} sent to ${actorName(ev.to)}`);
  return undefined;
}

function onPushed(ev: TraceEvent, l: MessageLedger): Broken | undefined {
  const dead = aliveGateway(ev, l);
  if (dead || ev.msg === 0) return dead;
  const c = known(ev, l);
  if (isBroken(c)) return c;
  if (ev.to === c.recipient)
    return c.acceptedAtMs < 0
      ? broken('gateway-had-it', `${chatName(c)} pushed before the gateway accepted it`)
      : undefined;
  if (ev.to === c.sender)
    return c.shown === 0
      ? broken('gateway-had-it', `a receipt of ${chatName(c)} pushed before it was delivered`)
      : undefined;
  return broken('right-phone', `${chatName(c)} pushed to ${actorName(ev.to)}`);
}

function onStoreStep(ev: TraceEvent, l: MessageLedger): Broken | undefined {
  const dead = aliveGateway(ev, l);
  const key = ev.note;
  if (dead || key === undefined) return dead;
  const c = known(ev, l, keyMsg(key));
  if (isBroken(c)) return c;
  const chat = isChatKey(key);
  switch (ev.kind) {
    case 'stored':
      if (chat && c.acceptedAtMs < 0)
        return broken('gateway-had-it', `${chatName(c)} stored before the gateway accepted it`);
      if (!chat && causeOf(key, c) < 0)
        return broken('gateway-had-it', `receipt ${key} stored before its cause`);
      return undefined;
    case 'fetched':
      return l.holds(key)
        ? undefined
        : broken('fetch-what-is-held', `${key} fetched, but the store does not hold it`);
    case 'acked': {
      const owner = chat ? c.recipient : c.sender;
      if (ev.from !== owner)
        return broken('right-phone', `${key} acked by ${actorName(ev.from)}, not its recipient`);
      return chat && c.shown === 0
        ? broken('ack-after-delivery', `${chatName(c)} acked before the phone showed it`)
        : undefined;
    }
    default:
      return l.wasAcked(key)
        ? undefined
        : broken('delete-after-ack', `${key} deleted before the recipient acked it`);
  }
}

/** When a receipt's cause happened: the chat shown (`d`) or opened (`r`); -1 before. */
const causeOf = (key: string, c: ChatFacts): number =>
  key.charCodeAt(0) === 100 /* d */ ? c.deliveredAtMs : c.readAtMs;

function onDelivered(ev: TraceEvent, l: MessageLedger): Broken | undefined {
  const c = known(ev, l);
  if (isBroken(c)) return c;
  if (ev.to !== c.recipient || ev.from !== c.sender)
    return broken('right-phone', `${chatName(c)} shown on ${actorName(ev.to)}`);
  if (c.shown > 0)
    return broken('at-most-once', `${chatName(c)} shown again (first at ${c.deliveredAtMs} ms)`);
  if (c.acceptedAtMs < 0)
    return broken('gateway-had-it', `${chatName(c)} shown before the gateway accepted it`);
  const prev = l.shownSeq(c.sender, c.recipient);
  return c.chatSeq <= prev
    ? broken('per-chat-order', `${chatName(c)} shown after #${prev} of the same chat`)
    : undefined;
}

function onDuplicate(ev: TraceEvent, l: MessageLedger): Broken | undefined {
  const c = known(ev, l);
  if (isBroken(c)) return c;
  if (ev.to !== c.recipient)
    return broken('right-phone', `a copy of ${chatName(c)} reached ${actorName(ev.to)}`);
  return c.shown === 0
    ? broken('duplicate-of-shown', `${chatName(c)} dropped as a copy before it was shown`)
    : undefined;
}

function onRead(ev: TraceEvent, l: MessageLedger): Broken | undefined {
  const c = known(ev, l);
  if (isBroken(c)) return c;
  if (ev.from !== c.recipient || ev.to !== c.sender)
    return broken('right-phone', `${chatName(c)} read on ${actorName(ev.from)}`);
  if (c.shown === 0)
    return broken('read-after-delivery', `${chatName(c)} read before it was shown`);
  return c.readAtMs >= 0
    ? broken('read-after-delivery', `${chatName(c)} read again (first at ${c.readAtMs} ms)`)
    : undefined;
}

function onReceipt(ev: TraceEvent, l: MessageLedger): Broken | undefined {
  const c = known(ev, l);
  if (isBroken(c)) return c;
  if (ev.to !== c.sender || ev.from !== c.recipient)
    return broken('right-phone', `a receipt of ${chatName(c)} reached ${actorName(ev.to)}`);
  const read = ev.note === 'read';
  const what = read ? 'read receipt' : '✓✓';
  if (c.acceptedAtMs < 0)
    return broken('receipt-after-cause', `${what} of ${chatName(c)} before the gateway's ✓`);
  if ((read ? c.readAtMs : c.deliveredAtMs) < 0)
    return broken('receipt-after-cause', `${what} of ${chatName(c)} before its cause`);
  return (read ? c.readReceiptAtMs : c.deliveredReceiptAtMs) >= 0
    ? broken('receipt-after-cause', `${what} of ${chatName(c)} raised twice`)
    : undefined;
}
