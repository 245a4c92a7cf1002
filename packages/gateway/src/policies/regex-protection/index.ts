import { definePolicy } from '../kit.js';
import { checkRegexProtection, createRegexProtection } from './handler.js';
import { type RegexProtectionConfig, RegexProtectionSchema } from './schema.js';

/** Regex protection: refuses requests whose path, query, headers or body match attack patterns. */
export const regexProtection = definePolicy<RegexProtectionConfig>({
  name: 'regex-protection',
  description:
    'Refuses requests whose path, query parameters, chosen headers or body match one of the configured regular expressions (400 THREAT_DETECTED), e.g. SQL injection or script tags.',
  priority: 320,
  flows: ['proxy-request'],
  scopes: ['project', 'resource'],
  schema: RegexProtectionSchema,
  check: checkRegexProtection,
  create: createRegexProtection,
});
