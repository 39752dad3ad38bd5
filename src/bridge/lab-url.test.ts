// Proves the broker address check lets through the addresses `npm run lab` and common brokers
// print, and refuses every other kind with a sentence naming what is wrong.
import { describe, expect, it } from 'vitest';
import { checkLabUrl, LAB_URL_MAX_CHARS } from './lab-url';

const error = (raw: string, page?: string): string => {
  const r = checkLabUrl(raw, page);
  if (r.ok) throw new Error(`accepted ${raw}`);
  return r.error;
};

describe('checkLabUrl', () => {
  it.each([
    ['ws://127.0.0.1:9001', 'ws://127.0.0.1:9001', '127.0.0.1:9001', false],
    ['  ws://127.0.0.1:9001/  ', 'ws://127.0.0.1:9001', '127.0.0.1:9001', false],
    ['ws://[::1]:8080', 'ws://[::1]:8080', '[::1]:8080', false],
    ['wss://broker.example.org/mqtt', 'wss://broker.example.org/mqtt', 'broker.example.org', true],
    ['WS://LocalHost:1884', 'ws://localhost:1884', 'localhost:1884', false],
  ])('accepts %s', (raw, url, host, secure) => {
    expect(checkLabUrl(raw)).toEqual({ ok: true, url, host, secure });
  });

  it('refuses other schemes, naming the two it takes', () => {
    for (const raw of ['http://127.0.0.1:9001', 'mqtt://127.0.0.1:1883', 'javascript:alert(1)'])
      expect(error(raw)).toMatch(/must start with ws:\/\/ or wss:\/\//);
    expect(error('127.0.0.1:9001')).toMatch(/ws:\/\/ or wss:\/\//);
  });

  it('refuses credentials, even empty ones', () => {
    for (const raw of ['ws://bob:secret@127.0.0.1:9001', 'ws://bob@127.0.0.1:9001', 'ws://:@h:1'])
      expect(error(raw)).toMatch(/user name or password/);
  });

  it('refuses path tricks, queries and fragments', () => {
    for (const raw of [
      'ws://h:1/a/b',
      'ws://h:1/../admin',
      'ws://h:1/%2e%2e',
      'ws://h:1//mqtt',
      'ws://h:1/./mqtt',
    ])
      expect(error(raw)).toMatch(/path .* is not allowed/);
    expect(error('ws://h:1/?x=1')).toMatch(/query/);
    expect(error('ws://h:1#x')).toMatch(/fragment/);
    expect(error('ws://h:1/\\mqtt')).toMatch(/backslashes/);
  });

  it('refuses blanks, control characters and overlong addresses, saying how long', () => {
    expect(error('')).toMatch(/Give the broker/);
    expect(error('ws://h:1/a b')).toMatch(/spaces/);
    expect(error('ws://h:1/\u0000')).toMatch(/control characters/);
    const long = `ws://${'a'.repeat(LAB_URL_MAX_CHARS)}:1`;
    expect(error(long)).toBe(
      `The broker address is ${long.length} characters long; at most ${LAB_URL_MAX_CHARS} are accepted.`,
    );
    expect(error('ws://')).toMatch(/not a URL|names no host/);
  });

  it('quotes at most 60 characters of a bad address', () => {
    const msg = error(`http://${'x'.repeat(150)}`);
    expect(msg).toContain('(157 characters)');
    expect(msg.length).toBeLessThan(200);
  });

  it('refuses ws: from an https page, which browsers block', () => {
    expect(error('ws://127.0.0.1:9001', 'https:')).toMatch(/wss:\/\//);
    expect(checkLabUrl('wss://127.0.0.1:9001', 'https:').ok).toBe(true);
    expect(checkLabUrl('ws://127.0.0.1:9001', 'http:').ok).toBe(true);
  });
});
