import { definePolicy } from '../kit.js';
import { createJsonThreatProtection } from './handler.js';
import { type JsonThreatProtectionConfig, JsonThreatProtectionSchema } from './schema.js';

/** JSON threat protection: depth, array, string and object-size limits on JSON request bodies. */
export const jsonThreatProtection = definePolicy<JsonThreatProtectionConfig>({
  name: 'json-threat-protection',
  description:
    'Refuses JSON request bodies that nest too deep or hold too many array elements, object entries or too long strings (400 THREAT_DETECTED), before any parser builds them.',
  priority: 300,
  flows: ['proxy-request'],
  scopes: ['project', 'resource'],
  schema: JsonThreatProtectionSchema,
  create: createJsonThreatProtection,
});
