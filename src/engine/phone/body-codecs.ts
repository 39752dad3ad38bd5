import { createPhoneCrypto, type PhoneCrypto } from '../crypto/e2e-session';
import type { Rng } from '../kernel/rng';
import { utf8Encode } from '../model/bytes';
import { utf8Text } from '../protocols/text';
import type { BodyCodec, OpenedBody } from './phone-environment';

/** Encryption off: the body is the UTF-8 text, readable by every server that carries it. */
export const PLAINTEXT_BODIES: BodyCodec = {
  encrypted: false,
  seal: (_from, _to, _msg, text) => utf8Encode(text),
  open: (_self, _from, body): OpenedBody => ({ ok: true, text: utf8Text(body) }),
};

/**
 * Encryption on: each phone's keys are made the first time it sends or receives (so a million
 * idle phones cost nothing), from a stream forked from the run's seed, so runs stay repeatable.
 * Published bundles are read from this directory; fetching a bundle from the server is a round
 * trip the simulation does not charge (a simplification, said so in the lessons).
 */
export function createE2eBodies(root: Rng): BodyCodec {
  const phones = new Map<number, PhoneCrypto>();
  const crypto = (user: number): PhoneCrypto => {
    let c = phones.get(user);
    if (!c) {
      c = createPhoneCrypto(user, root.fork(`e2e/u${user}`));
      phones.set(user, c);
    }
    return c;
  };
  return {
    encrypted: true,
    seal: (from, to, msg, text) => crypto(from).seal(crypto(to).bundle, msg, utf8Encode(text)),
    open: (self, from, body): OpenedBody => {
      const r = crypto(self).open(crypto(from).bundle, body);
      return r.ok ? { ok: true, text: utf8Text(r.plaintext) } : { ok: false, error: r.error };
    },
  };
}
