/**
 * A chat message as lab mode's phones publish it: a small JSON object `{ id, from, text }` on the
 * recipient's topic. Anything else that arrives (another client on the same broker) is shown as
 * plain text from an unknown sender, never interpreted.
 */
import { LAB_LIMITS } from '../../bridge/lab-api';

export interface LabMessage {
  /** The sender's count of messages it sent (with `from`, the message's identity). */
  readonly id: number;
  readonly from: string;
  readonly text: string;
}

export const encodeLabMessage = (m: LabMessage): string => JSON.stringify(m);

const UNKNOWN_SENDER = '(not a DoubleTick phone)';
const text = new TextDecoder('utf-8');

/** Reads a payload; a foreign one becomes text (cut to the limit) from an unknown sender. */
export function decodeLabMessage(payload: Uint8Array): LabMessage {
  const raw = text.decode(payload);
  try {
    const x: unknown = JSON.parse(raw);
    if (
      typeof x === 'object' &&
      x !== null &&
      'id' in x &&
      'from' in x &&
      'text' in x &&
      Number.isSafeInteger(x.id) &&
      typeof x.from === 'string' &&
      typeof x.text === 'string'
    )
      return {
        id: x.id as number,
        from: x.from.slice(0, 40),
        text: x.text.slice(0, LAB_LIMITS.maxTextChars),
      };
  } catch {
    // not ours: shown as text below
  }
  return { id: -1, from: UNKNOWN_SENDER, text: raw.slice(0, LAB_LIMITS.maxTextChars) };
}
