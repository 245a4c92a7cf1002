import { definePolicy } from '../kit.js';
import { createXmlThreatProtection } from './handler.js';
import { type XmlThreatProtectionConfig, XmlThreatProtectionSchema } from './schema.js';

/** XML threat protection: structural limits on XML request bodies; DOCTYPE and entities refused (XXE, billion laughs). */
export const xmlThreatProtection = definePolicy<XmlThreatProtectionConfig>({
  name: 'xml-threat-protection',
  description:
    'Refuses XML request bodies with a DOCTYPE or entity references (XXE, entity expansion), or that pass limits on depth, element and attribute counts, name and text lengths (400 THREAT_DETECTED).',
  priority: 310,
  flows: ['proxy-request'],
  scopes: ['project', 'resource'],
  schema: XmlThreatProtectionSchema,
  create: createXmlThreatProtection,
});
