/**
 * Seeded, forkable randomness. The engine never uses the platform's random source: every actor gets its own
 * stream forked from the run's seed by a label, so adding a phone does not shift anyone else's.
 */
export interface Rng {
  /** A uniform 32-bit unsigned integer. */
  nextU32(): number;
  /** A uniform float in [0, 1). */
  next(): number;
  /** A uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** A uniform float in [min, max). */
  uniform(min: number, max: number): number;
  /** n uniform bytes. */
  bytes(n: number): Uint8Array;
  /** An independent stream derived from this one's seed and a label. */
  fork(label: string): Rng;
}

/** 32-bit FNV-1a of a string: used to derive fork seeds from labels. */
export function hashLabel(label: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** The splitmix32 output for state `s` (taken mod 2^32), as int32 bits. */
function splitmix32(s: number): number {
  let z = s >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return z ^ (z >>> 16);
}

/**
 * sfc32 seeded through splitmix32: small, fast and well distributed for simulation use. A class,
 * so a million phones each holding a stream cost four numbers apiece, not a set of closures.
 * The state words are kept as int32 (`| 0`), the same bits as uint32 but small integers to V8,
 * so they sit in the object itself instead of four boxed doubles per phone.
 */
class Sfc32 implements Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(private readonly seed: number) {
    const s = seed >>> 0;
    // Four splitmix32 steps (no closure: a million phones each fork one stream).
    this.a = splitmix32(s + 0x9e3779b9);
    this.b = splitmix32(s + 2 * 0x9e3779b9);
    this.c = splitmix32(s + 3 * 0x9e3779b9);
    this.d = splitmix32(s + 4 * 0x9e3779b9);
    for (let i = 0; i < 12; i++) this.nextU32();
  }

  nextU32(): number {
    const t = (this.a + this.b + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  next(): number {
    return this.nextU32() / 4294967296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  uniform(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  bytes(n: number): Uint8Array {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i += 4) {
      let v = this.nextU32();
      for (let j = 0; j < 4 && i + j < n; j++) {
        out[i + j] = v & 0xff;
        v >>>= 8;
      }
    }
    return out;
  }

  fork(label: string): Rng {
    return new Sfc32(hashLabel(label, this.seed >>> 0));
  }
}

/** A stream for a seed; the same seed always gives the same numbers. */
export function createRng(seed: number): Rng {
  return new Sfc32(seed);
}
