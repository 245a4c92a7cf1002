import { isUtf8 } from 'node:buffer';
import type { Exchange } from '../../exchange.js';
import { type PolicyHandler, type Rejection, reject, type Verdict } from '../kit.js';
import { hasBody, isJsonMediaType, mediaTypeOf, refuseDeclaredLength, refuseEncodedBody, refuseLargeBody } from '../request-body.js';
import { type JsonLimits, JsonScanner, type JsonViolation } from './scan.js';
import type { JsonThreatProtectionConfig } from './schema.js';

/** What each limit's violation tells the client. */
const LIMIT_MESSAGES: Record<keyof JsonLimits, (value: number) => string> = {
  maxDepth: (value) => `the JSON body nests deeper than maxDepth (${value})`,
  maxArrayLength: (value) => `a JSON array has more elements than maxArrayLength (${value})`,
  maxStringLength: (value) => `a JSON string, key or number is longer than maxStringLength (${value} characters)`,
  maxKeys: (value) => `a JSON object has more entries than maxKeys (${value})`,
};

/**
 * Holds JSON request bodies to structural limits before any parser (ours or the backend's)
 * builds them: the body is read once (then forwarded from memory) and scanned without being
 * parsed. Requests without a JSON content type, or without a body, pass untouched.
 */
export function createJsonThreatProtection(config: JsonThreatProtectionConfig): PolicyHandler {
  const scanner = new JsonScanner(config);
  const maxBodyBytes = config.maxBodyBytes;

  function inspect(body: Buffer): Verdict {
    const tooLarge = refuseLargeBody(body, maxBodyBytes);
    if (tooLarge !== undefined) return tooLarge;
    if (body.length === 0) return undefined;
    if (!isUtf8(body)) return reject('THREAT_DETECTED', 'the JSON body is malformed: it is not valid UTF-8');
    const violation = scanner.scan(body);
    return violation === undefined ? undefined : threat(violation, config);
  }

  return {
    onRequest(exchange: Exchange) {
      if (!isJsonMediaType(mediaTypeOf(exchange.header('content-type'))) || !hasBody(exchange)) return undefined;
      const refused = refuseEncodedBody(exchange) ?? refuseDeclaredLength(exchange, maxBodyBytes);
      if (refused !== undefined) return refused;
      // A body read earlier (by another policy) is inspected without a promise.
      if (exchange.body !== undefined) return inspect(exchange.body);
      return exchange.readBody().then(inspect);
    },
  };
}

function threat(violation: JsonViolation, limits: JsonLimits): Rejection {
  const message =
    violation.kind === 'limit'
      ? LIMIT_MESSAGES[violation.limit](limits[violation.limit])
      : `the JSON body is malformed: ${violation.reason}`;
  return reject('THREAT_DETECTED', `${message} (at byte ${violation.offset})`);
}
