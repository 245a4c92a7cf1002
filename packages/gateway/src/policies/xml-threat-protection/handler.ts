import { isUtf8 } from 'node:buffer';
import type { Exchange } from '../../exchange.js';
import { type PolicyHandler, type Rejection, reject, type Verdict } from '../kit.js';
import { hasBody, isXmlMediaType, mediaTypeOf, refuseDeclaredLength, refuseEncodedBody, refuseLargeBody } from '../request-body.js';
import { type XmlLimits, XmlScanner, type XmlViolation } from './scan.js';
import type { XmlThreatProtectionConfig } from './schema.js';

/** What each limit's violation tells the client. */
const LIMIT_MESSAGES: Record<keyof XmlLimits, (value: number) => string> = {
  maxDepth: (value) => `the XML body nests elements deeper than maxDepth (${value})`,
  maxElements: (value) => `the XML body has more elements than maxElements (${value})`,
  maxAttributes: (value) => `an XML element has more attributes than maxAttributes (${value})`,
  maxNameLength: (value) => `an XML name is longer than maxNameLength (${value} characters)`,
  maxAttributeValueLength: (value) => `an XML attribute value is longer than maxAttributeValueLength (${value} characters)`,
  maxTextLength: (value) =>
    `an XML text, CDATA section, comment or processing instruction is longer than maxTextLength (${value} characters)`,
};

/**
 * Holds XML request bodies to structural limits and refuses DOCTYPEs and entity references
 * before any XML parser sees them: the body is read once (then forwarded from memory) and
 * scanned without being parsed or expanded. Requests without an XML content type, or without a
 * body, pass untouched.
 */
export function createXmlThreatProtection(config: XmlThreatProtectionConfig): PolicyHandler {
  const scanner = new XmlScanner(config);
  const maxBodyBytes = config.maxBodyBytes;

  function inspect(body: Buffer): Verdict {
    const tooLarge = refuseLargeBody(body, maxBodyBytes);
    if (tooLarge !== undefined) return tooLarge;
    if (body.length === 0) return undefined;
    if (!isUtf8(body)) return reject('THREAT_DETECTED', 'the XML body is malformed: it is not valid UTF-8');
    const violation = scanner.scan(body);
    return violation === undefined ? undefined : threat(violation, config);
  }

  return {
    onRequest(exchange: Exchange) {
      if (!isXmlMediaType(mediaTypeOf(exchange.header('content-type'))) || !hasBody(exchange)) return undefined;
      const refused = refuseEncodedBody(exchange) ?? refuseDeclaredLength(exchange, maxBodyBytes);
      if (refused !== undefined) return refused;
      if (exchange.body !== undefined) return inspect(exchange.body);
      return exchange.readBody().then(inspect);
    },
  };
}

function threat(violation: XmlViolation, limits: XmlLimits): Rejection {
  const message =
    violation.kind === 'limit'
      ? LIMIT_MESSAGES[violation.limit](limits[violation.limit])
      : violation.kind === 'forbidden'
        ? violation.reason
        : `the XML body is malformed: ${violation.reason}`;
  return reject('THREAT_DETECTED', `${message} (at byte ${violation.offset})`);
}
