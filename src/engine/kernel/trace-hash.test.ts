// Proves the trace hash depends on every note's content, never on which string object carries it
// (its caches key short and long notes differently, and strings from a worker are fresh copies).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TraceHasher } from './trace-hash';
import { traceEvent } from './trace';

const hashOf = (notes: readonly string[]): string => {
  const h = new TraceHasher();
  notes.forEach((note, i) => h.emit(traceEvent(i, 'frame', 1, 2, 0, 10, 2, i, 'websocket', note)));
  return h.hex;
};
const copy = (s: string): string => s.split('').join('');

describe('TraceHasher', () => {
  it('hashes notes by content: the same notes as new strings give the same hash, one changed character another', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.constantFrom('binary ✓', 'c12', 'u7 online', '✓ body is plaintext: readable here'),
            fc.string({ maxLength: 30 }),
          ),
          { minLength: 1, maxLength: 40 },
        ),
        fc.nat(),
        (notes, pick) => {
          const same = notes.map(copy);
          expect(hashOf(same)).toBe(hashOf(notes));
          const i = pick % notes.length;
          const changed = [...notes];
          changed[i] = notes[i] + 'x';
          expect(hashOf(changed)).not.toBe(hashOf(notes));
        },
      ),
    );
  });
});
