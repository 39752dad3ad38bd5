// Proves lab payloads round-trip, and anything else a broker delivers is shown as cut plain text.
import { describe, expect, it } from 'vitest';
import { LAB_LIMITS } from '../../bridge/lab-api';
import { decodeLabMessage, encodeLabMessage } from './lab-message';

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('lab messages', () => {
  it('round-trip, markup included, as text', () => {
    const m = { id: 3, from: 'alice', text: '<b>hi</b> & "bye"' };
    expect(decodeLabMessage(bytes(encodeLabMessage(m)))).toEqual(m);
  });

  it('a foreign payload is text from an unknown sender', () => {
    for (const raw of ['hello', '{"id":"x","from":"a","text":"t"}', '[1,2]', 'null'])
      expect(decodeLabMessage(bytes(raw))).toEqual({
        id: -1,
        from: '(not a DoubleTick phone)',
        text: raw,
      });
  });

  it('cuts long texts and senders, and replaces bytes that are not UTF-8', () => {
    const long = 'x'.repeat(LAB_LIMITS.maxTextChars + 10);
    expect(decodeLabMessage(bytes(long)).text).toHaveLength(LAB_LIMITS.maxTextChars);
    const m = decodeLabMessage(
      bytes(encodeLabMessage({ id: 1, from: 'a'.repeat(100), text: long })),
    );
    expect(m.from).toHaveLength(40);
    expect(m.text).toHaveLength(LAB_LIMITS.maxTextChars);
    expect(decodeLabMessage(new Uint8Array([0xff, 0x41])).text).toBe('\ufffdA');
  });
});
