import { bodyConversion } from '../body-conversion.js';
import type { PolicyHandler } from '../kit.js';
import { isXmlMediaType } from '../media-type.js';
import { compileXmlToJson } from './convert.js';
import type { XmlToJsonConfig } from './schema.js';

/** Converts XML bodies (request or answer, by flow) to JSON; other bodies pass through. */
export function createXmlToJson(config: XmlToJsonConfig): PolicyHandler {
  return bodyConversion({ from: 'XML', accepts: isXmlMediaType, convert: compileXmlToJson(config), contentType: 'application/json' });
}
