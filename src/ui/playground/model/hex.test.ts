// Proves the hex dump shows every byte, sixteen per row, with the row's byte offset.
import { describe, expect, it } from 'vitest';
import { hexLines } from './hex';

describe('hexLines', () => {
  it('writes sixteen bytes per row with offsets', () => {
    const hex = '00'.repeat(16) + 'ff01';
    expect(hexLines(hex)).toBe(`0000  ${'00 '.repeat(15)}00\n0010  ff 01`);
  });
  it('is empty for no bytes', () => {
    expect(hexLines('')).toBe('');
  });
});
