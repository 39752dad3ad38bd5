/** HTTP/1.1 message heads (RFC 9112) as plain data. */

/** Header fields in wire order; names keep their case, lookups ignore it (RFC 9110 §5.1). */
export type HttpHeaders = [name: string, value: string][];

/** A request line plus header fields, ready to encode. */
export interface HttpRequestHead {
  method: string;
  target: string;
  version: 'HTTP/1.1';
  headers: HttpHeaders;
}

/** A status line plus header fields, ready to encode. */
export interface HttpResponseHead {
  version: 'HTTP/1.1';
  status: number;
  reason: string;
  headers: HttpHeaders;
}

/** A decoded head; `headBytes` counts through the empty line that ends it. */
export interface DecodedHttpHead {
  kind: 'request' | 'response';
  startLine: string;
  headers: HttpHeaders;
  headBytes: number;
  method?: string;
  target?: string;
  status?: number;
  reason?: string;
}

/** A head longer than this without its empty line is refused rather than buffered forever. */
export const HTTP_MAX_HEAD_BYTES = 64 * 1024;

/** How a message's body is delimited (RFC 9112 §6.3), and what that says about its length. */
export type HttpBodyFraming =
  /** No body at all: `why` names the rule (a 304, a 1xx, a request without a length…). */
  | { kind: 'none'; why: string }
  | { kind: 'content-length'; bodyBytes: number }
  /** `codings` is the Transfer-Encoding list, e.g. ["gzip", "chunked"]. */
  | { kind: 'chunked'; codings: string[] }
  /** A response without a length: its body runs until the server closes the connection. */
  | { kind: 'close-delimited' };

/** A decoded chunked body (RFC 9112 §7.1): each chunk's size, then the trailer fields. */
export interface HttpChunkedBody {
  /** Data bytes of each chunk in order, the last-chunk's 0 included. */
  chunkSizes: number[];
  trailers: HttpHeaders;
}

/** A head, how its body is framed, and the body bytes (a chunked body's data joined). */
export interface DecodedHttpMessage {
  head: DecodedHttpHead;
  framing: HttpBodyFraming;
  body: Uint8Array;
  /** False when only the head was given and a body is still to come. */
  bodyArrived: boolean;
  chunked?: HttpChunkedBody;
}
