import type { Exchange } from '../exchange.js';
import { type Rejection, reject } from './kit.js';

/**
 * Request-body helpers shared by the policies that inspect bodies (JSON and XML threat
 * protection, regex protection, JSON and OpenAPI validation). They live in this folder because
 * the policy registry allows only policy folders under `policies/`.
 */

export { isJsonMediaType, isXmlMediaType, mediaTypeOf } from './media-type.js';

/**
 * Whether the request carries body bytes, judged by its framing before reading: a non-zero
 * Content-Length or a Transfer-Encoding. A body a policy already read counts when non-empty.
 */
export function hasBody(exchange: Exchange): boolean {
  if (exchange.body !== undefined) return exchange.body.length > 0;
  const headers = exchange.request.headers;
  const length = headers['content-length'];
  if (length !== undefined) return length !== '0';
  return headers['transfer-encoding'] !== undefined;
}

/**
 * A body with a Content-Encoding (gzip, br…) cannot be inspected without inflating it, and
 * inflating client data is a decompression-bomb risk: such a body is refused with 415.
 */
export function refuseEncodedBody(exchange: Exchange): Rejection | undefined {
  const encoding = exchange.header('content-encoding');
  if (encoding === undefined || encoding.trim().toLowerCase() === 'identity') return undefined;
  return reject('UNSUPPORTED_MEDIA_TYPE', `a body with Content-Encoding '${encoding}' cannot be inspected; send it uncompressed`);
}

/**
 * Refuses, before reading, a body whose declared Content-Length passes a policy's own cap
 * (`Connection: close`: the unread body is not drained). Chunked bodies are read first (up to
 * the node's limit) and measured by {@link refuseLargeBody}.
 */
export function refuseDeclaredLength(exchange: Exchange, maxBodyBytes: number | null): Rejection | undefined {
  if (maxBodyBytes === null) return undefined;
  const declared = exchange.request.headers['content-length'];
  if (declared === undefined || Number(declared) <= maxBodyBytes) return undefined;
  return reject('PAYLOAD_TOO_LARGE', `the request body is larger than maxBodyBytes (${maxBodyBytes} bytes)`, { connection: 'close' });
}

/** Refuses a body that was read and is larger than a policy's own cap. */
export function refuseLargeBody(body: Buffer, maxBodyBytes: number | null): Rejection | undefined {
  if (maxBodyBytes === null || body.length <= maxBodyBytes) return undefined;
  return reject('PAYLOAD_TOO_LARGE', `the request body is larger than maxBodyBytes (${maxBodyBytes} bytes)`);
}
