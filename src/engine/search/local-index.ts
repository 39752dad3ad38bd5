/**
 * On-device message search. The server only ever holds ciphertext and keeps no history, so search
 * can only run on the phone, over what it has decrypted (FACTS.md §7, "Implication for search").
 *
 * An in-memory inverted index: normalised term → ids of the messages containing it, plus a sorted
 * vocabulary so the last query term can match as a prefix while the learner is still typing.
 */
import type { MessageId, SimMs, UserId } from '../model/brand';

/** A decrypted message as the phone stores it. */
export interface IndexedMessage {
  readonly id: MessageId;
  /** The other party of the chat this message belongs to. */
  readonly chatWith: UserId;
  readonly from: UserId;
  readonly text: string;
  /** When the phone sent or received it; ranking uses it. */
  readonly atMs: SimMs;
}

/** One search result: the message and the normalised terms of it that matched the query. */
export interface SearchHit {
  readonly message: IndexedMessage;
  readonly matchedTerms: readonly string[];
}

/** A phone's search index over its own decrypted history. */
export interface LocalIndex {
  /** Indexes a message; adding the same id again replaces it (deliveries can repeat). */
  add(message: IndexedMessage): void;
  /** Messages containing every query term (the last one as a prefix), newest first. */
  search(query: string, limit?: number): SearchHit[];
  /** Messages indexed. */
  readonly size: number;
}

/** Results returned when the caller gives no limit. */
export const DEFAULT_SEARCH_LIMIT = 20;

const COMBINING_MARKS = /\p{M}/gu;
const WORD = /[\p{L}\p{N}]+/gu;
// A query ending in a separator means the last word is finished: match it exactly, not as a prefix.
const ENDS_WITH_SEPARATOR = /[^\p{L}\p{N}]$/u;

/** Lowercases, then strips accents: NFD splits "é" into "e" + U+0301 and the mark is dropped. */
export function normalizeText(text: string): string {
  // Lowercase first: some capitals lowercase to a letter plus a combining mark ("İ" → "i̇").
  return text.toLowerCase().normalize('NFD').replace(COMBINING_MARKS, '');
}

/** The normalised words of a text, in order (letters and digits; everything else separates). */
export function tokenize(text: string): string[] {
  return normalizeText(text).match(WORD) ?? [];
}

interface Doc {
  readonly message: IndexedMessage;
  readonly terms: ReadonlySet<string>;
}

/** First index in a sorted array whose value is ≥ `key`. */
function lowerBound(sorted: readonly string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// Newest first; equal times fall back to the later message id, so the order is total and stable.
const newestFirst = (a: Doc, b: Doc): number =>
  b.message.atMs - a.message.atMs || b.message.id - a.message.id;

/** Creates an empty index. */
export function createLocalIndex(): LocalIndex {
  const docs = new Map<MessageId, Doc>();
  const postings = new Map<string, Set<MessageId>>();
  let vocabulary: string[] | null = []; // null when it needs re-sorting

  const remove = (id: MessageId): void => {
    const old = docs.get(id);
    if (!old) return;
    for (const term of old.terms) {
      const ids = postings.get(term);
      ids?.delete(id);
      if (ids?.size === 0) {
        postings.delete(term);
        vocabulary = null;
      }
    }
    docs.delete(id);
  };

  // Messages arrive far more often than anyone searches: they wait here and are tokenised, in
  // arrival order, when a search (or the size) next needs them. The results are the same.
  let waiting: IndexedMessage[] = [];

  const index = (message: IndexedMessage): void => {
    remove(message.id);
    const terms = new Set(tokenize(message.text));
    docs.set(message.id, { message, terms });
    for (const term of terms) {
      let ids = postings.get(term);
      if (!ids) {
        ids = new Set();
        postings.set(term, ids);
        vocabulary = null;
      }
      ids.add(message.id);
    }
  };

  const catchUp = (): void => {
    if (waiting.length === 0) return;
    const batch = waiting;
    waiting = [];
    for (const m of batch) index(m);
  };

  const termsWithPrefix = (prefix: string): string[] => {
    vocabulary ??= [...postings.keys()].sort();
    const out: string[] = [];
    for (let i = lowerBound(vocabulary, prefix); i < vocabulary.length; i++) {
      const term = vocabulary[i]!;
      if (!term.startsWith(prefix)) break;
      out.push(term);
    }
    return out;
  };

  const search = (query: string, limit = DEFAULT_SEARCH_LIMIT): SearchHit[] => {
    catchUp();
    const terms = [...new Set(tokenize(query))];
    const max = Math.floor(limit);
    if (terms.length === 0 || !(max > 0)) return [];
    const lastIsPrefix = !ENDS_WITH_SEPARATOR.test(query);
    const exact = lastIsPrefix ? terms.slice(0, -1) : terms;
    const expansions = lastIsPrefix ? termsWithPrefix(terms[terms.length - 1]!) : [];
    if (lastIsPrefix && expansions.length === 0) return [];

    // Every exact term must be present; the prefix is satisfied by any of its expansions.
    const required: ReadonlySet<MessageId>[] = [];
    for (const term of exact) {
      const ids = postings.get(term);
      if (!ids) return [];
      required.push(ids);
    }
    if (lastIsPrefix) {
      const union = new Set<MessageId>();
      for (const term of expansions) for (const id of postings.get(term)!) union.add(id);
      required.push(union);
    }
    required.sort((a, b) => a.size - b.size);
    const [smallest, ...rest] = required;
    const hits: Doc[] = [];
    for (const id of smallest!) if (rest.every((ids) => ids.has(id))) hits.push(docs.get(id)!);

    return hits
      .sort(newestFirst)
      .slice(0, max)
      .map((doc) => ({
        message: doc.message,
        matchedTerms: [...exact, ...expansions.filter((term) => doc.terms.has(term))],
      }));
  };

  return {
    add: (message) => void waiting.push(message),
    search,
    get size() {
      catchUp();
      return docs.size;
    },
  };
}
