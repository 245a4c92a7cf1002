import { bodyConversion } from '../body-conversion.js';
import type { PolicyHandler } from '../kit.js';
import { isJsonMediaType } from '../media-type.js';
import { compileJsonToXml } from './convert.js';
import type { JsonToXmlConfig } from './schema.js';

/** Converts JSON bodies (request or answer, by flow) to XML; other bodies pass through. */
export function createJsonToXml(config: JsonToXmlConfig): PolicyHandler {
  return bodyConversion({ from: 'JSON', accepts: isJsonMediaType, convert: compileJsonToXml(config), contentType: 'application/xml' });
}
