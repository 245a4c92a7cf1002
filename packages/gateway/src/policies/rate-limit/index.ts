import { definePolicy } from '../kit.js';
import { checkRateLimit, createRateLimit } from './handler.js';
import { type RateLimitConfig, RateLimitSchema } from './schema.js';

/** Rate limit: N calls per fixed or sliding window of seconds, per identifier. */
export const rateLimit = definePolicy<RateLimitConfig>({
  name: 'rate-limit',
  description: 'Allows N calls per window of seconds (fixed or sliding) per identifier; then 429 RATE_LIMITED.',
  priority: 220,
  flows: ['proxy-request'],
  scopes: ['project', 'resource'],
  schema: RateLimitSchema,
  check: checkRateLimit,
  create: createRateLimit,
});
