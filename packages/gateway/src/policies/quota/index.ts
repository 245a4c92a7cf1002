import { definePolicy } from '../kit.js';
import { checkQuota, createQuota } from './handler.js';
import { type QuotaConfig, QuotaSchema } from './schema.js';

/** Quota: N calls per minute, hour, day or month, counted per subscription product or another identifier. */
export const quota = definePolicy<QuotaConfig>({
  name: 'quota',
  description: 'Allows N calls per calendar minute, hour, day or month per identifier; then 429 QUOTA_EXCEEDED.',
  priority: 230,
  flows: ['proxy-request'],
  scopes: ['project', 'resource'],
  schema: QuotaSchema,
  check: checkQuota,
  create: createQuota,
});
