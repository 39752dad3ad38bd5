import type { TraceEvent, TraceKind } from '../../../bridge/playground-api';
import { actorLabel, type NameBook } from '../../../views/actors';
import { displayName } from './names';

/** What each trace kind means, in a learner's words (the log's tooltip and legend). */
export const KIND_MEANING: Readonly<Record<TraceKind, string>> = {
  sent: 'the sender’s phone created the message',
  accepted: 'the gateway accepted it: ✓',
  routed: 'the session manager said where the recipient is',
  pushed: 'the gateway pushed it to the recipient (or answered a poll with it)',
  stored: 'the recipient is offline: the message waits in temporary storage',
  fetched: 'the recipient came back: the gateway fetched it from storage',
  delivered: 'the recipient’s phone has it: ✓✓ follows',
  acked: 'the recipient’s ack reached the gateway',
  deleted: 'storage deleted it after the ack',
  read: 'the recipient opened the chat',
  receipt: 'a ✓✓ or read receipt reached the sender',
  duplicate: 'a copy arrived again and was dropped by id',
  connect: 'a connection handshake',
  refused: 'the gateway refused a connection',
  disconnect: 'a connection closed',
  poll: 'a poll (often an empty answer)',
  ping: 'a keep-alive ping',
  retry: 'a refused or dropped phone will retry',
  crash: 'the gateway crashed',
  restart: 'the gateway restarted',
  frame: 'bytes on the wire (handshake, ack, subscribe…)',
  lost: 'bytes sent into a dead connection',
  rejected: 'a malformed or refused input',
  paging: 'an idle radio hears the network only at its paging occasion, once every 1.28 s',
};

/** Kinds grouped for the log's filter, in lifecycle order. */
export const KIND_ORDER: readonly TraceKind[] = [
  'sent',
  'accepted',
  'routed',
  'pushed',
  'paging',
  'stored',
  'fetched',
  'delivered',
  'acked',
  'deleted',
  'read',
  'receipt',
  'duplicate',
  'connect',
  'refused',
  'disconnect',
  'poll',
  'ping',
  'retry',
  'crash',
  'restart',
  'frame',
  'lost',
  'rejected',
];

/** `alice → Gateway`, or just `alice` for an event inside one component. */
export function routeText(e: TraceEvent, names: NameBook): string {
  const from = actorLabel(e.from, names);
  if (e.from === e.to) return from;
  return `${from} → ${actorLabel(e.to, names)}`;
}

/** What a delivery key names: `c3` the message itself, `d3`/`r3` its delivered or read receipt. */
const KEY_TEXT: Readonly<Record<string, string>> = {
  c: 'message',
  d: 'delivered receipt of message',
  r: 'read receipt of message',
};

/**
 * A trace note in a learner's words: names instead of user ids (`u2 offline` → `Bob is offline`)
 * and delivery keys spelled out (`c3` → `message #3`). The trace keeps its compact notes (they
 * are part of the trace hash); only the page reads them this way.
 */
export function noteText(note: string | undefined, names: NameBook): string {
  if (!note) return '';
  const who = (user: string): string => displayName(names.get(Number(user)) ?? `u${user}`);
  const presence = /^u(\d+) (online|offline)$/.exec(note);
  if (presence) return `${who(presence[1]!)} is ${presence[2]}`;
  const key = /^([cdr])(\d+)$/.exec(note);
  if (key) return `${KEY_TEXT[key[1]!]} #${key[2]}`;
  return note.replace(/\bu(\d+)\b/g, (_m, user: string) => who(user));
}
