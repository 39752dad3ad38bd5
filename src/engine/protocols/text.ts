import { utf8Decode } from '../model/bytes';

/** Text for display: the UTF-8 decoding, or a note naming the offset of the first bad byte. */
export function utf8Text(bytes: Uint8Array): string {
  const r = utf8Decode(bytes);
  return r.ok ? r.value : `(not valid UTF-8 at byte ${r.error.offset})`;
}
