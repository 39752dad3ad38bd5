/** What a decoder returns: the value and how many bytes it used, or a clear error at a byte offset. */
export interface DecodeError {
  /** What is wrong, in words a learner can act on. */
  readonly message: string;
  /** The byte offset (from the start of the input) where the problem was found. */
  readonly offset: number;
}

export type DecodeResult<T> =
  | { readonly ok: true; readonly value: T; readonly length: number }
  | { readonly ok: false; readonly error: DecodeError };

export const decodeOk = <T>(value: T, length: number): DecodeResult<T> => ({
  ok: true,
  value,
  length,
});
export const decodeFail = <T>(message: string, offset: number): DecodeResult<T> => ({
  ok: false,
  error: { message, offset },
});

/** Formats an error the way the CLI prints it: `at byte 7: remaining length exceeds 4 bytes`. */
export const formatDecodeError = (e: DecodeError): string => `at byte ${e.offset}: ${e.message}`;
