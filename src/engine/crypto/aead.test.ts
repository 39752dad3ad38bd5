// Proves XChaCha20-Poly1305 matches draft-irtf-cfrg-xchacha §A.3.1 and that per-message sealing rejects any changed byte.
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { openWithKey, sealWithKey, TAG_BYTES } from './aead';

describe('XChaCha20-Poly1305 known answer (draft-irtf-cfrg-xchacha-03 §A.3.1)', () => {
  const plaintext = utf8ToBytes(
    "Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, sunscreen would be it.",
  );
  const aad = hexToBytes('50515253c0c1c2c3c4c5c6c7');
  const key = hexToBytes('808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f');
  const nonce = hexToBytes('404142434445464748494a4b4c4d4e4f5051525354555657');
  const ciphertext =
    'bd6d179d3e83d43b9576579493c0e939572a1700252bfaccbed2902c21396cbb731c7f1b0b4aa6440bf3a82f4eda7e39ae64c6708c54c216cb96b72e1213b4522f8c9ba40db5d945b11b69b982c1bb9e3f3fac2bc369488f76b2383565d3fff921f9664c97637da9768812f615c68b13b52e';
  const tag = 'c0875924c1c7987947deafd8780acf49';

  it('encrypts to the published ciphertext and tag, and decrypts back', () => {
    const sealed = xchacha20poly1305(key, nonce, aad).encrypt(plaintext);
    expect(bytesToHex(sealed)).toBe(ciphertext + tag);
    expect(xchacha20poly1305(key, nonce, aad).decrypt(sealed)).toEqual(plaintext);
  });
});

describe('sealing under a message key', () => {
  const messageKey = new Uint8Array(32).fill(7);
  const header = utf8ToBytes('routing header');
  const plaintext = utf8ToBytes('meet at the café at 8');

  it('adds exactly the 16-byte tag and round-trips', () => {
    const sealed = sealWithKey(messageKey, header, plaintext);
    expect(sealed).toHaveLength(plaintext.length + TAG_BYTES);
    expect(openWithKey(messageKey, header, sealed)).toEqual(plaintext);
  });

  it('rejects a changed ciphertext byte, tag byte, header byte or key', () => {
    const sealed = sealWithKey(messageKey, header, plaintext);
    const flip = (bytes: Uint8Array, i: number): Uint8Array => {
      const copy = bytes.slice();
      copy[i] = (copy[i] ?? 0) ^ 0x01;
      return copy;
    };
    expect(openWithKey(messageKey, header, flip(sealed, 0))).toBeNull();
    expect(openWithKey(messageKey, header, flip(sealed, sealed.length - 1))).toBeNull();
    expect(openWithKey(messageKey, flip(header, 3), sealed)).toBeNull();
    expect(openWithKey(flip(messageKey, 0), header, sealed)).toBeNull();
    expect(openWithKey(messageKey, header, sealed.subarray(0, 10))).toBeNull();
  });
});
