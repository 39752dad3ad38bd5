/**
 * The one bound on scenario text, shared by every door a scenario comes through: the command
 * line reads a file, the page opens one or decodes it from a share link, a lesson writes one
 * inline. The longest example is under 2 KB; 64 KiB leaves room for a thousand scripted actions
 * while keeping a stranger's file quick to parse and check. Counted in UTF-8 bytes, as the file
 * is stored and sent, not in UTF-16 characters (an emoji is one or two characters but four bytes).
 */
export const MAX_SCENARIO_TEXT_BYTES = 64 * 1024;

/** Bytes of `s` in UTF-8, counted without an encoder (the engine runs without DOM or Node). */
export function utf8Bytes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) {
      const next = s.charCodeAt(i + 1);
      // A surrogate pair is one code point of four bytes; a lone surrogate encodes as U+FFFD (3).
      if (next >= 0xdc00 && next < 0xe000) {
        n += 4;
        i++;
      } else n += 3;
    } else n += 3;
  }
  return n;
}
