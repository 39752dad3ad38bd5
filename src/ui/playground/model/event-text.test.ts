// Proves the log and inspector speak in names, never the trace's ids: `u2 offline` reads
// `Bob is offline`, `c3` reads `message #3`, and other notes keep their words.
import { describe, expect, it } from 'vitest';
import { noteText } from './event-text';

const names = new Map([
  [1, 'alice'],
  [2, 'bob'],
]);

describe('noteText', () => {
  it('says who is offline by name', () => {
    expect(noteText('u2 offline', names)).toBe('Bob is offline');
    expect(noteText('u1 online', names)).toBe('Alice is online');
  });
  it('spells out delivery keys', () => {
    expect(noteText('c3', names)).toBe('message #3');
    expect(noteText('d3', names)).toBe('delivered receipt of message #3');
    expect(noteText('r12', names)).toBe('read receipt of message #12');
  });
  it('names users inside other notes and keeps the rest', () => {
    expect(noteText('u1 cannot send to itself', names)).toBe('Alice cannot send to itself');
    expect(noteText('PUBLISH', names)).toBe('PUBLISH');
    expect(noteText(undefined, names)).toBe('');
  });
});
