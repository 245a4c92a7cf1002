import type { PolicyHandler } from '../kit.js';
import { compileXmlToJson } from './convert.js';
import { isXmlMediaType } from './media.js';
import type { XmlToJsonConfig } from './schema.js';
import { bodyConversion } from './transform.js';

/** Converts XML bodies (request or answer, by flow) to JSON; other bodies pass through. */
export function createXmlToJson(config: XmlToJsonConfig): PolicyHandler {
  return bodyConversion({ from: 'XML', accepts: isXmlMediaType, convert: compileXmlToJson(config), contentType: 'application/json' });
}
