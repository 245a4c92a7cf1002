import type { Exchange } from '../../exchange.js';
import { type PolicyHandler, type Rejection, reject, type Verdict } from '../kit.js';
import { hasBody, isJsonMediaType, mediaTypeOf, refuseDeclaredLength, refuseEncodedBody, refuseLargeBody } from '../request-body.js';
import { backtrackingRisk } from './backtracking.js';
import { percentDecode, unescapeJson } from './decode.js';
import type { RegexProtectionConfig } from './schema.js';

/**
 * Refuses requests whose path, query, chosen headers or body match one of the configured
 * patterns (400 THREAT_DETECTED). Patterns are compiled once; inputs longer than
 * `maxInputLength` are refused unscanned, so a pattern's worst case is bounded by the cap.
 */
export function createRegexProtection(config: RegexProtectionConfig): PolicyHandler {
  const flags = config.caseInsensitive ? 'i' : '';
  // Neither g nor y: test() then keeps no lastIndex between calls.
  const patterns = config.patterns.map((pattern) => new RegExp(pattern, flags));
  const everyHeader = config.headers.includes('*');
  const headerNames = everyHeader ? [] : config.headers;
  const { maxInputLength, maxBodyBytes } = config;

  function matches(value: string): boolean {
    for (const pattern of patterns) if (pattern.test(value)) return true;
    return false;
  }

  /** Refuses a request part (path, query name or value, header value) that is too long to scan, or matches. */
  function part(value: string, where: string): Rejection | undefined {
    if (value.length > maxInputLength) {
      return reject('THREAT_DETECTED', `${where} is longer than maxInputLength (${maxInputLength} characters) and was not scanned`);
    }
    return matches(value) ? reject('THREAT_DETECTED', `${where} matches a threat pattern`) : undefined;
  }

  function query(text: string): Rejection | undefined {
    for (const [name, value] of new URLSearchParams(text)) {
      // The client's names are not echoed in the answer: they may carry the attack.
      const refused = part(name, 'a query parameter name') ?? part(value, 'a query parameter');
      if (refused !== undefined) return refused;
    }
    return undefined;
  }

  function header(name: string, value: string | string[] | undefined): Rejection | undefined {
    if (value === undefined) return undefined;
    if (typeof value === 'string') return part(value, `the ${name} header`);
    for (const item of value) {
      const refused = part(item, `the ${name} header`);
      if (refused !== undefined) return refused;
    }
    return undefined;
  }

  function headers(exchange: Exchange): Rejection | undefined {
    const forwarded = exchange.requestHeaders;
    if (everyHeader) {
      for (const name in forwarded) {
        const refused = header(name, forwarded[name]);
        if (refused !== undefined) return refused;
      }
      return undefined;
    }
    for (const name of headerNames) {
      const refused = header(name, forwarded[name]);
      if (refused !== undefined) return refused;
    }
    return undefined;
  }

  function body(bytes: Buffer, mediaType: string): Verdict {
    const tooLarge = refuseLargeBody(bytes, maxBodyBytes);
    if (tooLarge !== undefined) return tooLarge;
    const text = bytes.toString('utf8');
    if (mediaType === 'application/x-www-form-urlencoded') {
      for (const [name, value] of new URLSearchParams(text)) {
        if (matches(name) || matches(value)) return reject('THREAT_DETECTED', 'a form field of the body matches a threat pattern');
      }
      return undefined;
    }
    const scanned = isJsonMediaType(mediaType) ? unescapeJson(text) : text;
    return matches(scanned) ? reject('THREAT_DETECTED', 'the body matches a threat pattern') : undefined;
  }

  return {
    onRequest(exchange: Exchange) {
      const refused =
        (config.path ? part(percentDecode(exchange.path), 'the path') : undefined) ??
        (config.query && exchange.query !== '' ? query(exchange.query) : undefined) ??
        headers(exchange);
      if (refused !== undefined) return refused;
      if (!config.body || !hasBody(exchange)) return undefined;
      const early = refuseEncodedBody(exchange) ?? refuseDeclaredLength(exchange, maxBodyBytes);
      if (early !== undefined) return early;
      const mediaType = mediaTypeOf(exchange.header('content-type'));
      if (exchange.body !== undefined) return body(exchange.body, mediaType);
      return exchange.readBody().then((read) => body(read, mediaType));
    },
  };
}

/** What the schema cannot say: every pattern compiles and has no known catastrophic-backtracking shape; something is scanned. */
export function checkRegexProtection(config: unknown): Record<string, string> {
  const { patterns, caseInsensitive, headers, path, query, body } = config as RegexProtectionConfig;
  const problems: Record<string, string> = {};
  for (const [index, pattern] of patterns.entries()) {
    try {
      new RegExp(pattern, caseInsensitive ? 'i' : '');
    } catch (error) {
      problems[`patterns.${index}`] = `not a valid regular expression: ${(error as Error).message}`;
      continue;
    }
    const risk = backtrackingRisk(pattern);
    if (risk !== undefined) problems[`patterns.${index}`] = risk;
  }
  if (headers.includes('*') && headers.length > 1) problems.headers = "'*' (every header) cannot be combined with header names";
  if (!path && !query && headers.length === 0 && !body) problems[''] = 'nothing to scan: enable path, query, headers or body';
  return problems;
}
