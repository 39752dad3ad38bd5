/** Transport timers share a phone's timer namespace under a `t:` prefix, built once per name. */
const TRANSPORT_TIMER_KEY = new Map<string, string>();
/** The transport timer name behind a key, for keys that belong to the transport. */
export const TRANSPORT_TIMER_OF = new Map<string, string>();
/** The key of a transport timer (the same string every time, so lookups stay fast). */
export function transportTimerKey(name: string): string {
  let key = TRANSPORT_TIMER_KEY.get(name);
  if (key === undefined) {
    key = `t:${name}`;
    TRANSPORT_TIMER_KEY.set(name, key);
    TRANSPORT_TIMER_OF.set(key, name);
  }
  return key;
}
