import { definePolicy } from '../kit.js';
import { createVerifyApiKey } from './handler.js';
import { type VerifyApiKeyConfig, VerifyApiKeySchema } from './schema.js';

/** Verify API Key: the consumer key of a subscribed product opens that product's projects. */
export const verifyApiKey = definePolicy<VerifyApiKeyConfig>({
  name: 'verify-api-key',
  description: "Authenticates calls by a subscription product's consumer key and identifies the client.",
  priority: 100,
  flows: ['proxy-request'],
  scopes: ['project', 'resource'],
  schema: VerifyApiKeySchema,
  create: createVerifyApiKey,
});
