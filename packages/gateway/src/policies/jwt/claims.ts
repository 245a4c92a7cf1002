import type { JWTPayload } from 'jose';

// Printable ASCII and tab: what a header value can carry as is.
const HEADER_SAFE = /^[\t\x20-\x7e]*$/;

/**
 * A claim as a header value: strings as they are, other values as JSON (numbers, booleans,
 * arrays, objects). A value with characters a header cannot carry (non-ASCII, line breaks) is
 * percent-encoded as UTF-8, so a claim can never split or corrupt the request head.
 */
export function claimHeaderValue(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return HEADER_SAFE.test(text) ? text : encodeURIComponent(text);
}

/** Sets the configured claims of `payload` as request headers; absent or null claims send no header. */
export function forwardClaims(
  payload: JWTPayload,
  mapping: ReadonlyArray<readonly [string, string]>,
  headers: Record<string, string | string[]>,
): void {
  for (const [claim, header] of mapping) {
    const value = payload[claim];
    if (value !== undefined && value !== null) headers[header] = claimHeaderValue(value);
  }
}
