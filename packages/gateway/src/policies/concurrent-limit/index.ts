import { definePolicy } from '../kit.js';
import { createConcurrentLimit } from './handler.js';
import { type ConcurrentLimitConfig, ConcurrentLimitSchema } from './schema.js';

/** Concurrent limit: at most N calls in flight, per identifier. */
export const concurrentLimit = definePolicy<ConcurrentLimitConfig>({
  name: 'concurrent-limit',
  description: 'Allows at most N calls in flight at once per identifier; then 429 RATE_LIMITED.',
  priority: 240,
  flows: ['proxy-request'],
  scopes: ['project', 'resource'],
  schema: ConcurrentLimitSchema,
  create: createConcurrentLimit,
});
