import { decodeEnvelope, encodeEnvelope, type Envelope } from '../../chat/envelope';
import { decodeFail, decodeOk, type DecodeResult } from '../../model/decode-result';

/** A polling body: envelopes one after another, each behind a 4-byte big-endian length. */
export function encodeEnvelopeBody(envs: readonly Envelope[]): Uint8Array {
  const parts = envs.map(encodeEnvelope);
  const out = new Uint8Array(parts.reduce((n, p) => n + 4 + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out[at] = (p.length >>> 24) & 0xff;
    out[at + 1] = (p.length >>> 16) & 0xff;
    out[at + 2] = (p.length >>> 8) & 0xff;
    out[at + 3] = p.length & 0xff;
    out.set(p, at + 4);
    at += 4 + p.length;
  }
  return out;
}

/** Decodes a polling body; an error names the envelope and byte where it went wrong. */
export function decodeEnvelopeBody(body: Uint8Array): DecodeResult<Envelope[]> {
  const envs: Envelope[] = [];
  let at = 0;
  while (at < body.length) {
    if (at + 4 > body.length)
      return decodeFail(`truncated envelope length (envelope ${envs.length + 1})`, at);
    const len =
      ((body[at]! << 24) | (body[at + 1]! << 16) | (body[at + 2]! << 8) | body[at + 3]!) >>> 0;
    if (at + 4 + len > body.length)
      return decodeFail(
        `envelope ${envs.length + 1} claims ${len} bytes, ${body.length - at - 4} left`,
        at,
      );
    const r = decodeEnvelope(body.subarray(at + 4, at + 4 + len));
    if (!r.ok)
      return decodeFail(`envelope ${envs.length + 1}: ${r.error.message}`, at + 4 + r.error.offset);
    envs.push(r.value);
    at += 4 + len;
  }
  return decodeOk(envs, body.length);
}
