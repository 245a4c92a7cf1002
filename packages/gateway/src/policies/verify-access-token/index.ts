import { definePolicy } from '../kit.js';
import { createVerifyAccessToken } from './handler.js';
import { type VerifyAccessTokenConfig, VerifyAccessTokenSchema } from './schema.js';

/** Verify Access Token: an OAuth 2.0 bearer token from the group's token endpoint opens its product's projects. */
export const verifyAccessToken = definePolicy<VerifyAccessTokenConfig>({
  name: 'verify-access-token',
  description: 'Authenticates calls by an OAuth 2.0 access token from POST /oauth/token (client credentials) and identifies the client.',
  priority: 110,
  flows: ['proxy-request'],
  scopes: ['project', 'resource'],
  schema: VerifyAccessTokenSchema,
  create: createVerifyAccessToken,
});
