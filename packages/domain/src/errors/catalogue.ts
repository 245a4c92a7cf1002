/**
 * The error catalogue: every error code Tollgate answers with, its HTTP status and its title.
 *
 * One table for the management API and the gateway so that a code means the same thing
 * everywhere; `docs/errors.md` is kept identical to it by a test.
 */
export const ERROR_CATALOGUE = {
  VALIDATION_FAILED: { status: 400, title: 'The request is not valid' },
  UNAUTHENTICATED: { status: 401, title: 'Authentication is required' },
  FORBIDDEN: { status: 403, title: 'The caller may not do this' },
  NOT_FOUND: { status: 404, title: 'No such resource' },
  METHOD_NOT_ALLOWED: { status: 405, title: 'The method is not allowed on this resource' },
  CONFLICT: { status: 409, title: 'The request conflicts with the current state' },
  REFERENCED: { status: 409, title: 'The resource is still referenced' },
  PAYLOAD_TOO_LARGE: { status: 413, title: 'The request body is too large' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, title: 'The request body has an unsupported media type' },
  RATE_LIMITED: { status: 429, title: 'Too many requests' },
  QUOTA_EXCEEDED: { status: 429, title: 'The quota is exhausted' },
  PAYMENT_REQUIRED: { status: 402, title: 'The subscription has no rate plan in effect or its prepaid balance is used up' },
  INTERNAL: { status: 500, title: 'Internal error' },
  STORAGE_UNAVAILABLE: { status: 503, title: 'The store is unavailable' },
  ROUTE_NOT_FOUND: { status: 404, title: 'No API matches this path' },
  API_KEY_MISSING: { status: 401, title: 'An API key is required' },
  API_KEY_INVALID: { status: 401, title: 'The API key is not valid' },
  SUBSCRIPTION_INACTIVE: { status: 403, title: 'The subscription is not active' },
  KEY_NOT_AUTHORIZED: { status: 403, title: 'The API key does not grant access to this API' },
  IP_DENIED: { status: 403, title: 'The client address is not allowed' },
  CORS_REJECTED: { status: 403, title: 'The origin is not allowed' },
  THREAT_DETECTED: { status: 400, title: 'The request looks like an attack' },
  UPSTREAM_UNAVAILABLE: { status: 502, title: 'The backend could not be reached' },
  UPSTREAM_TIMEOUT: { status: 504, title: 'The backend did not answer in time' },
  POLICY_FAILED: { status: 500, title: 'A policy failed' },
  LIMIT_STORE_UNAVAILABLE: { status: 503, title: 'The limit counters are unavailable' },
} as const satisfies Record<string, { status: number; title: string }>;

/** A stable, documented error code. */
export type ErrorCode = keyof typeof ERROR_CATALOGUE;

/** Field path (dotted, array indexes as numbers) → message, so a form can mark the field. */
export type FieldErrors = Record<string, string>;

/**
 * An expected failure with a catalogue code. Services throw it; the HTTP layers turn it
 * into an `application/problem+json` body. Anything else that is thrown is a bug (500).
 */
export class TollgateError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly fields: FieldErrors | undefined;

  constructor(code: ErrorCode, detail: string, fields?: FieldErrors) {
    super(detail);
    this.name = 'TollgateError';
    this.code = code;
    this.status = ERROR_CATALOGUE[code].status;
    this.fields = fields;
  }
}

/** Shorthand for a 400 naming one field. */
export function invalidField(field: string, message: string): TollgateError {
  return new TollgateError('VALIDATION_FAILED', `${field} ${message}`, { [field]: message });
}

/** Shorthand for a 404 naming the kind of entity and its id. */
export function notFound(kind: string, id: string): TollgateError {
  return new TollgateError('NOT_FOUND', `${kind} '${id}' does not exist`);
}

/** Type guard for catalogue errors. */
export function isTollgateError(value: unknown): value is TollgateError {
  return value instanceof TollgateError;
}
