import { definePolicy } from '../kit.js';
import { createBasicAuth } from './handler.js';
import { type BasicAuthConfig, BasicAuthSchema } from './schema.js';

/** Basic auth: the consumer key and secret of a subscribed product, sent with HTTP Basic. */
export const basicAuth = definePolicy<BasicAuthConfig>({
  name: 'basic-auth',
  description:
    "Authenticates calls by HTTP Basic with a subscription product's consumer key (user) and secret (password) and identifies the client.",
  priority: 130,
  flows: ['proxy-request'],
  scopes: ['project', 'resource'],
  schema: BasicAuthSchema,
  create: createBasicAuth,
});
