import type { SearchResultView } from '../bridge/playground-api';
import type { Phone } from '../engine/phone/phone';
import type { Simulation } from '../engine/sim/simulation';

/** Longest query the search box accepts; longer input is cut, never an error. */
const MAX_QUERY_CHARS = 200;

/** One phone's on-device search, as the page shows it. */
export function searchPhoneIndex(
  phone: Phone | undefined,
  query: string,
  limit = 20,
): SearchResultView[] {
  if (!phone?.index) return [];
  return phone.index.search(query.slice(0, MAX_QUERY_CHARS), limit).map((h) => ({
    msg: h.message.id,
    peer: h.message.chatWith,
    from: h.message.from,
    text: h.message.text,
    atMs: h.message.atMs,
    matchedTerms: h.matchedTerms,
  }));
}

/** Searches user `user`'s phone in an in-process run. */
export function searchPhone(
  sim: Simulation | undefined,
  user: number,
  query: string,
): SearchResultView[] {
  return searchPhoneIndex(sim?.fleet.phone(user), query);
}
