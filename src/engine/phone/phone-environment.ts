import type { ProtocolSettings } from '../protocols/transport';
import type { RetryPolicy } from '../model/retry-policy';

/** The result of opening a received body: its text, or why it could not be read. */
export type OpenedBody = { ok: true; text: string } | { ok: false; error: string };

/** Turns text into the bytes a chat envelope carries, and back: plaintext, or end-to-end sealed. */
export interface BodyCodec {
  readonly encrypted: boolean;
  seal(from: number, to: number, msg: number, text: string): Uint8Array;
  open(self: number, from: number, body: Uint8Array): OpenedBody;
}

/** What every phone in a fleet shares: settings the learner can change mid-run. */
export interface PhoneEnvironment {
  settings: ProtocolSettings;
  retry: RetryPolicy;
  body: BodyCodec;
  /** Keep the encoded bytes of each hop in the trace (the inspector needs them; benches do not). */
  recordWire: boolean;
}
