// Proves every wire decoder is total: random and mutated bytes give a valid value or a clear
// error, never a throw or a hang.
import { decodeHttpMessage } from '../../src/engine/protocols/http/body';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromHex, toHex, utf8Decode, utf8Encode } from '../../src/engine/model/bytes';
import type { DecodeResult } from '../../src/engine/model/decode-result';
import { decodeHttpHead } from '../../src/engine/protocols/http/codec';
import {
  decodeMqtt,
  decodeRemainingLength,
  encodeMqtt,
} from '../../src/engine/protocols/mqtt/codec';
import { decodeWsFrame, encodeWsFrame } from '../../src/engine/protocols/ws/codec';
import { HTTP_SAMPLES, MQTT_SAMPLES, WS_SAMPLES } from './samples';

const RUNS = 10_000;
/** Fixed seeds, so a failure reproduces; fast-check prints the counterexample and its path. */
const SEED_RANDOM = 20_251_001;
const SEED_MUTATED = 20_251_002;

interface Decoder {
  name: string;
  decode: (bytes: Uint8Array, offset: number) => DecodeResult<unknown>;
  /** Extra checks on a successful decode of bytes[offset, offset + length). */
  onOk?: (value: unknown, consumed: Uint8Array) => void;
  corpus: Uint8Array[];
}

const mqttCorpus = MQTT_SAMPLES.map(encodeMqtt);
const wsCorpus = WS_SAMPLES.filter((f) => f.payload.length < 400).map(encodeWsFrame);
const httpCorpus = HTTP_SAMPLES.map(utf8Encode);

const DECODERS: Decoder[] = [
  {
    name: 'decodeMqtt',
    decode: decodeMqtt,
    corpus: mqttCorpus,
    // A decoded packet re-encodes to a packet that decodes to the same value.
    onOk: (value) => {
      const again = decodeMqtt(encodeMqtt(value as Parameters<typeof encodeMqtt>[0]));
      if (!again.ok || JSON.stringify(toJson(again.value)) !== JSON.stringify(toJson(value))) {
        throw new Error(`MQTT re-encode changed ${JSON.stringify(toJson(value))}`);
      }
    },
  },
  {
    name: 'decodeRemainingLength',
    decode: decodeRemainingLength,
    corpus: mqttCorpus.map((b) => b.subarray(1)),
  },
  {
    name: 'decodeWsFrame',
    decode: decodeWsFrame,
    corpus: wsCorpus,
    // Frames have one valid encoding (minimal length, RSV 0), so re-encoding gives the same bytes.
    onOk: (value, consumed) => {
      const f = value as Parameters<typeof encodeWsFrame>[0] & { fin: boolean };
      if (toHex(encodeWsFrame(f)) !== toHex(consumed)) {
        throw new Error(`WS re-encode differs: ${toHex(consumed)}`);
      }
    },
  },
  { name: 'decodeHttpHead', decode: decodeHttpHead, corpus: httpCorpus },
  { name: 'decodeHttpMessage', decode: decodeHttpMessage, corpus: httpCorpus },
  { name: 'utf8Decode', decode: (b, o) => utf8Decode(b, o), corpus: httpCorpus },
  {
    name: 'fromHex',
    decode: (b, o) => fromHex(Buffer.from(b.subarray(o)).toString('latin1')),
    corpus: [utf8Encode('81 05:48 65 6c 6c 6f')],
  },
];

function toJson(v: unknown): unknown {
  return JSON.parse(JSON.stringify(v, (_, x: unknown) => (x instanceof Uint8Array ? toHex(x) : x)));
}

/** The contract: ok with a sane length, or an error with a message and an offset in the input. */
function checkContract(d: Decoder, input: Uint8Array, offset: number): void {
  let r: DecodeResult<unknown>;
  try {
    r = d.decode(input, offset);
  } catch (e) {
    throw new Error(`${d.name} threw on ${toHex(input)} @${offset}: ${String(e)}`, { cause: e });
  }
  if (r.ok) {
    if (!(r.length >= 0 && offset + r.length <= input.length)) {
      throw new Error(`${d.name}: bad length ${r.length}`);
    }
    d.onOk?.(r.value, input.subarray(offset, offset + r.length));
    return;
  }
  const { message, offset: at } = r.error;
  if (typeof message !== 'string' || message.length === 0) {
    throw new Error(`${d.name}: empty error message`);
  }
  if (!(Number.isInteger(at) && at >= 0 && at <= input.length)) {
    throw new Error(`${d.name}: error offset ${at} outside input`);
  }
}

type Mutation =
  | { kind: 'flip'; at: number; bit: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'delete'; at: number; count: number }
  | { kind: 'set'; at: number; value: number };

/** Bytes that sit on boundaries: NUL, 7-bit max, continuation bit, 0xff, CR, LF, ':'. */
const EDGE_BYTES = [0x00, 0x7f, 0x80, 0xff, 0x0d, 0x0a, 0x3a];
const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip'), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ kind: fc.constant('truncate'), at: fc.nat() }),
  fc.record({
    kind: fc.constant('insert'),
    at: fc.nat(),
    bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }),
  }),
  fc.record({ kind: fc.constant('delete'), at: fc.nat(), count: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ kind: fc.constant('set'), at: fc.nat(), value: fc.constantFrom(...EDGE_BYTES) }),
);

function mutate(base: Uint8Array, mutations: Mutation[]): Uint8Array {
  let b = [...base];
  for (const m of mutations) {
    const at = b.length === 0 ? 0 : m.at % (b.length + (m.kind === 'insert' ? 1 : 0));
    if (m.kind === 'flip' && b.length > 0) b[at] = (b[at] ?? 0) ^ (1 << m.bit);
    if (m.kind === 'set' && b.length > 0) b[at] = m.value;
    if (m.kind === 'truncate') b = b.slice(0, at);
    if (m.kind === 'insert') b.splice(at, 0, ...m.bytes);
    if (m.kind === 'delete') b.splice(at, m.count);
  }
  return Uint8Array.from(b);
}

describe.each(DECODERS)('$name', (d) => {
  it(`survives ${RUNS} random byte strings`, () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300, size: 'max' }), fc.nat(), (input, start) => {
        checkContract(d, input, start % 4 === 0 ? start % (input.length + 1) : 0);
      }),
      { numRuns: RUNS, seed: SEED_RANDOM },
    );
  }, 30_000);

  it(`survives ${RUNS} mutations of valid encodings`, () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...d.corpus),
        fc.array(mutationArb, { minLength: 1, maxLength: 4 }),
        (base, mutations) => checkContract(d, mutate(base, mutations), 0),
      ),
      { numRuns: RUNS, seed: SEED_MUTATED },
    );
  }, 30_000);

  // fromHex takes a string, so only the byte decoders have a start offset to check.
  if (d.name !== 'fromHex') {
    it('rejects start offsets outside the input', () => {
      const input = d.corpus[0] ?? new Uint8Array(0);
      for (const offset of [-1, 0.5, input.length + 1, Number.NaN]) {
        expect(d.decode(input, offset).ok).toBe(false);
      }
    });
  }
});

describe('valid corpus', () => {
  it('every corpus entry decodes (so the mutations start from real packets)', () => {
    const whole = ['decodeMqtt', 'decodeWsFrame', 'decodeHttpMessage', 'fromHex'];
    for (const d of DECODERS.filter((x) => whole.includes(x.name))) {
      for (const b of d.corpus) {
        expect(d.decode(b, 0)).toMatchObject({ ok: true, length: b.length });
      }
    }
  });
});
