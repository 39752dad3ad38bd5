import type { MessageInspection } from '../bridge/playground-api';
import type { TraceEvent } from '../engine/kernel/trace';
import { toHex } from '../engine/model/bytes';
import { ACTOR } from '../engine/model/actors';
import type { StoredItem } from '../engine/model/messages';
import { decodeHops } from './decode-hops';

/** One message's inspection from its recorded events and what the store holds of it (any host). */
export function messageInspection(
  msg: number,
  events: TraceEvent[],
  stored: readonly StoredItem[],
  encrypted: boolean,
): MessageInspection {
  const serverView: string[] = [];
  for (const it of stored)
    if (it.msg === msg && it.key.startsWith('c')) serverView.push(toHex(it.envelope));
  for (const e of events)
    if (e.wire && (e.to === ACTOR.gateway || e.from === ACTOR.gateway))
      for (const w of e.wire) serverView.push(toHex(w));
  return { msg, events, serverView, hops: decodeHops(events, encrypted) };
}
