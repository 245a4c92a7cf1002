import { definePolicy } from '../kit.js';
import { checkJwt, createJwt } from './handler.js';
import { type JwtConfig, JwtSchema } from './schema.js';

/** JWT: verifies bearer tokens (HS256, RS256, ES256) against a secret or a key set, and forwards chosen claims. */
export const jwt = definePolicy<JwtConfig>({
  name: 'jwt',
  description:
    'Authenticates calls by a JSON Web Token in Authorization: Bearer (HS256, RS256, ES256; issuer, audience, expiry); forwards chosen claims as headers.',
  priority: 120,
  flows: ['proxy-request'],
  scopes: ['project', 'resource'],
  schema: JwtSchema,
  check: checkJwt,
  create: createJwt,
});
