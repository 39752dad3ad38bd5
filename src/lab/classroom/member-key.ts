/**
 * A student's member key: a random secret this browser keeps per room and name. The room gives a
 * name to the first key that takes it, so a reload (or a dropped network) gets the same name and
 * queued messages back, while another student cannot take that name over.
 */

/** The part of `localStorage` the classroom uses. */
export interface KeyStorage {
  get(key: string): string | null;
  set(key: string, value: string): void;
}

/** localStorage when the browser allows it, else a map that lasts as long as the page. */
export function browserStorage(): KeyStorage {
  try {
    const s = globalThis.localStorage;
    s.setItem('doubletick.classroom.probe', '1');
    s.removeItem('doubletick.classroom.probe');
    return { get: (k) => s.getItem(k), set: (k, v) => s.setItem(k, v) };
  } catch {
    return forgetfulStorage();
  }
}

export function forgetfulStorage(): KeyStorage {
  const m = new Map<string, string>();
  return { get: (k) => m.get(k) ?? null, set: (k, v) => void m.set(k, v) };
}

export function memberKey(storage: KeyStorage, code: string, name: string): string {
  const slot = `doubletick.classroom.${code}.key.${name.toLowerCase()}`;
  const kept = storage.get(slot);
  if (kept && kept.length >= 16) return kept;
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  const key = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  storage.set(slot, key);
  return key;
}
