/**
 * A timer name a phone uses: the key its timer messages carry, its slot in the phone's list of
 * generations, and, for a transport's timer, the transport's own name for it.
 */
export interface TimerKey {
  readonly key: string;
  readonly slot: number;
  readonly transport: string | undefined;
}

const BY_KEY = new Map<string, TimerKey>();
const BY_TRANSPORT_NAME = new Map<string, TimerKey>();

/** Timer slots a phone keeps in fields (the engine has eight names: four its own, four the transports'). */
export const TIMER_FIELD_SLOTS = 8;

function define(key: string, transport: string | undefined): TimerKey {
  const k: TimerKey = { key, slot: BY_KEY.size, transport };
  BY_KEY.set(key, k);
  return k;
}

/** One of the phone's own timers (reconnect, connect-timeout, link drop-outs). */
export const phoneTimerKey = (name: string): TimerKey =>
  BY_KEY.get(name) ?? define(name, undefined);

// The last key looked up each way: an idle fleet asks for its keep-alive key over and over.
let lastTransport: TimerKey | undefined;
let lastByKey: TimerKey | undefined;

/** A transport's timer: it shares the phone's namespace under a `t:` prefix, built once per name. */
export function transportTimerKey(name: string): TimerKey {
  if (lastTransport !== undefined && lastTransport.transport === name) return lastTransport;
  let k = BY_TRANSPORT_NAME.get(name);
  if (k === undefined) {
    k = define(`t:${name}`, name);
    BY_TRANSPORT_NAME.set(name, k);
  }
  return (lastTransport = k);
}

/** The timer a message's key names (undefined: no phone ever set one by that name). */
export function timerOfKey(key: string): TimerKey | undefined {
  if (lastByKey !== undefined && lastByKey.key === key) return lastByKey;
  const k = BY_KEY.get(key);
  if (k !== undefined) lastByKey = k;
  return k;
}
