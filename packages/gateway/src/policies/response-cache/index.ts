import { definePolicy } from '../kit.js';
import { createResponseCache } from './handler.js';
import { type ResponseCacheConfig, ResponseCacheSchema } from './schema.js';

/** Response Cache: GET answers served from memory for a while, per caller unless shared. */
export const responseCache = definePolicy<ResponseCacheConfig>({
  name: 'response-cache',
  description:
    'Serves GET answers from an in-memory cache for ttlSeconds, per caller unless shared. Attach it to proxy-request (lookup) and proxy-response (store).',
  priority: 460,
  flows: ['proxy-request', 'target-request', 'target-response', 'proxy-response'],
  scopes: ['project', 'resource'],
  schema: ResponseCacheSchema,
  create: createResponseCache,
});
