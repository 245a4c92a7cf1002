import { GATEWAY_PREFIX, HOP_BY_HOP } from '../http/headers.js';
import { percentEncode } from './template.js';

/** An HTTP field name (RFC 9110 token), any case; policies lower-case it. */
export const HEADER_NAME_PATTERN = "^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}$";

/**
 * Headers a policy may never set, add, remove or rename: the connection's framing and routing
 * (hop-by-hop headers, `content-length`, `host`), which the gateway owns and which would let a
 * configuration smuggle or misroute requests, and the call's `x-request-id`.
 */
const RESERVED = new Set([...HOP_BY_HOP, 'content-length', 'host', 'x-request-id']);

/** Why a policy may not touch header `name` (lower case), or undefined when it may. */
export function reservedHeaderProblem(name: string): string | undefined {
  if (RESERVED.has(name)) return `'${name}' is managed by the gateway and cannot be changed by a policy`;
  if (name.startsWith(GATEWAY_PREFIX)) return `'${name}': x-tollgate-* headers are set by the gateway only`;
  return undefined;
}

// Node and undici refuse (throw on) anything else in a header value: CR and LF above all.
const UNSAFE_IN_VALUE = /[^\t\x20-\x7e\x80-\xff]+/gu;

/**
 * A rendered value made safe to send as a header: characters a header cannot carry (control
 * characters, CR/LF, code points above U+00FF) are percent-encoded as UTF-8, so a value taken
 * from a query parameter (`%0D%0A`) can never split a header or crash the send.
 */
export function headerSafe(value: string): string {
  UNSAFE_IN_VALUE.lastIndex = 0;
  return UNSAFE_IN_VALUE.test(value) ? value.replace(UNSAFE_IN_VALUE, percentEncode) : value;
}
