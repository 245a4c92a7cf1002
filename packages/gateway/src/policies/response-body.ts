import type { ExchangeResponse } from '../exchange.js';

/** Statuses that carry no body: a replacement would announce a length nothing follows. */
const BODILESS = new Set([204, 304]);

/**
 * Replaces the backend's body with one a policy made (the forwarder sends it with its own
 * `Content-Length`). Headers describing the old bytes go: `content-encoding` (the new body is
 * not compressed), `etag` and `content-md5` (they named the backend's representation). A 204
 * or 304 answer is left alone. Answers whether the body was replaced.
 */
export function replaceResponseBody(response: ExchangeResponse, body: Buffer | string, contentType: string | undefined): boolean {
  if (BODILESS.has(response.status)) return false;
  response.body = typeof body === 'string' ? Buffer.from(body) : body;
  const headers = response.headers;
  delete headers['content-encoding'];
  delete headers.etag;
  delete headers['content-md5'];
  if (contentType !== undefined) headers['content-type'] = contentType;
  return true;
}
