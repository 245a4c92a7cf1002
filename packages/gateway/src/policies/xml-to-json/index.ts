import { definePolicy } from '../kit.js';
import { createXmlToJson } from './handler.js';
import { type XmlToJsonConfig, XmlToJsonSchema } from './schema.js';

/** XML to JSON: an XML backend or client behind a JSON API, and the reverse with json-to-xml. */
export const xmlToJson = definePolicy<XmlToJsonConfig>({
  name: 'xml-to-json',
  description: 'Converts XML bodies to JSON: the forwarded request in request flows, the answer in response flows.',
  priority: 430,
  flows: ['proxy-request', 'target-request', 'target-response', 'proxy-response'],
  scopes: ['project', 'resource'],
  schema: XmlToJsonSchema,
  create: createXmlToJson,
});
