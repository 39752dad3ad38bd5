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
