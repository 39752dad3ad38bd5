// Proves on-device search ignores case and accents, ranks newest first, treats the last term as a prefix and finds nothing when nothing matches.
import { describe, expect, it } from 'vitest';
import { messageId, simMs, userId } from '../model/brand';
import { createLocalIndex, normalizeText, tokenize, type LocalIndex } from './local-index';

/** An index over a small two-chat history, with times out of insertion order on purpose. */
function history(): LocalIndex {
  const index = createLocalIndex();
  const rows: Array<[id: number, chatWith: number, from: number, t: number, text: string]> = [
    [1, 2, 1, 1_000, 'Meet at the café at 8?'],
    [2, 2, 2, 2_000, 'Which cafe? The one near the station'],
    [3, 3, 3, 9_000, 'CAFÉ CRÈME is the best'],
    [4, 3, 1, 4_000, 'Crème brûlée or tiramisu'],
    [5, 2, 1, 3_000, 'station at 8, then'],
  ];
  for (const [id, chatWith, from, t, text] of rows) {
    index.add({
      id: messageId(id),
      chatWith: userId(chatWith),
      from: userId(from),
      atMs: simMs(t),
      text,
    });
  }
  return index;
}
const ids = (index: LocalIndex, query: string, limit?: number): number[] =>
  index.search(query, limit).map((hit) => hit.message.id);

describe('normalisation', () => {
  it('lowercases and strips accents, splitting on anything that is not a letter or digit', () => {
    expect(normalizeText('CAFÉ Crème Brûlée')).toBe('cafe creme brulee');
    expect(normalizeText('İstanbul')).toBe('istanbul');
    expect(tokenize("Meet at the café, at 8?! l'été")).toEqual([
      'meet',
      'at',
      'the',
      'cafe',
      'at',
      '8',
      'l',
      'ete',
    ]);
  });
});

describe('local search', () => {
  it('finds "café" by cafe, CAFÉ and café, newest first', () => {
    const index = history();
    for (const query of ['cafe', 'CAFÉ', 'café', 'Cafe '])
      expect(ids(index, query)).toEqual([3, 2, 1]);
  });

  it('reports the matched terms, normalised', () => {
    const [hit] = history().search('CRÈME caf');
    expect(hit?.message.id).toBe(3);
    expect(hit?.matchedTerms).toEqual(['creme', 'cafe']);
  });

  it('ranks by recency, not by insertion order, and honours the limit', () => {
    const index = history();
    expect(ids(index, 'at')).toEqual([5, 1]);
    expect(ids(index, 't')).toEqual([3, 4, 5, 2, 1]);
    expect(ids(index, 't', 2)).toEqual([3, 4]);
    expect(ids(index, 't', 0)).toEqual([]);
  });

  it('needs every term; only the last one may be a prefix', () => {
    const index = history();
    expect(ids(index, 'station 8')).toEqual([5]);
    expect(ids(index, 'the stat')).toEqual([2]);
    expect(ids(index, 'stat the')).toEqual([]); // "stat" is not the last term, so it must be a whole word
    expect(ids(index, 'stat ')).toEqual([]); // a trailing space finishes the word
    const [hit] = index.search('cr');
    expect(hit?.matchedTerms).toEqual(['creme']);
  });

  it('finds nothing for unknown words, empty or punctuation-only queries', () => {
    const index = history();
    expect(ids(index, 'pizza')).toEqual([]);
    expect(ids(index, 'cafe pizza')).toEqual([]);
    expect(ids(index, '')).toEqual([]);
    expect(ids(index, ' ?! ')).toEqual([]);
  });

  it('re-adding a message id replaces it instead of duplicating it', () => {
    const index = history();
    expect(index.size).toBe(5);
    index.add({
      id: messageId(2),
      chatWith: userId(2),
      from: userId(2),
      atMs: simMs(2_000),
      text: 'pizza instead',
    });
    expect(index.size).toBe(5);
    expect(ids(index, 'cafe')).toEqual([3, 1]);
    expect(ids(index, 'pizz')).toEqual([2]);
    expect(ids(index, 'which')).toEqual([]);
  });

  it('breaks ties in time by the later message id', () => {
    const index = createLocalIndex();
    for (const id of [7, 9, 8]) {
      index.add({
        id: messageId(id),
        chatWith: userId(2),
        from: userId(1),
        atMs: simMs(5),
        text: 'same time',
      });
    }
    expect(ids(index, 'same')).toEqual([9, 8, 7]);
  });
});
