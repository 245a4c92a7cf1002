import { definePolicy } from '../kit.js';
import { createJsonToXml } from './handler.js';
import { type JsonToXmlConfig, JsonToXmlSchema } from './schema.js';

/** JSON to XML: a JSON backend or client behind an XML API, and the reverse with xml-to-json. */
export const jsonToXml = definePolicy<JsonToXmlConfig>({
  name: 'json-to-xml',
  description: 'Converts JSON bodies to XML: the forwarded request in request flows, the answer in response flows.',
  priority: 440,
  flows: ['proxy-request', 'target-request', 'target-response', 'proxy-response'],
  scopes: ['project', 'resource'],
  schema: JsonToXmlSchema,
  create: createJsonToXml,
});
